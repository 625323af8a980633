import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/db/queries/users';
import { createTestDb } from './support/db';

// Only the session and Next's cache are mocked; the database is real, with the real migrations.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
let db: Db;
vi.mock('@/db', () => ({ getDb: () => db }));

const { createUser } = await import('@/db/queries/users');
const { seedEmptyWorkspace } = await import('@/db/seed');
const { getCompanyHeader } = await import('@/db/queries/companies');
const { getProductPrices, listPriceLists } = await import('@/db/queries/price-lists');
const { getProduct, listProducts } = await import('@/db/queries/products');
const { checkImport } = await import('@/db/queries/imports');
const { parseProductFilters } = await import('@/lib/products/list-filters');
const products = await import('@/app/(app)/products/actions');
const prices = await import('@/app/(app)/products/[id]/actions');
const importRoute = await import('@/app/api/import/route');
const priceLists = await import('@/app/(app)/products/price-lists/actions');
const companies = await import('@/app/(app)/companies/actions');
const exportCsv = await import('@/app/(app)/products/export.csv/route');

const DENIED = { ok: false, error: 'You are not allowed to do that.' };

let admin: SessionUser;
let manager: SessionUser;
let rep: SessionUser;

const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, String(v));
  return data;
};
const widget = { name: 'Widget', sku: 'W-1', description: '', unit: 'seat', unitPriceCents: '49.90', taxRateBp: '20', active: 'on' };
const count = (table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

function newProduct(fields: Record<string, string> = {}) {
  session.user = manager;
  return products.createProductAction(form({ ...widget, ...fields })).then((r) => {
    if (!r.ok) throw new Error(r.error);
    return r.data.id;
  });
}

beforeEach(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Olivia', email: 'olivia@example.test', password: 'password1' });
  admin = { id: 1, name: 'Olivia', email: 'olivia@example.test', role: 'admin' };
  manager = createUser(db, { name: 'Mia', email: 'mia@example.test', role: 'manager', password: 'password1' });
  rep = createUser(db, { name: 'Ana', email: 'ana@example.test', role: 'rep', password: 'password1' });
});

describe('products', () => {
  test('a manager creates and edits a product; a rep may do neither', async () => {
    const id = await newProduct();
    expect(getProduct(db, id)).toMatchObject({ name: 'Widget', sku: 'W-1', unit: 'seat', unitPriceCents: 4990, taxRateBp: 2000, active: true, version: 1 });

    session.user = rep;
    expect(await products.createProductAction(form({ ...widget, sku: 'W-2' }))).toEqual(DENIED);
    expect(await products.updateProductAction(form({ ...widget, productId: id, version: 1, name: 'Hijacked' }))).toEqual(DENIED);
    expect(count('products')).toBe(1);

    session.user = manager;
    // A checkbox left unticked is simply absent from the form: the product becomes inactive.
    const rest = Object.fromEntries(Object.entries(widget).filter(([k]) => k !== 'active'));
    expect(await products.updateProductAction(form({ ...rest, productId: id, version: 1, name: 'Widget Pro' }))).toEqual({ ok: true, data: { id } });
    expect(getProduct(db, id)).toMatchObject({ name: 'Widget Pro', active: false, version: 2 });
  });

  test('bad values and a duplicate SKU come back beside their fields; a stale version is refused', async () => {
    const id = await newProduct();
    const bad = await products.createProductAction(form({ ...widget, sku: 'W 2', unitPriceCents: '12.345', taxRateBp: '101' }));
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: {
        sku: 'Use letters, digits and dashes, no spaces',
        unitPriceCents: 'Enter a price like 120 or 1,250.50',
        taxRateBp: 'Enter a tax rate from 0 to 100 with at most 2 decimals',
      },
    });
    expect(await products.createProductAction(form({ ...widget, sku: 'w-1' }))).toMatchObject({ ok: false, fieldErrors: { sku: 'Another product (Widget) already has this SKU' } });

    await products.updateProductAction(form({ ...widget, productId: id, version: 1, name: 'First edit' }));
    expect(await products.updateProductAction(form({ ...widget, productId: id, version: 1, name: 'Second edit' }))).toEqual({
      ok: false,
      error: 'Someone else changed this product meanwhile. Reload to see their change, then try again.',
    });
    expect(getProduct(db, id)?.name).toBe('First edit');
  });

  test('the list searches name or SKU start and filters by status', async () => {
    await newProduct();
    await newProduct({ name: 'Gadget', sku: 'G-7', active: 'no' });
    const names = (params: Record<string, string>) => listProducts(db, parseProductFilters(params)).rows.map((r) => r.name);
    expect(names({})).toEqual(['Widget']);
    expect(names({ status: 'all', sort: 'price', dir: 'desc' })).toEqual(['Gadget', 'Widget']);
    expect(names({ status: 'inactive' })).toEqual(['Gadget']);
    expect(names({ q: 'dget', status: 'all' })).toEqual(['Gadget', 'Widget']);
    expect(names({ q: 'G-', status: 'all' })).toEqual(['Gadget']);
  });
});

