import { z } from 'zod';

export const PAGE_SIZE = 50;

export type ListFilters = {
  q: string;
  owner: 'me' | 'all' | number;
  tag: string | null;
  openDeals: boolean;
  sort: 'name' | 'created' | 'company';
  dir: 'asc' | 'desc';
  page: number;
};

type Params = Record<string, string | string[] | undefined>;
const first = (params: Params, key: string) => {
  const v = params[key];
  return (Array.isArray(v) ? v[0] : v) ?? undefined;
};

// URL parameters are user input: anything unreadable falls back to its default.
const schema = z.object({
  q: z.string().trim().max(100).catch(''),
  owner: z.union([z.enum(['me', 'all']), z.coerce.number().int().positive()]).catch('all'),
  tag: z.string().trim().min(1).max(40).nullable().catch(null),
  open: z.literal('1').nullable().catch(null),
  sort: z.enum(['name', 'created', 'company']).catch('name'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** Filters of the contact and company lists, from the URL. */
export function parseListFilters(params: Params): ListFilters {
  const raw = schema.parse({
    q: first(params, 'q') ?? '',
    owner: first(params, 'owner') ?? 'all',
    tag: first(params, 'tag') ?? null,
    open: first(params, 'open') ?? null,
    sort: first(params, 'sort') ?? 'name',
    dir: first(params, 'dir') ?? 'asc',
    page: first(params, 'page') ?? 1,
  });
  return { q: raw.q, owner: raw.owner, tag: raw.tag, openDeals: raw.open === '1', sort: raw.sort, dir: raw.dir, page: raw.page };
}

export function listFiltersToParams(f: ListFilters, change: Partial<ListFilters> = {}): URLSearchParams {
  const next = { ...f, ...change };
  const p = new URLSearchParams();
  if (next.q) p.set('q', next.q);
  if (next.owner !== 'all') p.set('owner', String(next.owner));
  if (next.tag) p.set('tag', next.tag);
  if (next.openDeals) p.set('open', '1');
  if (next.sort !== 'name') p.set('sort', next.sort);
  if (next.dir !== 'asc') p.set('dir', next.dir);
  if (next.page > 1) p.set('page', String(next.page));
  return p;
}
