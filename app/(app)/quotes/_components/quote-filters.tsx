'use client';

import { OwnerFilter, UrlSearchField, useUrlParams } from '@/components/list/url-filters';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import { QUOTE_STATUSES } from '@/db/schema';
import { QUOTE_STATUS_LABELS } from '@/lib/quotes/status';

/** Search, status and owner of the quotes list, kept in the URL. */
export function QuoteFilterBar({ users, defaultOwner }: { users: { id: number; name: string }[]; defaultOwner: 'me' | 'all' }) {
  const { params, apply } = useUrlParams();
  return (
    <div className="mb-4 flex flex-col gap-2 md:flex-row md:items-end" role="search" aria-label="Quote filters">
      <UrlSearchField label="Search quotes" placeholder="Number, title or company…" />
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
        <OwnerFilter users={users} defaultValue={defaultOwner} />
      </div>
    </div>
  );
}
