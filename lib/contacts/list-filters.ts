import { z } from 'zod';
import { firstParam, parseListView, setListView, type ListDefaults, type ListView, type SearchParams } from '@/lib/list/params';

export type CustomerSort = 'name' | 'created' | 'company';

/** The contact and company lists sort alike; a company's "company" order is its name. */
export const CUSTOMER_LIST: ListDefaults<CustomerSort> = { sorts: ['name', 'created', 'company'], sort: 'name', dir: 'asc' };

export type ListFilters = {
  q: string;
  owner: 'me' | 'all' | number;
  tag: string | null;
  openDeals: boolean;
} & ListView<CustomerSort>;

// URL parameters are user input: anything unreadable falls back to its default.
const schema = z.object({
  q: z.string().trim().max(100).catch(''),
  owner: z.union([z.enum(['me', 'all']), z.coerce.number().int().positive()]).catch('all'),
  tag: z.string().trim().min(1).max(40).nullable().catch(null),
  open: z.literal('1').nullable().catch(null),
});

/** Filters of the contact and company lists, from the URL. */
export function parseListFilters(params: SearchParams): ListFilters {
  const raw = schema.parse({
    q: firstParam(params, 'q') ?? '',
    owner: firstParam(params, 'owner') ?? 'all',
    tag: firstParam(params, 'tag') ?? null,
    open: firstParam(params, 'open') ?? null,
  });
  return { q: raw.q, owner: raw.owner, tag: raw.tag, openDeals: raw.open === '1', ...parseListView(params, CUSTOMER_LIST) };
}

export function listFiltersToParams(f: ListFilters, change: Partial<ListFilters> = {}): URLSearchParams {
  const next = { ...f, ...change };
  const p = new URLSearchParams();
  if (next.q) p.set('q', next.q);
  if (next.owner !== 'all') p.set('owner', String(next.owner));
  if (next.tag) p.set('tag', next.tag);
  if (next.openDeals) p.set('open', '1');
  return setListView(p, next, CUSTOMER_LIST);
}
