import type { PaymentTerms, QuoteStatus } from '@/db/schema';
import { addDays } from '@/lib/dates';

export const QUOTE_STATUS_LABELS: Record<QuoteStatus, string> = {
  draft: 'Draft',
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired',
};

export const PAYMENT_TERM_LABELS: Record<PaymentTerms, string> = {
  due_on_receipt: 'Due on receipt',
  net_15: 'Net 15',
  net_30: 'Net 30',
  net_60: 'Net 60',
  custom: 'Custom',
};

export function formatQuoteNumber(year: number, sequence: number): string {
  return `Q-${year}-${String(sequence).padStart(4, '0')}`;
}

/** What people see and quote back: the number, and "-v2" from the first revision on. */
export function quoteLabel(number: string, revision: number): string {
  return revision > 1 ? `${number}-v${revision}` : number;
}

/** A new quote's or revision's valid-until: today plus the workspace's quote validity in days. */
export function defaultValidUntil(today: string, validityDays: number): string {
  return addDays(today, validityDays);
}

/**
 * A sent quote past its valid-until date is expired without anyone writing it down: the date is the
 * fact, the status follows from it (the last valid day is valid-until itself, in the workspace zone).
 */
export function effectiveStatus(q: { status: QuoteStatus; validUntil: string }, today: string): QuoteStatus {
  return q.status === 'sent' && q.validUntil < today ? 'expired' : q.status;
}

export type AcceptBlock = 'not-sent' | 'expired' | 'superseded' | 'answered' | null;

/** Why the customer cannot accept or decline this quote now, or null when they can. */
export function responseBlock(q: { status: QuoteStatus; validUntil: string; supersededById: number | null }, today: string): AcceptBlock {
  if (q.supersededById !== null) return 'superseded';
  const status = effectiveStatus(q, today);
  if (status === 'accepted' || status === 'declined') return 'answered';
  if (status === 'expired') return 'expired';
  if (status !== 'sent') return 'not-sent';
  return null;
}

export function paymentTermsText(terms: PaymentTerms, custom: string | null): string {
  return terms === 'custom' ? (custom ?? '').trim() || 'As agreed' : PAYMENT_TERM_LABELS[terms];
}
