import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/db/queries/users';
import { createTestDb } from './support/db';

// Issue 10, findings 5, 7 and 8: money without bounds, garbage accepted, vague errors. Each case goes
// through the real server action (session mocked, real SQLite with the real migrations), as a form
// would, and checks both the answer beside the field and that nothing was written.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
let db: Db;
vi.mock('@/db', () => ({ getDb: () => db }));

const { createUser } = await import('@/db/queries/users');
const { seedEmptyWorkspace } = await import('@/db/seed');
const { createDeal, getDeal } = await import('@/db/queries/deals');
const { createContact } = await import('@/db/queries/contacts');
const { createQuote, getQuote } = await import('@/db/queries/quotes');
const { acceptQuote, sendQuote } = await import('@/db/queries/quote-status');
const { setListPrice } = await import('@/db/queries/price-lists');
const { saveGoals } = await import('@/db/queries/forecast');
const { createQuoteSchema } = await import('@/lib/quotes/schemas');
const { MAX_AMOUNT_CENTS } = await import('@/lib/money');
const board = await import('@/app/(app)/deals/actions');
const newDeal = await import('@/app/(app)/deals/new/actions');
const dealPage = await import('@/app/(app)/deals/[id]/actions');
const contacts = await import('@/app/(app)/contacts/actions');
const companies = await import('@/app/(app)/companies/actions');
const products = await import('@/app/(app)/products/actions');
const productPrices = await import('@/app/(app)/products/[id]/actions');
const quotes = await import('@/app/(app)/quotes/actions');
const forecast = await import('@/app/(app)/forecast/actions');
const pipelines = await import('@/app/(app)/settings/pipelines/actions');

let admin: SessionUser;
let manager: SessionUser;
let ana: SessionUser;
let stageId: number;

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, String(v));
  return data;
};
const plain = (fields: Record<string, string | number>) => fields as never;
const count = (table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
const T0 = Date.UTC(2026, 10, 25, 9);
const FUTURE = '2099-12-31';

function deal(owner: SessionUser, valueCents = 100_000) {
  return createDeal(db, { title: 'Harbor refit', valueCents, pipelineId: 1, stageId, expectedCloseDate: null, companyId: null, contactId: null, source: null, ownerId: owner.id }, owner, T0);
}
const quoteForm = (lines: object[], extra: Record<string, string | number> = {}) =>
  form({ validUntil: FUTURE, paymentTerms: 'net_30', lines: JSON.stringify(lines), ...extra });

beforeEach(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Olivia', email: 'o@example.test', password: 'password1' });
  admin = { id: 1, name: 'Olivia', email: 'o@example.test', role: 'admin' };
  manager = createUser(db, { name: 'Mia', email: 'mia@example.test', role: 'manager', password: 'password1' });
  ana = createUser(db, { name: 'Ana', email: 'ana@example.test', role: 'rep', password: 'password1' });
  stageId = (db.$client.prepare('select id from stages order by position limit 1').get() as { id: number }).id;
  session.user = ana;
});

