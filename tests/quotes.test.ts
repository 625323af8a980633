import { beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '@/db/client';
import { getDealDetail, listDealTimeline } from '@/db/queries/deal-detail';
import { createDeal } from '@/db/queries/deals';
import { addTier, createPriceList, pricingFor, searchCatalogue, setListPrice } from '@/db/queries/price-lists';
import { createProduct } from '@/db/queries/products';
import { listQuotes } from '@/db/queries/quote-list';
import { acceptQuote, declineQuote, reviseQuote, sendQuote } from '@/db/queries/quote-status';
import { createQuote, getQuote, listQuoteLines, listRevisions, updateQuote } from '@/db/queries/quotes';
import { listTimeline } from '@/db/queries/timeline';
import { createUser, type SessionUser } from '@/db/queries/users';
import { seedEmptyWorkspace } from '@/db/seed';
import { resolveUnitPrice } from '@/lib/pricing/resolve';
import { createQuoteSchema } from '@/lib/quotes/schemas';
import { createTestDb } from './support/db';

let db: Db;
let ana: SessionUser;
let ben: SessionUser;

const T0 = Date.UTC(2026, 10, 25, 9);
const TODAY = '2026-11-25';
const opts = { currency: 'USD', today: TODAY, now: T0 };

function fields(lines: object[], change: Record<string, unknown> = {}) {
  return createQuoteSchema.parse({ validUntil: '2026-12-25', paymentTerms: 'net_30', lines: JSON.stringify(lines), dealId: null, ...change });
}

function dealFor(owner: SessionUser, contactId: number | null = null) {
  const stageId = (db.$client.prepare('select id from stages order by position limit 1').get() as { id: number }).id;
  return createDeal(db, { title: 'Harbor refit', valueCents: 100_000, pipelineId: 1, stageId, expectedCloseDate: '2026-12-31', companyId: null, contactId, source: null, ownerId: owner.id }, owner, T0);
}

beforeEach(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Olivia', email: 'o@example.test', password: 'password1' });

  ana = createUser(db, { name: 'Ana', email: 'ana@example.test', role: 'rep', password: 'password1' });
  ben = createUser(db, { name: 'Ben', email: 'ben@example.test', role: 'rep', password: 'password1' });
});

describe('numbering', () => {
  test('numbers run per year, never repeat, and revisions keep the number', () => {
    const a = createQuote(db, fields([{ description: 'A', quantity: '1', unitPrice: '10' }]), ana, opts);
    const b = createQuote(db, fields([{ description: 'B', quantity: '1', unitPrice: '10' }]), ben, opts);
    expect([a.number, b.number]).toEqual(['Q-2026-0001', 'Q-2026-0002']);
    db.$client.prepare('delete from quotes where id = ?').run(b.id);
    expect(createQuote(db, fields([]), ana, opts).number).toBe('Q-2026-0003');
    expect(createQuote(db, fields([], { validUntil: '2027-01-31' }), ana, { ...opts, today: '2027-01-01' }).number).toBe('Q-2027-0001');
    expect(createQuote(db, fields([]), ana, opts).number).toBe('Q-2026-0004');
  });
});

describe('totals are stored as lib computes them', () => {
  test('lines, section headings and per-rate taxes', () => {
    const { id } = createQuote(
      db,
      fields([
        { kind: 'section', description: 'Hardware' },
        { description: 'Boards', quantity: '12', unitPrice: '45', discount: '10', tax: '20' },
        { description: 'Install', quantity: '2.5', unitPrice: '99.99', tax: '7.5' },
        { description: 'Manual', quantity: '1', unitPrice: '150', tax: '0' },
      ]),
      ana,
      opts,
    );
    const q = getQuote(db, id)!;
    expect(q).toMatchObject({ subtotalCents: 54_000 + 24_998 + 15_000, discountCents: 5_400, netCents: 48_600 + 24_998 + 15_000, taxCents: 9_720 + 1_875, totalCents: 88_598 + 11_595, status: 'draft' });
    const lines = listQuoteLines(db, id);
    expect(lines.map((l) => [l.kind, l.description, l.grossCents, l.netCents])).toEqual([
      ['section', 'Hardware', 0, 0],
      ['item', 'Boards', 54_000, 48_600],
      ['item', 'Install', 24_998, 24_998],
      ['item', 'Manual', 15_000, 15_000],
    ]);
  });
});

