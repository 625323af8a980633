import { formatDate } from '@/lib/dates';
import { formatMoney } from '@/lib/money';

export type RawDealEvent = { kind: string; fromValue: string | null; toValue: string | null; fromName?: string | null; toName?: string | null };

/** A deal event as one line of the timeline, and the timeline type it shows as. */
export function describeDealEvent(e: RawDealEvent, currency: string): { type: 'deal' | 'won' | 'lost' | 'change'; title: string } {
  const money = (v: string | null) => (v === null ? 'nothing' : formatMoney(Number(v), currency));
  const date = (v: string | null) => (v === null ? 'no date' : formatDate(v));
  const pct = (v: string | null) => (v === null ? "the stage's probability" : `${Number(v) / 100}%`);
  switch (e.kind) {
    case 'created':
      return { type: 'deal', title: `Deal created at ${money(e.toValue)}` };
    case 'won':
      return { type: 'won', title: e.toValue && e.toValue !== 'won' ? `Won: ${e.toValue}` : 'Marked won' };
    case 'lost':
      return { type: 'lost', title: `Marked lost${e.toValue && e.toValue !== 'lost' ? `: ${e.toValue}` : ''}` };
    case 'reopened':
      return { type: 'change', title: `Reopened (was ${e.fromValue ?? 'closed'})` };
    case 'owner':
      return { type: 'change', title: `Owner changed from ${e.fromName ?? 'nobody'} to ${e.toName ?? 'nobody'}` };
    case 'value':
      return { type: 'change', title: `Value changed from ${money(e.fromValue)} to ${money(e.toValue)}` };
    case 'close_date':
      return { type: 'change', title: `Expected close moved from ${date(e.fromValue)} to ${date(e.toValue)}` };
    case 'probability':
      return { type: 'change', title: `Probability changed from ${pct(e.fromValue)} to ${pct(e.toValue)}` };
    default:
      return { type: 'change', title: 'Changed' };
  }
}
