import 'server-only';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { defaultValidUntil, quoteLabel, responseBlock } from '@/lib/quotes/status';
import { totalsProblem } from '@/lib/quotes/totals';
import { assertValidUntil, getQuoteByToken, loadQuoteForChange, logQuoteEvent, newPublicToken, QUOTE_STALE } from './quotes';
import { getWorkspace, workspaceToday } from './workspace';
import type { SessionUser } from './users';

/**
 * Draft → sent: the quote is frozen and its public link starts to work. Sending checks what the
 * customer will be asked to accept: a valid-until date from today on (in the workspace's zone; a new
 * date may come with the send, as the quote page offers when the old one has passed) and totals
 * within the money bounds (a quote saved before the bounds existed may hold others).
 */
export function sendQuote(db: Db, quoteId: number, version: number, actor: SessionUser, now = Date.now(), change: { validUntil?: string } = {}): void {
  db.transaction(() => {
    const q = loadQuoteForChange(db, quoteId, actor, version);
    if (q.status !== 'draft') throw new AppError('This quote has been sent already.');
    const lines = (db.$client.prepare(`select count(*) as n from quote_lines where quote_id = ? and kind = 'item'`).get(quoteId) as { n: number }).n;
    if (lines === 0) throw new AppError('Add at least one line before sending the quote.');
    const stored = db.$client.prepare('select valid_until as validUntil, net_cents as netCents, total_cents as totalCents from quotes where id = ?').get(quoteId) as {
      validUntil: string;
      netCents: number;
      totalCents: number;
    };
    assertValidUntil(change.validUntil ?? stored.validUntil, workspaceToday(db, now).today);
    const problem = totalsProblem(stored);
    if (problem) throw new AppError(problem, { totals: problem });
    db.$client
      .prepare(`update quotes set status = 'sent', valid_until = ?, sent_at = ?, updated_at = ?, version = version + 1 where id = ? and version = ?`)
      .run(change.validUntil ?? stored.validUntil, now, now, quoteId, version);
    logQuoteEvent(db, quoteId, 'sent', now, { userId: actor.id });
  });
}

/**
 * A new draft with the same number and the next revision, copied from this one; the old one is
 * superseded and its public link can no longer be accepted.
 */
export function reviseQuote(db: Db, quoteId: number, version: number, actor: SessionUser, today: string, now = Date.now()): { id: number } {
  return db.transaction(() => {
    const q = loadQuoteForChange(db, quoteId, actor, version);
    if (q.supersededById) throw new AppError('This quote has a newer version already.');
    if (q.status === 'draft') throw new AppError('A draft can be edited as it is.');
    if (q.status === 'accepted') throw new AppError('An accepted quote cannot be revised.');
    const revision = (db.$client.prepare('select max(revision) as r from quotes where number = ?').get(q.number) as { r: number }).r + 1;
    const { id } = db.$client
      .prepare(
        `insert into quotes (number, revision, title, deal_id, company_id, contact_id, owner_id, price_list_id, currency, status, valid_until,
                             payment_terms, payment_terms_text, notes, terms, subtotal_cents, discount_cents, net_cents, tax_cents, total_cents,
                             public_token, created_at, updated_at)
         select number, @revision, title, deal_id, company_id, contact_id, owner_id, price_list_id, currency, 'draft', @validUntil,
                payment_terms, payment_terms_text, notes, terms, subtotal_cents, discount_cents, net_cents, tax_cents, total_cents, @token, @now, @now
         from quotes where id = @from returning id`,
      )
      .get({ revision, validUntil: defaultValidUntil(today, getWorkspace(db).quoteValidityDays), token: newPublicToken(), now, from: quoteId }) as { id: number };
    db.$client
      .prepare(
        `insert into quote_lines (quote_id, position, kind, product_id, description, quantity_milli, unit_price_cents, discount_bp, tax_rate_bp, gross_cents, net_cents)
         select ?, position, kind, product_id, description, quantity_milli, unit_price_cents, discount_bp, tax_rate_bp, gross_cents, net_cents
         from quote_lines where quote_id = ? order by position`,
      )
      .run(id, quoteId);
    const changed = db.$client.prepare('update quotes set superseded_by_id = ?, updated_at = ?, version = version + 1 where id = ? and version = ?').run(id, now, quoteId, version);
    if (changed.changes === 0) throw new AppError(QUOTE_STALE);
    logQuoteEvent(db, quoteId, 'revised', now, { userId: actor.id, detail: quoteLabel(q.number, revision) });
    logQuoteEvent(db, id, 'created', now, { userId: actor.id, detail: `Revision of ${quoteLabel(q.number, q.revision)}` });
    return { id };
  });
}

