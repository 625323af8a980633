import { z } from 'zod';
import { firstParam, parseListView, setListView, type ListDefaults, type ListView, type SearchParams } from '@/lib/list/params';

export type ProductSort = 'name' | 'sku' | 'price';
export const PRODUCT_LIST: ListDefaults<ProductSort> = { sorts: ['name', 'sku', 'price'], sort: 'name', dir: 'asc' };

export type ProductFilters = { q: string; status: 'active' | 'inactive' | 'all' } & ListView<ProductSort>;

// URL parameters are user input: anything unreadable falls back to its default.
const schema = z.object({
  q: z.string().trim().max(100).catch(''),
  status: z.enum(['active', 'inactive', 'all']).catch('active'),
});

export function parseProductFilters(params: SearchParams): ProductFilters {
  return { ...schema.parse({ q: firstParam(params, 'q') ?? '', status: firstParam(params, 'status') ?? 'active' }), ...parseListView(params, PRODUCT_LIST) };
}

export function productFiltersToParams(f: ProductFilters, change: Partial<ProductFilters> = {}): URLSearchParams {
  const next = { ...f, ...change };
  const p = new URLSearchParams();
  if (next.q) p.set('q', next.q);
  if (next.status !== 'active') p.set('status', next.status);
  return setListView(p, next, PRODUCT_LIST);
}
