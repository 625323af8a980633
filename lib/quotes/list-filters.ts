import { z } from 'zod';
import { QUOTE_STATUSES, type QuoteStatus } from '@/db/schema';
import { firstParam, parsePage, type SearchParams } from '@/lib/list/params';

/** Quotes list newest first, with no sort to choose: their view is the page alone. */
export type QuoteFilters = { status: QuoteStatus | 'all'; owner: 'me' | 'all' | number; q: string; page: number };

// URL parameters are user input: anything unreadable falls back to its default.
const schema = z.object({
  status: z.enum([...QUOTE_STATUSES, 'all']).catch('all'),
  owner: z.union([z.enum(['me', 'all']), z.coerce.number().int().positive()]).catch('all'),
  q: z.string().trim().max(100).catch(''),
});

export function parseQuoteFilters(params: SearchParams, defaultOwner: 'me' | 'all'): QuoteFilters {
  const raw = schema.parse({ status: firstParam(params, 'status') ?? 'all', owner: firstParam(params, 'owner') ?? defaultOwner, q: firstParam(params, 'q') ?? '' });
  return { ...raw, page: parsePage(firstParam(params, 'page')) };
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