const BLOCK_MESSAGES = {
  'not-sent': 'This quote is not open for a response.',
  expired: 'This quote has expired. Ask us for a new one.',
  superseded: 'This quote has been replaced by a newer version. Use the latest link you were sent.',
  answered: 'This quote has been answered already.',
} as const;

function loadForResponse(db: Db, token: string, today: string) {
  const q = getQuoteByToken(db, token);
  if (!q) throw new AppError('This quote link is not valid.');
  const block = responseBlock(q, today);
  if (block) throw new AppError(BLOCK_MESSAGES[block]);
  return q;
}

/**
 * The customer accepts on the public page: who (typed name), when and from where (IP) are kept, and
 * the deal is won at the quote's net total. One transaction, so a quote is never accepted without
 * its deal being won.
 */
export function acceptQuote(db: Db, input: { token: string; name: string; ip: string | null }, today: string, now = Date.now()): { id: number } {
  return db.transaction(() => {
    const q = loadForResponse(db, input.token, today);
    // A quote stored before the money bounds could carry a total a deal must never be won at.
    if (totalsProblem(q)) throw new AppError('This quote cannot be accepted online. Ask us for a corrected one.');
    db.$client
      .prepare(`update quotes set status = 'accepted', responded_at = ?, accepted_name = ?, accepted_ip = ?, updated_at = ?, version = version + 1 where id = ?`)
      .run(now, input.name, input.ip, now, q.id);
    logQuoteEvent(db, q.id, 'accepted', now, { byName: input.name, ip: input.ip });
    if (q.dealId) winDealFromQuote(db, q.dealId, q.netCents, quoteLabel(q.number, q.revision), now);
    return { id: q.id };
  });
}

export function declineQuote(db: Db, input: { token: string; reason: string | null; ip: string | null }, today: string, now = Date.now()): { id: number } {
  return db.transaction(() => {
    const q = loadForResponse(db, input.token, today);
    db.$client
      .prepare(`update quotes set status = 'declined', responded_at = ?, decline_reason = ?, updated_at = ?, version = version + 1 where id = ?`)
      .run(now, input.reason, now, q.id);
    logQuoteEvent(db, q.id, 'declined', now, { ip: input.ip, detail: input.reason });
    return { id: q.id };
  });
}

/** Won at the accepted quote's net total, with the deal's own history rows saying so (by the customer: no user). */
function winDealFromQuote(db: Db, dealId: number, netCents: number, label: string, now: number) {
  const deal = db.$client.prepare('select status, value_cents as valueCents from deals where id = ?').get(dealId) as { status: string; valueCents: number } | undefined;
  if (!deal) return;
  const event = db.$client.prepare('insert into deal_events (deal_id, kind, from_value, to_value, at, user_id) values (?, ?, ?, ?, ?, null)');
  if (deal.valueCents !== netCents) event.run(dealId, 'value', String(deal.valueCents), String(netCents), now);
  if (deal.status !== 'won') event.run(dealId, 'won', deal.status, `Quote ${label} accepted`, now);
  db.$client
    .prepare(
      `update deals set value_cents = ?, status = 'won', lost_reason = null, closed_at = case when status = 'won' then closed_at else ? end,
              updated_at = ?, version = version + 1 where id = ?`,
    )
    .run(netCents, now, now, dealId);
}