describe('drafts, sending and revisions', () => {
  test('a draft edits in place with a version check; a sent quote is read-only', () => {
    const { id } = createQuote(db, fields([{ description: 'A', quantity: '1', unitPrice: '10' }]), ana, opts);
    updateQuote(db, id, 1, fields([{ description: 'A', quantity: '3', unitPrice: '10' }]), ana, T0 + 1);
    expect(getQuote(db, id)).toMatchObject({ version: 2, netCents: 3000 });
    expect(() => updateQuote(db, id, 1, fields([]), ana)).toThrow(/changed this quote meanwhile/);
    expect(() => updateQuote(db, id, 2, fields([]), ben)).toThrow(/your own quotes/);
    sendQuote(db, id, 2, ana, T0 + 2);
    expect(getQuote(db, id)).toMatchObject({ status: 'sent', sentAt: T0 + 2 });
    expect(() => updateQuote(db, id, 3, fields([]), ana)).toThrow(/cannot be changed/);
  });

  test('an empty quote cannot be sent', () => {
    const { id } = createQuote(db, fields([{ kind: 'section', description: 'Only a heading' }]), ana, opts);
    expect(() => sendQuote(db, id, 1, ana)).toThrow(/at least one line/);
  });

  test('revising makes v2 with the same number and lines; v1 is superseded and cannot be accepted', () => {
    const { id, number } = createQuote(db, fields([{ description: 'A', quantity: '2', unitPrice: '10', tax: '20' }]), ana, opts);
    sendQuote(db, id, 1, ana, T0);
    const v1 = getQuote(db, id)!;
    const { id: id2 } = reviseQuote(db, id, v1.version, ana, TODAY, T0 + 10);
    const v2 = getQuote(db, id2)!;
    expect(v2).toMatchObject({ number, revision: 2, status: 'draft', totalCents: 2400, validUntil: '2026-12-25' });
    expect(v2.publicToken).not.toBe(v1.publicToken);
    expect(listQuoteLines(db, id2).map((l) => l.description)).toEqual(['A']);
    expect(getQuote(db, id)!.supersededById).toBe(id2);
    expect(listRevisions(db, number).map((r) => r.revision)).toEqual([1, 2]);
    expect(() => acceptQuote(db, { token: v1.publicToken, name: 'Jo Customer', ip: '203.0.113.9' }, TODAY)).toThrow(/replaced by a newer version/);
    expect(() => reviseQuote(db, id, getQuote(db, id)!.version, ana, TODAY)).toThrow(/newer version/);
  });
});

