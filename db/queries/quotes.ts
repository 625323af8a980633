import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Db } from '@/db/client';
import type { PaymentTerms, QuoteStatus } from '@/db/schema';
import { seesEveryone } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import { formatQuoteNumber } from '@/lib/quotes/status';
import type { QuoteFieldsInput, QuoteLineInput } from '@/lib/quotes/schemas';
import { LINE_FIELD_MESSAGES, lineWithinBounds } from '@/lib/quotes/line-input';
import { lineAmounts, quoteTotals, totalsProblem } from '@/lib/quotes/totals';
import { getCompanyPriceList } from './price-lists';
import { assertRefs } from './refs';
import { workspaceToday } from './workspace';
import type { SessionUser } from './users';
import { andScope, canSee, quoteScope, type Viewer } from './visibility';

export const QUOTE_STALE = 'Someone else changed this quote meanwhile. Reload to see their change, then try again.';

export function newPublicToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The next number of the year; the counter row makes numbers unique and never reused. */
function nextNumber(db: Db, year: number): string {
  const { last } = db.$client
    .prepare('insert into quote_numbers (year, last) values (?, 1) on conflict (year) do update set last = last + 1 returning last')
    .get(year) as { last: number };
  return formatQuoteNumber(year, last);
}

/**
 * A quote valid until a past day (in the workspace's time zone) would be expired the moment it is
 * sent: refused on save and on send, beside the date field.
 */
export function assertValidUntil(validUntil: string, today: string): void {
  if (validUntil < today) {
    const message = `Pick today (${today}) or a later date: a quote valid until a past date is expired already`;
    throw new AppError(message, { validUntil: message });
  }
}

/** Every line's amount and the totals within the money bounds (lib/money.ts), whatever path wrote the lines. */
function assertAmounts(lines: QuoteLineInput[]): void {
  const fieldErrors: Record<string, string> = {};
  lines.forEach((line, i) => {
    if (line.kind !== 'section' && !lineWithinBounds(line)) fieldErrors[`lines.${i}.amount`] = LINE_FIELD_MESSAGES.amount;
  });
  const problem = Object.keys(fieldErrors).length === 0 ? totalsProblem(quoteTotals(lines)) : null;
  if (problem) fieldErrors.totals = problem;
  const first = Object.values(fieldErrors)[0];
  if (first) throw new AppError(first, fieldErrors);
}

/** Replaces the lines and stores the totals lib/quotes/totals computes from them. */
function writeLines(db: Db, quoteId: number, lines: QuoteLineInput[], now: number) {
  assertAmounts(lines);
  db.$client.prepare('delete from quote_lines where quote_id = ?').run(quoteId);
  const insert = db.$client.prepare(
    `insert into quote_lines (quote_id, position, kind, product_id, description, quantity_milli, unit_price_cents, discount_bp, tax_rate_bp, gross_cents, net_cents)
     values (@quoteId, @position, @kind, @productId, @description, @quantityMilli, @unitPriceCents, @discountBp, @taxRateBp, @grossCents, @netCents)`,
  );
  const knownProduct = db.$client.prepare('select 1 from products where id = ?');
  lines.forEach((line, position) => {
    // Section headings are stored with no quantity or price, so their amounts are zero.
    const amounts = lineAmounts(line);
    const productId = line.productId && knownProduct.get(line.productId) ? line.productId : null;
    insert.run({ ...line, productId, quoteId, position, grossCents: amounts.grossCents, netCents: amounts.netCents });
  });
  const totals = quoteTotals(lines);
  db.$client
    .prepare(
      `update quotes set subtotal_cents = @subtotalCents, discount_cents = @discountCents, net_cents = @netCents, tax_cents = @taxCents,
              total_cents = @totalCents, updated_at = @now where id = @quoteId`,
    )
    .run({ ...totals, now, quoteId });
}

export function logQuoteEvent(
  db: Db,
  quoteId: number,
  kind: 'created' | 'revised' | 'sent' | 'accepted' | 'declined',
  at: number,
  by: { userId?: number | null; byName?: string | null; ip?: string | null; detail?: string | null },
) {
  db.$client
    .prepare('insert into quote_events (quote_id, kind, at, user_id, by_name, ip, detail) values (?, ?, ?, ?, ?, ?, ?)')
    .run(quoteId, kind, at, by.userId ?? null, by.byName ?? null, by.ip ?? null, by.detail ?? null);
}

/** The company and contact exist and, with a viewer, are ones they may see (db/queries/visibility.ts). */
function checkCompanyAndContact(db: Db, input: Pick<QuoteFieldsInput, 'companyId' | 'contactId'>, viewer?: Viewer) {
  assertRefs(db, { companyId: input.companyId, contactId: input.contactId }, viewer);
}

export type CreateQuoteOptions = { currency: string; today: string; now?: number };