describe('5. money has bounds', () => {
  test('200 lines × 1,000,000 × 1,000,000,000.00 is refused line by line; nothing is stored as floating point', async () => {
    const line = { description: 'Yacht', quantity: '1,000,000', unitPrice: '1,000,000,000.00' };
    const result = await quotes.createQuoteAction(quoteForm(Array.from({ length: 200 }, () => line)));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.['lines.0.amount']).toMatch(/at most 1,000,000,000.00/);
    expect(result.fieldErrors?.['lines.199.amount']).toMatch(/at most 1,000,000,000.00/);
    expect(count('quotes')).toBe(0);
  });

  test('lines each within the bound but a total beyond it are refused beside the totals', async () => {
    const line = { description: 'Fleet', quantity: '1', unitPrice: '600,000,000' };
    const result = await quotes.createQuoteAction(quoteForm([line, line]));
    expect(result).toMatchObject({ ok: false, fieldErrors: { totals: expect.stringMatching(/at most 1,000,000,000.00/) } });
    expect(count('quotes')).toBe(0);
  });

  test('more than 200 lines are refused', async () => {
    const result = await quotes.createQuoteAction(quoteForm(Array.from({ length: 201 }, () => ({ description: 'x', unitPrice: '1' }))));
    expect(result).toMatchObject({ ok: false, fieldErrors: { lines: 'A quote holds at most 200 lines' } });
  });

  test('a line priced −500 alone is refused beside the totals; a credit that leaves the total ≥ 0 is fine', async () => {
    const negative = await quotes.createQuoteAction(quoteForm([{ description: 'Refund', quantity: '1', unitPrice: '-500' }]));
    expect(negative).toMatchObject({ ok: false, fieldErrors: { totals: expect.stringMatching(/cannot be below zero/) } });
    // Net 100 at 0 % and a −90 credit at 20 %: net 10 but tax −18 makes the total −8, refused too.
    const negativeTax = await quotes.createQuoteAction(quoteForm([{ description: 'A', unitPrice: '100' }, { description: 'Credit', unitPrice: '-90', tax: '20' }]));
    expect(negativeTax).toMatchObject({ ok: false, fieldErrors: { totals: expect.stringMatching(/cannot be below zero/) } });
    expect(count('quotes')).toBe(0);

    const credit = await quotes.createQuoteAction(quoteForm([{ description: 'Boat', unitPrice: '1,000' }, { description: 'Trade-in credit', unitPrice: '-400' }]));
    expect(credit.ok).toBe(true);
    if (credit.ok) expect(getQuote(db, credit.data.id)).toMatchObject({ netCents: 60_000, totalCents: 60_000 });
  });

  test('a quote stored before the bounds (negative or huge) can neither be sent nor win a deal when accepted', () => {
    const d = deal(ana);
    const fields = createQuoteSchema.parse({ validUntil: FUTURE, paymentTerms: 'net_30', lines: JSON.stringify([{ description: 'A', unitPrice: '10' }]), dealId: d.id });
    const { id } = createQuote(db, fields, ana, { currency: 'USD', today: '2026-11-25', now: T0 });
    db.$client.prepare('update quotes set net_cents = -50000, total_cents = -50000 where id = ?').run(id);
    expect(() => sendQuote(db, id, 1, ana, T0)).toThrow(expect.objectContaining({ fieldErrors: { totals: expect.stringMatching(/below zero/) } }));

    // Sent with a fine total, then tampered with: accepting refuses and the deal keeps its value.
    db.$client.prepare('update quotes set net_cents = 1000, total_cents = 1000 where id = ?').run(id);
    sendQuote(db, id, 1, ana, T0);
    db.$client.prepare('update quotes set net_cents = ?, total_cents = ? where id = ?').run(MAX_AMOUNT_CENTS * 200, MAX_AMOUNT_CENTS * 200, id);
    const token = getQuote(db, id)!.publicToken;
    expect(() => acceptQuote(db, { token, name: 'Cara', ip: null }, '2026-11-25', T0)).toThrow(/cannot be accepted online/);
    expect(getDeal(db, d.id)).toMatchObject({ status: 'open', valueCents: 100_000 });
  });

  test.each([
    ['-500', 'Enter an amount of 0 or more'],
    ['1,000,000,000.01', 'Enter an amount up to 1,000,000,000.00'],
  ])("a deal's value %j is refused on the quick add, the deal form and the new-deal form", async (value, message) => {
    expect(await board.quickAddDealAction(form({ pipelineId: 1, stageId, title: 'X', valueCents: value }))).toMatchObject({ ok: false, fieldErrors: { valueCents: message } });
    expect(await newDeal.createDealAction(form({ pipelineId: 1, stageId, title: 'X', valueCents: value }))).toMatchObject({ ok: false, fieldErrors: { valueCents: message } });
    const d = deal(ana);
    expect(await dealPage.updateDealAction(form({ dealId: d.id, version: d.version, title: 'X', valueCents: value }))).toMatchObject({ ok: false, fieldErrors: { valueCents: message } });
    expect(getDeal(db, d.id)!.valueCents).toBe(100_000);
    // The query refuses it too, whatever path calls it (an import, a script).
    expect(() => deal(ana, -50_000)).toThrow(expect.objectContaining({ fieldErrors: { valueCents: 'Enter an amount of 0 or more' } }));
  });

  test('product, list and tier prices and goals share the bound', async () => {
    session.user = admin;
    const big = '1,000,000,000.01';
    expect(await products.createProductAction(form({ name: 'W', sku: 'W-1', unitPriceCents: big, taxRateBp: '0', active: 'on' }))).toMatchObject({
      ok: false,
      fieldErrors: { unitPriceCents: 'Enter an amount up to 1,000,000,000.00' },
    });
    const created = await products.createProductAction(form({ name: 'W', sku: 'W-1', unitPriceCents: '10', taxRateBp: '0', active: 'on' }));
    if (!created.ok) throw new Error(created.error);
    const productId = created.data.id;
    const listId = (db.$client.prepare(`insert into price_lists (name) values ('Partners') returning id`).get() as { id: number }).id;
    expect(await productPrices.setListPriceAction(form({ productId, priceListId: listId, unitPriceCents: big }))).toMatchObject({ ok: false, fieldErrors: { unitPriceCents: expect.any(String) } });
    expect(await productPrices.addTierAction(form({ productId, priceListId: '', minQuantityMilli: '10', kind: 'price', unitPrice: '-1' }))).toMatchObject({
      ok: false,
      fieldErrors: { unitPrice: 'Enter an amount of 0 or more' },
    });
    expect(() => setListPrice(db, listId, productId, -1)).toThrow(/0 or more/);
    expect(await forecast.saveGoalsAction(form({ [`goal:${ana.id}:2026-12`]: big }))).toMatchObject({ ok: false, fieldErrors: { [`goal:${ana.id}:2026-12`]: 'Enter an amount up to 1,000,000,000.00' } });
    expect(count('price_list_items') + count('price_tiers') + count('goals')).toBe(0);
  });
});

