'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';

type Props = {
  searchLabel: string;
  placeholder: string;
  users: { id: number; name: string }[];
  tags: string[];
  openDealsLabel: string;
};

/** Search-as-you-type and filters of a list, kept in the URL (changing any filter goes back to page 1). */
export function ListToolbar({ searchLabel, placeholder, users, tags, openDealsLabel }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [q, setQ] = useState(params.get('q') ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);

  function apply(key: string, value: string | null) {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    router.replace(`${pathname}${next.size ? `?${next}` : ''}`, { scroll: false });
  }

  return (
    <div className="mb-4 flex flex-col gap-2 md:flex-row md:items-end" role="search" aria-label={`${searchLabel} filters`}>
      <label className="block flex-1 md:max-w-sm">
        <span className="mb-0.5 block text-xs font-medium text-slate-500">{searchLabel}</span>
        <input
          type="search"
          className={inputClass}
          placeholder={placeholder}
          value={q}
          onChange={(e) => {
            const value = e.target.value;
            setQ(value);
            if (timer.current) clearTimeout(timer.current);
            timer.current = setTimeout(() => apply('q', value.trim() || null), 250);
          }}
        />
      </label>
      <div className="grid grid-cols-2 gap-2 sm:flex sm:items-end">
        <label className="block">
          <span className="mb-0.5 block text-xs font-medium text-slate-500">Owner</span>
          <select className={cx(inputClass, 'pr-8 sm:w-40')} value={params.get('owner') ?? 'all'} onChange={(e) => apply('owner', e.target.value === 'all' ? null : e.target.value)}>
            <option value="all">Everyone</option>
            <option value="me">Mine</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="mb-0.5 block text-xs font-medium text-slate-500">Tag</span>
          <select className={cx(inputClass, 'pr-8 sm:w-40')} value={params.get('tag') ?? ''} onChange={(e) => apply('tag', e.target.value || null)}>
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="col-span-2 flex items-center gap-2 rounded-lg px-1 py-2 text-sm text-slate-700 sm:col-span-1">
          <input type="checkbox" className="size-4 rounded border-slate-300" checked={params.get('open') === '1'} onChange={(e) => apply('open', e.target.checked ? '1' : null)} />
          {openDealsLabel}
        </label>
      </div>
    </div>
  );
}