export function createQuote(db: Db, input: QuoteFieldsInput & { dealId: number | null }, actor: SessionUser, options: CreateQuoteOptions): { id: number; number: string } {
  const now = options.now ?? Date.now();
  return db.transaction(() => {
    if (input.dealId) {
      const deal = db.$client.prepare('select owner_id as ownerId from deals where id = ?').get(input.dealId) as { ownerId: number | null } | undefined;
      if (!deal || !canSee(db, actor, 'deal', input.dealId)) throw new AppError('This deal no longer exists.');
      if (!seesEveryone(actor.role) && deal.ownerId !== actor.id) throw new AppError('You can only quote on your own deals.');
    }
    checkCompanyAndContact(db, input, actor);
    assertValidUntil(input.validUntil, options.today);
    const number = nextNumber(db, Number(options.today.slice(0, 4)));
    const { id } = db.$client
      .prepare(
        `insert into quotes (number, revision, title, deal_id, company_id, contact_id, owner_id, price_list_id, currency, status, valid_until,
                             payment_terms, payment_terms_text, notes, terms, public_token, created_at, updated_at)
         values (@number, 1, @title, @dealId, @companyId, @contactId, @ownerId, @priceListId, @currency, 'draft', @validUntil,
                 @paymentTerms, @paymentTermsText, @notes, @terms, @token, @now, @now) returning id`,
      )
      .get({
        ...input,
        paymentTermsText: input.paymentTerms === 'custom' ? (input.paymentTermsText ?? null) : null,
        notes: input.notes ?? null,
        terms: input.terms ?? null,
        number,
        ownerId: actor.id,
        priceListId: getCompanyPriceList(db, input.companyId)?.id ?? null,
        currency: options.currency,
        token: newPublicToken(),
        now,
      }) as { id: number };
    writeLines(db, id, input.lines, now);
    logQuoteEvent(db, id, 'created', now, { userId: actor.id });
    return { id, number };
  });
}

/** The quote as it may be changed by this person: theirs, or anyone's for a manager or an admin. */
export function loadQuoteForChange(db: Db, quoteId: number, actor: SessionUser, version?: number) {
  const q = db.$client
    .prepare('select id, number, revision, status, owner_id as ownerId, version, superseded_by_id as supersededById, deal_id as dealId, company_id as companyId, contact_id as contactId, price_list_id as priceListId from quotes where id = ?')
    .get(quoteId) as { id: number; number: string; revision: number; status: QuoteStatus; ownerId: number | null; version: number; supersededById: number | null; dealId: number | null; companyId: number | null; contactId: number | null; priceListId: number | null } | undefined;
  // A quote the actor may not see is gone to them, like one that does not exist.
  if (!q || !canSee(db, actor, 'quote', quoteId)) throw new AppError('This quote no longer exists.');
  if (!seesEveryone(actor.role) && q.ownerId !== actor.id) throw new AppError('You can only change your own quotes.');
  if (version !== undefined && q.version !== version) throw new AppError(QUOTE_STALE);
  return q;
}

export function updateQuote(db: Db, quoteId: number, version: number, input: QuoteFieldsInput, actor: SessionUser, now = Date.now()): void {
  db.transaction(() => {
    const q = loadQuoteForChange(db, quoteId, actor, version);
    if (q.status !== 'draft') throw new AppError('A sent quote cannot be changed. Revise it to make a new version.');
    checkCompanyAndContact(db, input);
    // A newly chosen company or contact must be one the actor may see; the ones the quote has stay.
    checkCompanyAndContact(db, { companyId: input.companyId === q.companyId ? null : input.companyId, contactId: input.contactId === q.contactId ? null : input.contactId }, actor);
    assertValidUntil(input.validUntil, workspaceToday(db, now).today);
    // A quote keeps the list it was priced from until its company changes.
    const priceListId = input.companyId === q.companyId ? q.priceListId : getCompanyPriceList(db, input.companyId)?.id ?? null;
    db.$client
      .prepare(
        `update quotes set title = @title, company_id = @companyId, contact_id = @contactId, valid_until = @validUntil, payment_terms = @paymentTerms,
                payment_terms_text = @paymentTermsText, notes = @notes, terms = @terms, price_list_id = @priceListId,
                version = version + 1, updated_at = @now
         where id = @id and version = @version`,
      )
      .run({
        ...input,
        paymentTermsText: input.paymentTerms === 'custom' ? (input.paymentTermsText ?? null) : null,
        notes: input.notes ?? null,
        terms: input.terms ?? null,
        priceListId,
        now,
        id: quoteId,
        version,
      });
    writeLines(db, quoteId, input.lines, now);
  });
}