describe('7. garbage is refused beside its field', () => {
  test('"1,2,3" and "$ 1 0" are not amounts; what people type still is', async () => {
    session.user = admin;
    for (const value of ['1,2,3', '$ 1 0', '１２３', '1e5', '0x10', 'Infinity']) {
      expect(await products.createProductAction(form({ name: 'W', sku: 'W-1', unitPriceCents: value, taxRateBp: '0' }))).toMatchObject({
        ok: false,
        fieldErrors: { unitPriceCents: 'Enter a price like 120 or 1,250.50' },
      });
      expect(await board.quickAddDealAction(form({ pipelineId: 1, stageId, title: 'X', valueCents: value }))).toMatchObject({ ok: false, fieldErrors: { valueCents: expect.any(String) } });
    }
    const quote = await quotes.createQuoteAction(quoteForm([{ description: 'A', quantity: '1,2,3', unitPrice: '$ 1 0' }]));
    expect(quote).toMatchObject({ ok: false, fieldErrors: { 'lines.0.quantity': expect.any(String), 'lines.0.unitPrice': expect.any(String) } });
    expect(count('products') + count('deals') + count('quotes')).toBe(0);

    for (const [i, value, cents] of [[1, '1234', 123_400], [2, '1,234.50', 123_450], [3, '$1,234.5', 123_450], [4, '€ 99', 9_900], [5, '0.5', 50]] as const) {
      const r = await products.createProductAction(form({ name: `P${i}`, sku: `P-${i}`, unitPriceCents: value, taxRateBp: '0' }));
      expect(r.ok).toBe(true);
      if (r.ok) expect((db.$client.prepare('select unit_price_cents as c from products where id = ?').get(r.data.id) as { c: number }).c).toBe(cents);
    }
  });

  test.each([
    ['a NUL', 'Ana\u0000', 'Remove the control characters (such as NUL) from this text'],
    ['a lone surrogate', 'a\uD800b', 'This text holds a broken character (half of an emoji); type it again'],
    ['only invisible characters', '\u200B\u2060\uFEFF', 'Use visible letters or digits, not only blank or invisible characters'],
    ['a Hangul filler', '\u3164', 'Use visible letters or digits, not only blank or invisible characters'],
    ['a right-to-left override', 'Ana\u202Egpj.exe', 'Remove the hidden text-direction characters from this text'],
  ])('a name with %s is refused on every form that takes one', async (_, value, message) => {
    // Plain objects, as React sends a server action's arguments: FormData would already have turned a
    // lone surrogate into U+FFFD, but a crafted request need not go through FormData.
    session.user = manager;
    expect(await contacts.createContactAction(plain({ firstName: value }))).toMatchObject({ ok: false, fieldErrors: { firstName: message } });
    expect(await contacts.createContactAction(plain({ firstName: 'Ana', companyName: value }))).toMatchObject({ ok: false, fieldErrors: { companyName: message } });
    expect(await companies.createCompanyAction(plain({ name: value }))).toMatchObject({ ok: false, fieldErrors: { name: message } });
    expect(await board.quickAddDealAction(plain({ pipelineId: 1, stageId, title: value }))).toMatchObject({ ok: false, fieldErrors: { title: message } });
    expect(await products.createProductAction(plain({ name: value, sku: 'W-1', unitPriceCents: '1' }))).toMatchObject({ ok: false, fieldErrors: { name: message } });
    expect(await quotes.createQuoteAction(plain({ validUntil: FUTURE, paymentTerms: 'net_30', lines: JSON.stringify([{ description: value, unitPrice: '1' }]) }))).toMatchObject({ ok: false, fieldErrors: { 'lines.0.description': message } });
    expect(await contacts.logActivityAction(plain({ type: 'note', subject: value, date: '2026-11-25', companyId: 1 }))).toMatchObject({ ok: false, fieldErrors: { subject: message } });
    session.user = admin;
    expect(await pipelines.createPipelineAction(plain({ name: value }))).toMatchObject({ ok: false, fieldErrors: { name: message } });
    expect(count('contacts') + count('companies') + count('deals') + count('products') + count('quotes') + count('activities')).toBe(0);
    expect(count('pipelines')).toBe(1);
  });

  test('multi-line notes keep their line breaks but not a NUL', async () => {
    session.user = manager;
    const ok = await contacts.createContactAction(form({ firstName: 'Ana', notes: 'Line one\r\nLine two' }));
    expect(ok.ok).toBe(true);
    expect(db.$client.prepare('select notes from contacts').get()).toEqual({ notes: 'Line one\nLine two' });
    expect(await contacts.createContactAction(form({ firstName: 'Ben', notes: 'bad\u0000' }))).toMatchObject({ ok: false, fieldErrors: { notes: expect.stringMatching(/control characters/) } });
  });

  test('a goal for month 2026-13 is refused beside its field, not answered "ok" with nothing saved', async () => {
    session.user = manager;
    const key = `goal:${ana.id}:2026-13`;
    expect(await forecast.saveGoalsAction(form({ [key]: '5000' }))).toEqual({
      ok: false,
      error: 'Use a real month like 2026-12 (months run from 01 to 12)',
      fieldErrors: { [key]: 'Use a real month like 2026-12 (months run from 01 to 12)' },
    });
    expect(() => saveGoals(db, [{ userId: ana.id, month: '2026-00', amountCents: 1 }], manager.id)).toThrow(/real month/);
    expect(count('goals')).toBe(0);
  });

  test('a quote valid until a past date cannot be saved or sent; a new date can come with the send', async () => {
    expect(await quotes.createQuoteAction(quoteForm([{ description: 'A', unitPrice: '1' }], { validUntil: '2020-01-01' }))).toMatchObject({
      ok: false,
      fieldErrors: { validUntil: expect.stringMatching(/^Pick today \(\d{4}-\d{2}-\d{2}\) or a later date/) },
    });
    const created = await quotes.createQuoteAction(quoteForm([{ description: 'A', unitPrice: '1' }]));
    if (!created.ok) throw new Error(created.error);
    const id = created.data.id;
    expect(await quotes.updateQuoteAction(quoteForm([{ description: 'A', unitPrice: '1' }], { quoteId: id, version: 1, validUntil: '2020-01-01' }))).toMatchObject({
      ok: false,
      fieldErrors: { validUntil: expect.any(String) },
    });
    // The date passed while the draft waited (written straight to the row, as time would).
    db.$client.prepare(`update quotes set valid_until = '2020-01-01' where id = ?`).run(id);
    expect(await quotes.sendQuoteAction({ quoteId: id, version: 1 })).toMatchObject({ ok: false, fieldErrors: { validUntil: expect.stringMatching(/past date/) } });
    expect(getQuote(db, id)!.status).toBe('draft');
    expect(await quotes.sendQuoteAction({ quoteId: id, version: 1, validUntil: '2020-06-01' })).toMatchObject({ ok: false, fieldErrors: { validUntil: expect.any(String) } });
    expect(await quotes.sendQuoteAction({ quoteId: id, version: 1, validUntil: FUTURE })).toMatchObject({ ok: true });
    expect(getQuote(db, id)).toMatchObject({ status: 'sent', validUntil: FUTURE });
  });
});

