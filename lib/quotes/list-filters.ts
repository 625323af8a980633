import { z } from 'zod';
import { QUOTE_STATUSES, type QuoteStatus } from '@/db/schema';

export const QUOTE_PAGE_SIZE = 50;

export type QuoteFilters = { status: QuoteStatus | 'all'; owner: 'me' | 'all' | number; q: string; page: number };

type Params = Record<string, string | string[] | undefined>;
const first = (params: Params, key: string) => {
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
};

// URL parameters are user input: anything unreadable falls back to its default.
const schema = z.object({
  status: z.enum([...QUOTE_STATUSES, 'all']).catch('all'),
  owner: z.union([z.enum(['me', 'all']), z.coerce.number().int().positive()]).catch('all'),
  q: z.string().trim().max(100).catch(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export function parseQuoteFilters(params: Params, defaultOwner: 'me' | 'all'): QuoteFilters {
  return schema.parse({ status: first(params, 'status') ?? 'all', owner: first(params, 'owner') ?? defaultOwner, q: first(params, 'q') ?? '', page: first(params, 'page') ?? 1 });
}

export function quoteFiltersToParams(f: QuoteFilters, defaultOwner: 'me' | 'all', change: Partial<QuoteFilters> = {}): URLSearchParams {
  const next = { ...f, ...change };
  const p = new URLSearchParams();
  if (next.status !== 'all') p.set('status', next.status);
  if (next.owner !== defaultOwner) p.set('owner', String(next.owner));
  if (next.q) p.set('q', next.q);
  if (next.page > 1) p.set('page', String(next.page));
  return p;
}