describe('price lists and prices', () => {
  test('only an admin creates, renames and deletes price lists; names are unique', async () => {
    for (const user of [manager, rep]) {
      session.user = user;
      expect(await priceLists.createPriceListAction(form({ name: 'Partners' }))).toEqual(DENIED);
    }
    session.user = admin;
    const created = await priceLists.createPriceListAction(form({ name: 'Partners', description: 'Resellers' }));
    expect(created).toMatchObject({ ok: true });
    const listId = created.ok ? created.data.id : 0;
    expect(await priceLists.createPriceListAction(form({ name: 'partners' }))).toMatchObject({ ok: false, fieldErrors: { name: 'A price list with this name exists already' } });
    expect(await priceLists.renamePriceListAction(form({ priceListId: listId, name: 'Resellers', description: '' }))).toEqual({ ok: true, data: undefined });
    expect(listPriceLists(db)).toEqual([{ id: listId, name: 'Resellers', description: null, products: 0, companies: 0 }]);
    session.user = rep;
    expect(await priceLists.deletePriceListAction(form({ priceListId: listId }))).toEqual(DENIED);
    expect(listPriceLists(db)).toHaveLength(1);
  });

  test('an admin sets a list price and tiers; others cannot; tiers are removed only from their product', async () => {
    const productId = await newProduct();
    const otherId = await newProduct({ sku: 'W-9' });
    session.user = admin;
    const list = await priceLists.createPriceListAction(form({ name: 'Partners' }));
    const priceListId = list.ok ? list.data.id : 0;

    session.user = manager;
    expect(await prices.setListPriceAction(form({ productId, priceListId, unitPriceCents: '40' }))).toEqual(DENIED);
    expect(await prices.addTierAction(form({ productId, priceListId: '', minQuantityMilli: '10', kind: 'price', unitPrice: '45' }))).toEqual(DENIED);

    session.user = admin;
    expect(await prices.setListPriceAction(form({ productId, priceListId, unitPriceCents: '40' }))).toMatchObject({ ok: true });
    expect(await prices.addTierAction(form({ productId, priceListId: '', minQuantityMilli: '10', kind: 'price', unitPrice: '45' }))).toMatchObject({ ok: true });
    const listTier = await prices.addTierAction(form({ productId, priceListId, minQuantityMilli: '2.5', kind: 'discount', discount: '12.5' }));
    expect(listTier).toMatchObject({ ok: true });
    expect(await prices.addTierAction(form({ productId, priceListId, minQuantityMilli: '2.5', kind: 'price', unitPrice: '1' }))).toMatchObject({
      ok: false,
      fieldErrors: { minQuantityMilli: 'A tier already starts at this quantity' },
    });
    expect(await prices.addTierAction(form({ productId, priceListId, minQuantityMilli: '0', kind: 'price', unitPrice: '1' }))).toMatchObject({
      ok: false,
      fieldErrors: { minQuantityMilli: 'Enter the quantity the tier starts at, above 0' },
    });
    expect(await prices.addTierAction(form({ productId, priceListId, minQuantityMilli: '5', kind: 'discount', discount: '0' }))).toMatchObject({
      ok: false,
      fieldErrors: { discount: 'Enter a discount above 0 and up to 100' },
    });
    expect(await prices.setListPriceAction(form({ productId, priceListId: 999, unitPriceCents: '1' }))).toEqual({
      ok: false,
      error: 'That price list no longer exists. Reload and pick another.',
      fieldErrors: { priceListId: 'That price list no longer exists. Reload and pick another.' },
    });

    expect(getProductPrices(db, productId)).toEqual({
      catalogueCents: 4990,
      catalogueTiers: [expect.objectContaining({ minQuantityMilli: 10_000, unitPriceCents: 4500, discountBp: null })],
      lists: [{ id: priceListId, name: 'Partners', listCents: 4000, tiers: [expect.objectContaining({ minQuantityMilli: 2500, unitPriceCents: null, discountBp: 1250 })] }],
    });

    const tierId = listTier.ok ? listTier.data.id : 0;
    await prices.deleteTierAction(form({ productId: otherId, tierId }));
    expect(getProductPrices(db, productId)?.lists[0].tiers).toHaveLength(1);
    await prices.deleteTierAction(form({ productId, tierId }));
    expect(await prices.clearListPriceAction(form({ productId, priceListId }))).toMatchObject({ ok: true });
    expect(getProductPrices(db, productId)?.lists[0]).toEqual({ id: priceListId, name: 'Partners', listCents: null, tiers: [] });
  });

  test('companies: managers assign a list, a rep edit keeps it, deleting the list falls back to the catalogue', async () => {
    session.user = admin;
    const list = await priceLists.createPriceListAction(form({ name: 'Partners' }));
    const priceListId = list.ok ? list.data.id : 0;

    session.user = rep;
    const own = await companies.createCompanyAction(form({ name: 'Rep Co', priceListId }));
    const ownId = own.ok ? own.data.id : 0;
    expect(getCompanyHeader(db, ownId)).toMatchObject({ priceListId: null, priceListName: null });

    session.user = manager;
    expect(await companies.updateCompanyAction(form({ companyId: ownId, name: 'Rep Co', ownerId: rep.id, priceListId }))).toMatchObject({ ok: true });
    expect(getCompanyHeader(db, ownId)).toMatchObject({ priceListId, priceListName: 'Partners' });
    expect(await companies.updateCompanyAction(form({ companyId: ownId, name: 'Rep Co', ownerId: rep.id, priceListId: 999 }))).toMatchObject({
      ok: false,
      fieldErrors: { priceListId: 'This price list no longer exists. Reload and pick another.' },
    });

    session.user = rep;
    // The rep's form has no select; even a crafted one cannot move the company off its list.
    expect(await companies.updateCompanyAction(form({ companyId: ownId, name: 'Rep Co Ltd' }))).toMatchObject({ ok: true });
    expect(await companies.updateCompanyAction(form({ companyId: ownId, name: 'Rep Co Ltd', priceListId: '' }))).toMatchObject({ ok: true });
    expect(getCompanyHeader(db, ownId)).toMatchObject({ name: 'Rep Co Ltd', priceListId });
    expect(listPriceLists(db)[0]).toMatchObject({ companies: 1 });

    session.user = admin;
    expect(await priceLists.deletePriceListAction(form({ priceListId }))).toEqual({ ok: true, data: undefined });
    expect(getCompanyHeader(db, ownId)).toMatchObject({ priceListId: null, priceListName: null });
  });
});

