'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import type { Role } from '@/db/schema';
import { dealFiltersToParams, type DealFilters } from '@/lib/deals/filters';

type Props = {
  filters: DealFilters;
  role: Role;
  users: { id: number; name: string }[];
  pipelines: { id: number; name: string }[];
  view: 'board' | 'list';
  /** Extra controls at the end of the bar (e.g. "New deal"). */
  children?: React.ReactNode;
};

/** The filters of the board, the list and the export, kept in the URL so that they can be shared. */
export function DealFilterBar({ filters, role, users, pipelines, view, children }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [q, setQ] = useState(filters.q);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  function apply(change: Partial<DealFilters>) {
    const params = dealFiltersToParams({ ...filters, ...change }, role);
    router.replace(`${pathname}${params.size ? `?${params}` : ''}`, { scroll: false });
  }

  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);

  const query = dealFiltersToParams(filters, role).toString();
  const suffix = query ? `?${query}` : '';

  return (
    <div className="mb-4 flex flex-col gap-2 lg:flex-row lg:flex-wrap lg:items-end" role="search" aria-label="Deal filters">
      <div className="flex self-start rounded-lg bg-slate-200/70 p-0.5 text-sm font-medium" aria-label="View">
        <Link href={`/deals${suffix}`} aria-current={view === 'board' ? 'page' : undefined} className={cx('rounded-md px-3 py-1.5', view === 'board' ? 'bg-white shadow-sm text-slate-900' : 'text-slate-600')}>
          Board
        </Link>
        <Link href={`/deals/list${suffix}`} aria-current={view === 'list' ? 'page' : undefined} className={cx('rounded-md px-3 py-1.5', view === 'list' ? 'bg-white shadow-sm text-slate-900' : 'text-slate-600')}>
          List
        </Link>
      </div>
      <label className="min-w-0 flex-1 lg:max-w-xs">
        <span className="sr-only">Search deals</span>
        <input
          type="search"
          className={inputClass}
          placeholder="Search title, company, contact…"
          value={q}
          onChange={(e) => {
            const value = e.target.value;
            setQ(value);
            if (timer.current) clearTimeout(timer.current);
            timer.current = setTimeout(() => apply({ q: value.trim() }), 300);
          }}
        />
      </label>
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap">
        {pipelines.length > 1 ? (
          <Select label="Pipeline" value={String(filters.pipelineId ?? pipelines[0]?.id ?? '')} onChange={(v) => apply({ pipelineId: v === 'all' ? 'all' : Number(v) })}>
            <option value="all">All pipelines</option>
            {pipelines.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        ) : null}
        <Select label="Owner" value={String(filters.owner)} onChange={(v) => apply({ owner: v === 'me' || v === 'all' ? v : Number(v) })}>
          <option value="me">My deals</option>
          <option value="all">Everyone</option>
          {users.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </Select>
        <Select label="Status" value={filters.status} onChange={(v) => apply({ status: v as DealFilters['status'] })}>
          <option value="open">Open</option>
          <option value="won">Won</option>
          <option value="lost">Lost</option>
        </Select>
        <DateInput label="Closing from" value={filters.closeFrom} onChange={(v) => apply({ closeFrom: v })} />
        <DateInput label="Closing to" value={filters.closeTo} onChange={(v) => apply({ closeTo: v })} />
      </div>
      {children ? <div className="flex gap-2 lg:ml-auto">{children}</div> : null}
    </div>
  );
}

function Select({ label, value, onChange, children }: { label: string; value: string; onChange: (v: string) => void; children: React.ReactNode }) {
  return (
    <label className="block">
      <span className="mb-0.5 block text-xs font-medium text-slate-500">{label}</span>
      <select className={cx(inputClass, 'pr-8 sm:w-40')} value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </label>
  );
}

function DateInput({ label, value, onChange }: { label: string; value: string | null; onChange: (v: string | null) => void }) {
  return (
    <label className="block">
      <span className="mb-0.5 block text-xs font-medium text-slate-500">{label}</span>
      <input type="date" className={cx(inputClass, 'sm:w-40')} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)} />
    </label>
  );
}
