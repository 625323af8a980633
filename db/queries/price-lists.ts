import 'server-only';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { ProductPricing, Tier } from '@/lib/pricing/resolve';
import { likePrefix } from '@/lib/search/fts';
import { assertPrice } from './products';
import { assertRefs } from './refs';
import { andScope, companyScope, type Viewer } from './visibility';

export type PriceListRow = { id: number; name: string; description: string | null; products: number; companies: number };

export function listPriceLists(db: Db): PriceListRow[] {
  return db.$client
    .prepare(
      `select l.id, l.name, l.description,
              (select count(*) from price_list_items i where i.price_list_id = l.id) as products,
              (select count(*) from companies c where c.price_list_id = l.id) as companies
       from price_lists l order by l.name collate nocase`,
    )
    .all() as PriceListRow[];
}

/** The list a company's quotes are priced from, or null for catalogue prices. */
export function getCompanyPriceList(db: Db, companyId: number | null, viewer?: Viewer): { id: number; name: string } | null {
  if (!companyId) return null;
  // A company the viewer may not see has no list for them (db/queries/visibility.ts).
  return (
    (db.$client.prepare(`select l.id, l.name from companies c join price_lists l on l.id = c.price_list_id where c.id = ? ${andScope(companyScope(db, viewer, 'c', { one: true }))}`).get(companyId) as
      | { id: number; name: string }
      | undefined) ?? null
  );
}

/** Names only, for the company form's select. */
export function listPriceListOptions(db: Db): { id: number; name: string }[] {
  return db.$client.prepare('select id, name from price_lists order by name collate nocase').all() as { id: number; name: string }[];
}

export function priceListExists(db: Db, id: number): boolean {
  return Boolean(db.$client.prepare('select 1 from price_lists where id = ?').get(id));
}

// A form can outlive the row it points at (another admin deleted it); say so instead of failing on the foreign key.
function requireTarget(db: Db, productId: number, priceListId: number | null): void {
  assertRefs(db, { productId, priceListId });
}

function nameTaken(db: Db, name: string, exceptId: number): boolean {
  return Boolean(db.$client.prepare('select 1 from price_lists where name = ? collate nocase and id != ?').get(name, exceptId));
}

export function createPriceList(db: Db, input: { name: string; description?: string | null }): { id: number } {
  if (nameTaken(db, input.name, 0)) throw new AppError('A price list with this name exists already', { name: 'A price list with this name exists already' });
  return db.$client.prepare('insert into price_lists (name, description) values (?, ?) returning id').get(input.name, input.description ?? null) as { id: number };
}

export function updatePriceList(db: Db, id: number, input: { name: string; description?: string | null }): void {
  if (nameTaken(db, input.name, id)) throw new AppError('A price list with this name exists already', { name: 'A price list with this name exists already' });
  const r = db.$client.prepare('update price_lists set name = ?, description = ?, updated_at = ? where id = ?').run(input.name, input.description ?? null, Date.now(), id);
  if (r.changes === 0) throw new AppError('This price list no longer exists.');
}

/** Companies on the list go back to catalogue prices; quotes already written keep their figures. */
export function deletePriceList(db: Db, id: number): void {
  db.$client.prepare('delete from price_lists where id = ?').run(id);
}

export type TierRow = Tier & { id: number };
export type ProductPrices = { catalogueCents: number; catalogueTiers: TierRow[]; lists: { id: number; name: string; listCents: number | null; tiers: TierRow[] }[] };

const TIER_COLUMNS = 'id, price_list_id as priceListId, product_id as productId, min_quantity_milli as minQuantityMilli, unit_price_cents as unitPriceCents, discount_bp as discountBp';
type TierDbRow = TierRow & { priceListId: number | null; productId: number };

/** A product's catalogue price and tiers, and its price and tiers in every list, for the product page. */
export function getProductPrices(db: Db, productId: number): ProductPrices | null {
  const product = db.$client.prepare('select unit_price_cents as cents from products where id = ?').get(productId) as { cents: number } | undefined;
  if (!product) return null;
  const tiers = db.$client.prepare(`select ${TIER_COLUMNS} from price_tiers where product_id = ? order by min_quantity_milli`).all(productId) as TierDbRow[];
  const lists = db.$client
    .prepare(
      `select l.id, l.name, i.unit_price_cents as listCents from price_lists l
       left join price_list_items i on i.price_list_id = l.id and i.product_id = ? order by l.name collate nocase`,
    )
    .all(productId) as { id: number; name: string; listCents: number | null }[];
  return {
    catalogueCents: product.cents,
    catalogueTiers: tiers.filter((t) => t.priceListId === null),
    lists: lists.map((l) => ({ ...l, tiers: tiers.filter((t) => t.priceListId === l.id) })),
  };
}