describe('the CSV export', () => {
  test('needs a session, follows the list filters and imports back', async () => {
    await newProduct({ description: 'Per seat, per month' });
    await newProduct({ name: 'Old gadget', sku: 'G-1', active: 'no', unitPriceCents: '1234.5', taxRateBp: '7.5' });
    session.user = null;
    expect((await exportCsv.GET(new Request('http://x/products/export.csv'))).status).toBe(401);

    session.user = rep;
    const all = await (await exportCsv.GET(new Request('http://x/products/export.csv?status=all'))).text();
    expect(all.split('\r\n')).toEqual(['sku,name,description,unit,unit_price,tax_rate,active', 'W-1,Widget,"Per seat, per month",seat,49.90,20,yes', 'G-1,Old gadget,,seat,1234.50,7.5,no', '']);
    const active = await (await exportCsv.GET(new Request('http://x/products/export.csv?q=wid'))).text();
    expect(active.split('\r\n')).toHaveLength(3);

    // The file goes to the one import screen's upload as it is; its columns are matched without help
    // and the check finds both products by SKU with nothing to change.
    session.user = manager;
    const upload = await importRoute.POST(new Request('http://x/api/import?kind=products&name=products.csv', { method: 'POST', body: all }));
    const { batchId } = (await upload.json()) as { batchId: number };
    expect(checkImport(db, batchId, manager)).toMatchObject({ create: 0, update: 0, skip: 2, error: 0 });
  });
});
