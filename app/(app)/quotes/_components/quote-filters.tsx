'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import { QUOTE_STATUSES } from '@/db/schema';
import { QUOTE_STATUS_LABELS } from '@/lib/quotes/status';

/** Status, owner and search of the quotes list, kept in the URL; any change goes back to page 1. */
export function QuoteFilterBar({ users, defaultOwner }: { users: { id: number; name: string }[]; defaultOwner: 'me' | 'all' }) {
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
    <div className="mb-4 flex flex-col gap-2 md:flex-row md:items-end" role="search" aria-label="Quote filters">
      <label className="block flex-1 md:max-w-sm">
        <span className="mb-0.5 block text-xs font-medium text-slate-500">Search quotes</span>
        <input
          type="search"
          className={inputClass}
          placeholder="Number, title or company…"
          value={q}
          onChange={(e) => {
            const value = e.target.value;
            setQ(value);
            if (timer.current) clearTimeout(timer.current);
            timer.current = setTimeout(() => apply('q', value.trim() || null), 250);
          }}
        />
      </label>
      <div className="grid grid-cols-2 gap-2 sm:flex">
        <label className="block">
          <span className="mb-0.5 block text-xs font-medium text-slate-500">Status</span>
          <select className={cx(inputClass, 'pr-8 sm:w-40')} value={params.get('status') ?? 'all'} onChange={(e) => apply('status', e.target.value === 'all' ? null : e.target.value)}>
            <option value="all">Any status</option>
            {QUOTE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {QUOTE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="block">
          <span className="mb-0.5 block text-xs font-medium text-slate-500">Owner</span>
          <select className={cx(inputClass, 'pr-8 sm:w-40')} value={params.get('owner') ?? defaultOwner} onChange={(e) => apply('owner', e.target.value === defaultOwner ? null : e.target.value)}>
            <option value="all">Everyone</option>
            <option value="me">Mine</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