export function setListPrice(db: Db, priceListId: number, productId: number, cents: number | null): void {
  requireTarget(db, productId, priceListId);
  if (cents === null) {
    db.$client.prepare('delete from price_list_items where price_list_id = ? and product_id = ?').run(priceListId, productId);
    return;
  }
  assertPrice(cents);
  db.$client
    .prepare(
      `insert into price_list_items (price_list_id, product_id, unit_price_cents) values (?, ?, ?)
       on conflict (price_list_id, product_id) do update set unit_price_cents = excluded.unit_price_cents`,
    )
    .run(priceListId, productId, cents);
}

export function addTier(db: Db, t: { productId: number; priceListId: number | null; minQuantityMilli: number; unitPriceCents: number | null; discountBp: number | null }): { id: number } {
  return db.transaction(() => {
    requireTarget(db, t.productId, t.priceListId);
    const clash = db.$client
      .prepare('select 1 from price_tiers where product_id = ? and price_list_id is ? and min_quantity_milli = ?')
      .get(t.productId, t.priceListId, t.minQuantityMilli);
    if (clash) throw new AppError('A tier already starts at this quantity', { minQuantityMilli: 'A tier already starts at this quantity' });
    if (t.unitPriceCents !== null) assertPrice(t.unitPriceCents, 'unitPrice');
    return db.$client
      .prepare('insert into price_tiers (product_id, price_list_id, min_quantity_milli, unit_price_cents, discount_bp) values (?, ?, ?, ?, ?) returning id')
      .get(t.productId, t.priceListId, t.minQuantityMilli, t.unitPriceCents, t.discountBp) as { id: number };
  });
}

/** Removes one of the product's tiers (a tier id from another product's page does nothing). */
export function deleteTier(db: Db, productId: number, id: number): void {
  db.$client.prepare('delete from price_tiers where id = ? and product_id = ?').run(id, productId);
}

/** Everything the price lookup needs for these products under one price list (null: the catalogue). */
export function pricingFor(db: Db, productIds: number[], priceListId: number | null): Map<number, ProductPricing> {
  const out = new Map<number, ProductPricing>();
  if (productIds.length === 0) return out;
  const ids = JSON.stringify([...new Set(productIds)]);
  const products = db.$client
    .prepare(
      `select p.id, p.unit_price_cents as catalogueCents, i.unit_price_cents as listCents from products p
       left join price_list_items i on i.product_id = p.id and i.price_list_id = @list
       where p.id in (select value from json_each(@ids))`,
    )
    .all({ ids, list: priceListId }) as { id: number; catalogueCents: number; listCents: number | null }[];
  const tiers = db.$client
    .prepare(
      `select ${TIER_COLUMNS} from price_tiers
       where product_id in (select value from json_each(@ids)) and (price_list_id is null or price_list_id = @list) order by min_quantity_milli`,
    )
    .all({ ids, list: priceListId }) as TierDbRow[];
  for (const p of products) {
    const own = tiers.filter((t) => t.productId === p.id);
    const strip = ({ minQuantityMilli, unitPriceCents, discountBp }: TierDbRow): Tier => ({ minQuantityMilli, unitPriceCents, discountBp });
    out.set(p.id, {
      catalogueCents: p.catalogueCents,
      listCents: p.listCents,
      catalogueTiers: own.filter((t) => t.priceListId === null).map(strip),
      listTiers: priceListId === null ? [] : own.filter((t) => t.priceListId === priceListId).map(strip),
    });
  }
  return out;
}

export type CatalogueOption = { id: number; name: string; sku: string; description: string | null; unit: string; taxRateBp: number; pricing: ProductPricing };

/** Active products whose name contains the words or whose SKU starts with them, priced for the list. */
export function searchCatalogue(db: Db, q: string, priceListId: number | null, limit = 8): CatalogueOption[] {
  const term = q.trim();
  if (!term) return [];
  const rows = db.$client
    .prepare(
      `select id, name, sku, description, unit, tax_rate_bp as taxRateBp from products
       where active = 1 and (name like @contains escape '\\' or sku like @prefix escape '\\')
       order by (sku like @prefix escape '\\') desc, name collate nocase limit @limit`,
    )
    .all({ contains: `%${likePrefix(term)}`, prefix: likePrefix(term), limit }) as Omit<CatalogueOption, 'pricing'>[];
  const pricing = pricingFor(db, rows.map((r) => r.id), priceListId);
  return rows.flatMap((r) => {
    const p = pricing.get(r.id);
    return p ? [{ ...r, pricing: p }] : [];
  });
}
