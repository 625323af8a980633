import { z } from 'zod';
import { LEAD_STATUSES, type LeadStatus } from '@/db/schema';
import { firstParam, parseListView, setListView, type ListDefaults, type ListView, type SearchParams } from '@/lib/list/params';

export type LeadSort = 'score' | 'created' | 'name';

/** The inbox sorts by score, best first. */
export const LEAD_LIST: ListDefaults<LeadSort> = { sorts: ['score', 'created', 'name'], sort: 'score', dir: 'desc' };

/** "open": still being worked (new, contacted, qualified); "all" includes converted and disqualified. */
export type LeadStatusFilter = LeadStatus | 'open' | 'all';

export type LeadFilters = {
  q: string;
  status: LeadStatusFilter;
  owner: 'me' | 'all' | 'none' | number;
  source: number | null;
  hot: boolean;
  /** The spam a form caught, kept apart for an admin to review. */
  spam: boolean;
} & ListView<LeadSort>;

// URL parameters are user input: anything unreadable falls back to its default.
const schema = z.object({
  q: z.string().trim().max(100).catch(''),
  status: z.enum([...LEAD_STATUSES, 'open', 'all']).catch('open'),
  owner: z.union([z.enum(['me', 'all', 'none']), z.coerce.number().int().positive()]).catch('all'),
  source: z.coerce.number().int().positive().nullable().catch(null),
  hot: z.literal('1').nullable().catch(null),
  spam: z.literal('1').nullable().catch(null),
});

export function parseLeadFilters(params: SearchParams): LeadFilters {
  const raw = schema.parse({
    q: firstParam(params, 'q') ?? '',
    status: firstParam(params, 'status') ?? 'open',
    owner: firstParam(params, 'owner') ?? 'all',
    source: firstParam(params, 'source') ?? null,
    hot: firstParam(params, 'hot') ?? null,
    spam: firstParam(params, 'spam') ?? null,
  });
  return { q: raw.q, status: raw.status, owner: raw.owner, source: raw.source, hot: raw.hot === '1', spam: raw.spam === '1', ...parseListView(params, LEAD_LIST) };
}

export function leadFiltersToParams(f: LeadFilters, change: Partial<LeadFilters> = {}): URLSearchParams {
  const next = { ...f, ...change };
  const p = new URLSearchParams();
  if (next.q) p.set('q', next.q);
  if (next.status !== 'open') p.set('status', next.status);
  if (next.owner !== 'all') p.set('owner', String(next.owner));
  if (next.source) p.set('source', String(next.source));
  if (next.hot) p.set('hot', '1');
  if (next.spam) p.set('spam', '1');
  return setListView(p, next, LEAD_LIST);
}
