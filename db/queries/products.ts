import 'server-only';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import type { ListPage } from '@/lib/list/params';
import type { ProductFilters, ProductSort } from '@/lib/products/list-filters';
import type { ProductInput } from '@/lib/products/schemas';
import { likePrefix } from '@/lib/search/fts';
import { moneyBoundProblem } from '@/lib/validation/money';
import { orderBy, selectBatches, selectPage, type SortSql } from './list';

/** A price is never negative and never beyond the money bound (lib/money.ts), whichever path writes it. */
export function assertPrice(cents: number, field = 'unitPriceCents'): void {
  const problem = moneyBoundProblem(cents, { min: 0, message: 'Enter a price like 120 or 1,250.50' });
  if (problem) throw new AppError(problem, { [field]: problem });
}

export type ProductRow = {
  id: number;
  name: string;
  sku: string;
  description: string | null;
  unit: string;
  unitPriceCents: number;
  taxRateBp: number;
  active: boolean;
  version: number;
};

const COLUMNS = `p.id, p.name, p.sku, p.description, p.unit, p.unit_price_cents as unitPriceCents, p.tax_rate_bp as taxRateBp, p.active, p.version`;
const SORTS: Record<ProductSort, SortSql> = {
  name: { columns: ['p.name collate nocase'] },
  sku: { columns: ['p.sku'] },
  price: { columns: ['p.unit_price_cents'] },
};
// SQLite has no booleans: `active` comes back as 0 or 1.
type DbProductRow = Omit<ProductRow, 'active'> & { active: number };
const toRow = (r: DbProductRow): ProductRow => ({ ...r, active: Boolean(r.active) });

function productWhere(f: Pick<ProductFilters, 'q' | 'status'>): { where: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (f.q) {
    // A word anywhere in the name, or the start of the SKU.
    clauses.push(`(p.name like @contains escape '\\' or p.sku like @prefix escape '\\')`);
    params.contains = `%${likePrefix(f.q)}`;
    params.prefix = likePrefix(f.q);
  }
  if (f.status !== 'all') clauses.push(`p.active = ${f.status === 'active' ? 1 : 0}`);
  return { where: clauses.length ? clauses.join(' and ') : '1', params };
}

export function listProducts(db: Db, f: ProductFilters): ListPage<ProductRow> {
  const { where, params } = productWhere(f);
  const page = selectPage<DbProductRow>(db, {
    count: `from products p where ${where}`,
    rows: `select ${COLUMNS} from products p where ${where} order by ${orderBy(SORTS[f.sort], f.dir, 'p.id')}`,
    params,
    page: f.page,
  });
  return { ...page, rows: page.rows.map(toRow) };
}

/** Every product matching the filters, a batch at a time, for the CSV download. */
export function* iterateProducts(db: Db, f: Pick<ProductFilters, 'q' | 'status'>, batch = 1000): Generator<ProductRow[]> {
  const { where, params } = productWhere(f);
  for (const rows of selectBatches<DbProductRow>(db, `select ${COLUMNS} from products p where ${where} and p.id > @afterId order by p.id limit @batch`, params, batch)) {
    yield rows.map(toRow);
  }
}

export function getProduct(db: Db, id: number): ProductRow | null {
  const row = db.$client.prepare(`select ${COLUMNS} from products p where p.id = ?`).get(id) as DbProductRow | undefined;
  return row ? toRow(row) : null;
}

function skuTaken(db: Db, sku: string, exceptId: number | null): { id: number; name: string } | null {
  return (db.$client.prepare('select id, name from products where sku = ? collate nocase and id != ?').get(sku, exceptId ?? 0) as { id: number; name: string } | undefined) ?? null;
}

function skuError(other: { name: string }): AppError {
  const message = `Another product (${other.name}) already has this SKU`;
  return new AppError(message, { sku: message });
}

export function createProduct(db: Db, input: ProductInput, now = Date.now()): { id: number } {
  return db.transaction(() => {
    assertPrice(input.unitPriceCents);
    const other = skuTaken(db, input.sku, null);
    if (other) throw skuError(other);
    return db.$client
      .prepare(
        `insert into products (name, sku, description, unit, unit_price_cents, tax_rate_bp, active, created_at, updated_at)
         values (@name, @sku, @description, @unit, @unitPriceCents, @taxRateBp, @active, @now, @now) returning id`,
      )
      .get({ ...input, description: input.description ?? null, active: input.active ? 1 : 0, now }) as { id: number };
  });
}

export function updateProduct(db: Db, id: number, version: number, input: ProductInput, now = Date.now()): void {
  db.transaction(() => {
    const current = getProduct(db, id);
    if (!current) throw new AppError('This product no longer exists.');
    if (current.version !== version) throw new AppError('Someone else changed this product meanwhile. Reload to see their change, then try again.');
    assertPrice(input.unitPriceCents);
    const other = skuTaken(db, input.sku, id);
    if (other) throw skuError(other);
    db.$client
      .prepare(
        `update products set name = @name, sku = @sku, description = @description, unit = @unit, unit_price_cents = @unitPriceCents,
                tax_rate_bp = @taxRateBp, active = @active, updated_at = @now, version = version + 1 where id = @id`,
      )
      .run({ ...input, description: input.description ?? null, active: input.active ? 1 : 0, now, id });
  });
}