export type QuoteHeader = {
  id: number;
  number: string;
  revision: number;
  title: string;
  status: QuoteStatus;
  dealId: number | null;
  dealTitle: string | null;
  dealStatus: 'open' | 'won' | 'lost' | null;
  companyId: number | null;
  companyName: string | null;
  companyAddress: string | null;
  contactId: number | null;
  contactName: string | null;
  contactEmail: string | null;
  ownerId: number | null;
  ownerName: string | null;
  ownerEmail: string | null;
  priceListId: number | null;
  priceListName: string | null;
  currency: string;
  validUntil: string;
  paymentTerms: PaymentTerms;
  paymentTermsText: string | null;
  notes: string | null;
  terms: string | null;
  subtotalCents: number;
  discountCents: number;
  netCents: number;
  taxCents: number;
  totalCents: number;
  publicToken: string;
  sentAt: number | null;
  respondedAt: number | null;
  acceptedName: string | null;
  acceptedIp: string | null;
  declineReason: string | null;
  supersededById: number | null;
  createdAt: number;
  updatedAt: number;
  version: number;
};

export type QuoteLineRow = {
  id: number;
  kind: 'item' | 'section';
  productId: number | null;
  productName: string | null;
  productSku: string | null;
  description: string;
  quantityMilli: number;
  unitPriceCents: number;
  discountBp: number;
  taxRateBp: number;
  grossCents: number;
  netCents: number;
};

const HEADER_SQL = `
  select q.id, q.number, q.revision, q.title, q.status, q.deal_id as dealId, d.title as dealTitle, d.status as dealStatus,
         q.company_id as companyId, co.name as companyName, co.address as companyAddress,
         q.contact_id as contactId, trim(c.first_name || ' ' || c.last_name) as contactName, c.email as contactEmail,
         q.owner_id as ownerId, u.name as ownerName, u.email as ownerEmail, q.price_list_id as priceListId, l.name as priceListName,
         q.currency, q.valid_until as validUntil, q.payment_terms as paymentTerms, q.payment_terms_text as paymentTermsText, q.notes, q.terms,
         q.subtotal_cents as subtotalCents, q.discount_cents as discountCents, q.net_cents as netCents, q.tax_cents as taxCents, q.total_cents as totalCents,
         q.public_token as publicToken, q.sent_at as sentAt, q.responded_at as respondedAt, q.accepted_name as acceptedName, q.accepted_ip as acceptedIp,
         q.decline_reason as declineReason, q.superseded_by_id as supersededById, q.created_at as createdAt, q.updated_at as updatedAt, q.version
  from quotes q left join deals d on d.id = q.deal_id left join companies co on co.id = q.company_id
  left join contacts c on c.id = q.contact_id left join users u on u.id = q.owner_id left join price_lists l on l.id = q.price_list_id`;

/** The quote, or null when it does not exist or the viewer may not see it. */
export function getQuote(db: Db, id: number, viewer?: Viewer): QuoteHeader | null {
  return (db.$client.prepare(`${HEADER_SQL} where q.id = ? ${andScope(quoteScope(db, viewer, 'q'))}`).get(id) as QuoteHeader | undefined) ?? null;
}

export function getQuoteByToken(db: Db, token: string): QuoteHeader | null {
  return (db.$client.prepare(`${HEADER_SQL} where q.public_token = ?`).get(token) as QuoteHeader | undefined) ?? null;
}

export function listQuoteLines(db: Db, quoteId: number): QuoteLineRow[] {
  return db.$client
    .prepare(
      `select l.id, l.kind, l.product_id as productId, p.name as productName, p.sku as productSku, l.description, l.quantity_milli as quantityMilli,
              l.unit_price_cents as unitPriceCents, l.discount_bp as discountBp, l.tax_rate_bp as taxRateBp, l.gross_cents as grossCents, l.net_cents as netCents
       from quote_lines l left join products p on p.id = l.product_id where l.quote_id = ? order by l.position`,
    )
    .all(quoteId) as QuoteLineRow[];
}

/** Every revision of a quote's number that the viewer may see, oldest first, for the "versions" list. */
export function listRevisions(db: Db, number: string, viewer?: Viewer): { id: number; revision: number; status: QuoteStatus; totalCents: number; createdAt: number }[] {
  return db.$client
    .prepare(`select q.id, q.revision, q.status, q.total_cents as totalCents, q.created_at as createdAt from quotes q where q.number = ? ${andScope(quoteScope(db, viewer, 'q'))} order by q.revision`)
    .all(number) as { id: number; revision: number; status: QuoteStatus; totalCents: number; createdAt: number }[];
}

export type QuoteEventRow = { id: number; kind: string; at: number; userName: string | null; byName: string | null; ip: string | null; detail: string | null };

export function listQuoteEvents(db: Db, quoteId: number): QuoteEventRow[] {
  return db.$client
    .prepare(
      `select e.id, e.kind, e.at, u.name as userName, e.by_name as byName, e.ip, e.detail
       from quote_events e left join users u on u.id = e.user_id where e.quote_id = ? order by e.at desc, e.id desc`,
    )
    .all(quoteId) as QuoteEventRow[];
}
