import { z } from 'zod';

export const PRODUCT_PAGE_SIZE = 50;

export type ProductFilters = {
  q: string;
  status: 'active' | 'inactive' | 'all';
  sort: 'name' | 'sku' | 'price';
  dir: 'asc' | 'desc';
  page: number;
};

type Params = Record<string, string | string[] | undefined>;
const first = (params: Params, key: string) => {
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
};

// URL parameters are user input: anything unreadable falls back to its default.
const schema = z.object({
  q: z.string().trim().max(100).catch(''),
  status: z.enum(['active', 'inactive', 'all']).catch('active'),
  sort: z.enum(['name', 'sku', 'price']).catch('name'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function parseProductFilters(params: Params): ProductFilters {
  return schema.parse({
    q: first(params, 'q') ?? '',
    status: first(params, 'status') ?? 'active',
    sort: first(params, 'sort') ?? 'name',
    dir: first(params, 'dir') ?? 'asc',
    page: first(params, 'page') ?? 1,
  });
}

export function productFiltersToParams(f: ProductFilters, change: Partial<ProductFilters> = {}): URLSearchParams {
  const next = { ...f, ...change };
  const p = new URLSearchParams();
  if (next.q) p.set('q', next.q);
  if (next.status !== 'active') p.set('status', next.status);
  if (next.sort !== 'name') p.set('sort', next.sort);
  if (next.dir !== 'asc') p.set('dir', next.dir);
  if (next.page > 1) p.set('page', String(next.page));
  return p;
}
