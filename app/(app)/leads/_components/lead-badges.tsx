import { cx } from '@/components/ui/cx';
import type { LeadStatus } from '@/db/schema';
import { LEAD_STATUS_LABELS } from '@/lib/leads/schemas';

const STATUS_TONES: Record<LeadStatus, string> = {
  new: 'bg-brand-50 text-brand-700 ring-brand-200',
  contacted: 'bg-sky-50 text-sky-800 ring-sky-200',
  qualified: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  disqualified: 'bg-slate-100 text-slate-600 ring-slate-200',
  converted: 'bg-violet-50 text-violet-800 ring-violet-200',
};

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  return <span className={cx('inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1', STATUS_TONES[status])}>{LEAD_STATUS_LABELS[status]}</span>;
}

/** The score, coloured from the workspace's hot threshold on: hot leads stand out in the list. */
export function LeadScore({ score, hot }: { score: number; hot: number }) {
  const isHot = score >= hot;
  return (
    <span
      className={cx('inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-sm font-semibold tabular-nums', isHot ? 'bg-amber-100 text-amber-900' : 'text-slate-700')}
      title={isHot ? `Hot: ${hot} or more` : `Hot from ${hot}`}
    >
      {score}
      {isHot ? <span className="text-xs font-medium">hot</span> : null}
    </span>
  );
}
