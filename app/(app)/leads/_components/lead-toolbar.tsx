'use client';

import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import { OwnerFilter, UrlSearchField, useUrlParams } from '@/components/list/url-filters';
import { LEAD_STATUS_LABELS } from '@/lib/leads/schemas';

type Props = {
  users: { id: number; name: string }[];
  sources: { id: number; name: string }[];
  /** Only admins review the spam the forms caught. */
  canReviewSpam: boolean;
};

/** Search as you type and the inbox's filters (status, owner, source, hot, spam), kept in the URL. */
export function LeadToolbar({ users, sources, canReviewSpam }: Props) {
  const { params, apply } = useUrlParams();
  return (
    <div className="mb-4 flex flex-col gap-2 lg:flex-row lg:items-end" role="search" aria-label="Search leads filters">
      <UrlSearchField label="Search leads" placeholder="Name, email, phone or company…" />
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end">
        <label className="block">
          <span className="mb-0.5 block text-xs font-medium text-slate-500">Status</span>
          <select className={cx(inputClass, 'pr-8 sm:w-40')} value={params.get('status') ?? 'open'} onChange={(e) => apply('status', e.target.value === 'open' ? null : e.target.value)}>
            <option value="open">Open</option>
            {Object.entries(LEAD_STATUS_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
            <option value="all">All statuses</option>
          </select>
        </label>
        <OwnerFilter users={users} />
        <label className="block">
          <span className="mb-0.5 block text-xs font-medium text-slate-500">Source</span>
          <select className={cx(inputClass, 'pr-8 sm:w-40')} value={params.get('source') ?? ''} onChange={(e) => apply('source', e.target.value || null)}>
            <option value="">Any source</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 rounded-lg px-1 py-2 text-sm text-slate-700">
          <input type="checkbox" className="size-4 rounded border-slate-300" checked={params.get('hot') === '1'} onChange={(e) => apply('hot', e.target.checked ? '1' : null)} />
          Hot only
        </label>
        {canReviewSpam ? (
          <label className="flex items-center gap-2 rounded-lg px-1 py-2 text-sm text-slate-700">
            <input type="checkbox" className="size-4 rounded border-slate-300" checked={params.get('spam') === '1'} onChange={(e) => apply('spam', e.target.checked ? '1' : null)} />
            Spam
          </label>
        ) : null}
      </div>
    </div>
  );
}