describe('8. unknown references are named beside their field', () => {
  test('an unknown owner, company, contact or stage on a deal', async () => {
    session.user = manager;
    expect(await newDeal.createDealAction(form({ pipelineId: 1, stageId, title: 'X', ownerId: 999, companyId: 998, contactId: 997 }))).toMatchObject({
      ok: false,
      fieldErrors: { ownerId: 'That person no longer exists. Choose someone else.', companyId: 'That company no longer exists', contactId: 'That contact no longer exists' },
    });
    expect(await newDeal.createDealAction(form({ pipelineId: 1, stageId: 999, title: 'X' }))).toMatchObject({ ok: false, fieldErrors: { stageId: 'That stage no longer exists. Reload and pick another.' } });
    const other = db.$client.prepare(`insert into pipelines (name, position) values ('Renewals', 1) returning id`).get() as { id: number };
    const otherStage = db.$client.prepare(`insert into stages (pipeline_id, position, name, probability_bp, rot_days) values (?, 0, 'New', 1000, 0) returning id`).get(other.id) as { id: number };
    expect(await newDeal.createDealAction(form({ pipelineId: 1, stageId: otherStage.id, title: 'X' }))).toMatchObject({ ok: false, fieldErrors: { stageId: 'That stage is not in this pipeline' } });
    const d = deal(ana);
    expect(await dealPage.updateDealAction(form({ dealId: d.id, version: d.version, title: 'X', companyId: 998, ownerId: 999 }))).toMatchObject({
      ok: false,
      fieldErrors: { ownerId: expect.any(String), companyId: 'That company no longer exists' },
    });
    expect(count('deals')).toBe(1);
  });

  test('an inactive user cannot be given a record; a record may stay with one', async () => {
    session.user = manager;
    const d = deal(ana);
    const contact = createContact(db, { firstName: 'Cara', lastName: '', tags: [], companyId: null, ownerId: ana.id }, manager);
    db.$client.prepare('update users set active = 0 where id = ?').run(ana.id);
    const inactive = 'That person is deactivated. Choose an active user.';
    expect(await newDeal.createDealAction(form({ pipelineId: 1, stageId, title: 'X', ownerId: ana.id }))).toMatchObject({ ok: false, fieldErrors: { ownerId: inactive } });
    expect(await companies.createCompanyAction(form({ name: 'Acme', ownerId: ana.id }))).toMatchObject({ ok: false, fieldErrors: { ownerId: inactive } });
    expect(await contacts.createContactAction(form({ firstName: 'Ben', ownerId: ana.id }))).toMatchObject({ ok: false, fieldErrors: { ownerId: inactive } });
    expect(await forecast.saveGoalsAction(form({ [`goal:${ana.id}:2026-12`]: '100' }))).toMatchObject({ ok: false, fieldErrors: { [`goal:${ana.id}:2026-12`]: inactive } });
    // Editing what a deactivated rep still owns keeps working.
    expect(await dealPage.updateDealAction(form({ dealId: d.id, version: d.version, title: 'Renamed', ownerId: ana.id }))).toMatchObject({ ok: true });
    expect(await contacts.updateContactAction(form({ contactId: contact.id, firstName: 'Cara B' }))).toMatchObject({ ok: true });
  });

  test('unknown company and contact on contacts, activities, quotes, and product on list prices', async () => {
    session.user = manager;
    expect(await contacts.logActivityAction(form({ type: 'note', subject: 'Hi', date: '2026-11-25', companyId: 998, contactId: 997 }))).toMatchObject({
      ok: false,
      fieldErrors: { companyId: 'That company no longer exists', contactId: 'That contact no longer exists' },
    });
    expect(await quotes.createQuoteAction(quoteForm([], { companyId: 998, contactId: 997 }))).toMatchObject({
      ok: false,
      fieldErrors: { companyId: 'That company no longer exists', contactId: 'That contact no longer exists' },
    });
    session.user = admin;
    const listId = (db.$client.prepare(`insert into price_lists (name) values ('Partners') returning id`).get() as { id: number }).id;
    expect(await productPrices.setListPriceAction(form({ productId: 999, priceListId: listId, unitPriceCents: '1' }))).toMatchObject({
      ok: false,
      fieldErrors: { productId: 'That product no longer exists' },
    });
    expect(count('activities') + count('quotes') + count('price_list_items')).toBe(0);
  });
});
