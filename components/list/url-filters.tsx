'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';

/** A list's filters live in the URL: setting one replaces the URL and goes back to page 1. */
export function useUrlParams() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  function apply(key: string, value: string | null) {
    const next = new URLSearchParams(params.toString());
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('page');
    router.replace(`${pathname}${next.size ? `?${next}` : ''}`, { scroll: false });
  }
  return { params, apply };
}

/** Search as you type into `?q=`, a quarter of a second after the last keystroke. */
export function UrlSearchField({ label, placeholder }: { label: string; placeholder: string }) {
  const { params, apply } = useUrlParams();
  const fromUrl = params.get('q') ?? '';
  const [q, setQ] = useState(fromUrl);
  // A link that changes the search (say "Show all") must show in the box too; typing ahead of the
  // debounced URL must not be overwritten.
  const [seen, setSeen] = useState(fromUrl);
  if (fromUrl !== seen) {
    setSeen(fromUrl);
    if (fromUrl !== q.trim()) setQ(fromUrl);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);
  return (
    <label className="block flex-1 md:max-w-sm">
      <span className="mb-0.5 block text-xs font-medium text-slate-500">{label}</span>
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
  );
}

/** Whose records: everyone's, mine, or one person's (`?owner=`); the default is left out of the URL. */
export function OwnerFilter({ users, defaultValue = 'all' }: { users: { id: number; name: string }[]; defaultValue?: 'all' | 'me' }) {
  const { params, apply } = useUrlParams();
  return (
    <label className="block">
      <span className="mb-0.5 block text-xs font-medium text-slate-500">Owner</span>
      <select className={cx(inputClass, 'pr-8 sm:w-40')} value={params.get('owner') ?? defaultValue} onChange={(e) => apply('owner', e.target.value === defaultValue ? null : e.target.value)}>
        <option value="all">Everyone</option>
        <option value="me">Mine</option>
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
    </label>
  );
}
