import { cx } from '@/components/ui/cx';
import type { QuoteStatus } from '@/db/schema';
import { QUOTE_STATUS_LABELS } from '@/lib/quotes/status';

const TONES: Record<QuoteStatus, string> = {
  draft: 'bg-slate-100 text-slate-700',
  sent: 'bg-sky-100 text-sky-800',
  accepted: 'bg-emerald-100 text-emerald-800',
  declined: 'bg-red-100 text-red-800',
  expired: 'bg-amber-100 text-amber-800',
};

export function QuoteStatusBadge({ status, superseded }: { status: QuoteStatus; superseded?: boolean }) {
  return (
    <span data-testid="quote-status" data-status={status} className={cx('inline-flex rounded-full px-2.5 py-0.5 text-xs font-medium whitespace-nowrap', superseded ? 'bg-slate-100 text-slate-500' : TONES[status])}>
      {superseded ? `${QUOTE_STATUS_LABELS[status]} · superseded` : QUOTE_STATUS_LABELS[status]}
    </span>
  );
}