describe('the customer answers', () => {
  test('accepting records who, when and where, and wins the deal at the net total on both timelines', () => {
    const contactId = (db.$client.prepare(`insert into contacts (first_name, last_name) values ('Jo', 'Customer') returning id`).get() as { id: number }).id;
    const deal = dealFor(ana, contactId);
    const { id } = createQuote(db, fields([{ description: 'Boards', quantity: '10', unitPrice: '100', discount: '10', tax: '20' }], { dealId: deal.id, contactId }), ana, opts);
    sendQuote(db, id, 1, ana, T0);
    const q = getQuote(db, id)!;
    acceptQuote(db, { token: q.publicToken, name: 'Jo Customer', ip: '203.0.113.9' }, TODAY, T0 + 60_000);
    expect(getQuote(db, id)).toMatchObject({ status: 'accepted', acceptedName: 'Jo Customer', acceptedIp: '203.0.113.9', respondedAt: T0 + 60_000 });
    expect(getDealDetail(db, deal.id)).toMatchObject({ status: 'won', valueCents: 90_000, closedAt: T0 + 60_000 });
    const dealTitles = listDealTimeline(db, deal.id, { limit: 20, currency: 'USD' }).entries.map((e) => e.title);
    expect(dealTitles).toEqual(expect.arrayContaining(['Quote Q-2026-0001 accepted by Jo Customer', 'Won: Quote Q-2026-0001 accepted', 'Value changed from $1,000.00 to $900.00', 'Quote Q-2026-0001 sent']));
    const contactTitles = listTimeline(db, { contactId }).entries.map((e) => e.title);
    expect(contactTitles).toEqual(expect.arrayContaining(['Quote Q-2026-0001 accepted by Jo Customer', 'Quote Q-2026-0001 sent', 'Quote Q-2026-0001 created']));
    expect(() => acceptQuote(db, { token: q.publicToken, name: 'Jo Customer', ip: null }, TODAY)).toThrow(/answered already/);
  });

  test('an expired quote cannot be accepted; a declined one keeps its reason and leaves the deal open', () => {
    const deal = dealFor(ana);
    const { id } = createQuote(db, fields([{ description: 'A', quantity: '1', unitPrice: '10' }], { dealId: deal.id, validUntil: '2026-11-30' }), ana, opts);
    sendQuote(db, id, 1, ana, T0);
    const token = getQuote(db, id)!.publicToken;
    expect(() => acceptQuote(db, { token, name: 'Jo', ip: null }, '2026-12-01')).toThrow(/expired/);
    expect(listQuotes(db, { status: 'expired', owner: 'all', q: '', page: 1 }, ana, '2026-12-01').rows.map((r) => r.id)).toEqual([id]);
    declineQuote(db, { token, reason: 'Too expensive', ip: '198.51.100.1' }, '2026-11-30', T0 + 1);
    expect(getQuote(db, id)).toMatchObject({ status: 'declined', declineReason: 'Too expensive' });
    expect(getDealDetail(db, deal.id)?.status).toBe('open');
    expect(() => acceptQuote(db, { token: 'x'.repeat(32), name: 'Jo', ip: null }, TODAY)).toThrow(/not valid/);
  });

  test('a draft cannot be answered on its link', () => {
    const { id } = createQuote(db, fields([{ description: 'A', quantity: '1', unitPrice: '10' }]), ana, opts);
    expect(() => acceptQuote(db, { token: getQuote(db, id)!.publicToken, name: 'Jo', ip: null }, TODAY)).toThrow(/not open/);
  });
});

describe('pricing from the catalogue and price lists', () => {
  test('a company on a price list gets the list price and its tiers on new quotes', () => {
    const { id: productId } = createProduct(db, { name: 'Seat licence', sku: 'SEAT-1', description: null, unit: 'seat', unitPriceCents: 5000, taxRateBp: 2000, active: true });
    addTier(db, { productId, priceListId: null, minQuantityMilli: 10_000, unitPriceCents: 4500, discountBp: null });
    const { id: listId } = createPriceList(db, { name: 'Partners' });
    setListPrice(db, listId, productId, 4000);
    addTier(db, { productId, priceListId: listId, minQuantityMilli: 50_000, unitPriceCents: null, discountBp: 1000 });
    expect(() => addTier(db, { productId, priceListId: listId, minQuantityMilli: 50_000, unitPriceCents: 1, discountBp: null })).toThrow(/already starts/);

    const catalogue = pricingFor(db, [productId], null).get(productId)!;
    expect(resolveUnitPrice(catalogue, 12_000).unitPriceCents).toBe(4500);
    const partners = pricingFor(db, [productId], listId).get(productId)!;
    expect(resolveUnitPrice(partners, 12_000).unitPriceCents).toBe(4000);
    expect(resolveUnitPrice(partners, 50_000).unitPriceCents).toBe(3600);

    const companyId = (db.$client.prepare(`insert into companies (name, price_list_id) values ('Partner Co', ?) returning id`).get(listId) as { id: number }).id;
    const { id } = createQuote(db, fields([], { companyId }), ana, opts);
    expect(getQuote(db, id)).toMatchObject({ priceListId: listId, priceListName: 'Partners' });
    updateQuote(db, id, 1, fields([], { companyId, title: 'Same company, same list' }), ana, T0);
    expect(getQuote(db, id)?.priceListId).toBe(listId);
    updateQuote(db, id, 2, fields([], { companyId: null }), ana, T0);
    expect(getQuote(db, id)?.priceListId).toBeNull();
    expect(searchCatalogue(db, 'seat', listId)[0]).toMatchObject({ sku: 'SEAT-1', pricing: { listCents: 4000 } });
    expect(searchCatalogue(db, 'SEAT-', null)).toHaveLength(1);
  });
});
