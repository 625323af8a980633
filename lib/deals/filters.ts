import { z } from 'zod';
import type { Role } from '@/db/schema';
import { isIsoDate } from '@/lib/dates';
import { seesEveryone } from '@/lib/auth/roles';

/** 'me', 'all' or a user id: whose deals a board, list or export shows. */
export type OwnerFilter = 'me' | 'all' | number;

/**
 * A pipeline's id, or 'all' (?pipeline=all). Null when the URL names none: the board and the list
 * then show the first pipeline (resolvePipeline), and a query is not limited to one.
 */
export type PipelineFilter = number | 'all' | null;

export type DealFilters = {
  pipelineId: PipelineFilter;
  owner: OwnerFilter;
  q: string;
  status: 'open' | 'won' | 'lost';
  closeFrom: string | null;
  closeTo: string | null;
};

const optionalDate = z
  .string()
  .refine(isIsoDate)
  .nullable()
  .catch(null);

// URL parameters are user input: anything unreadable falls back to its default instead of failing.
const schema = z.object({
  pipeline: z
    .union([z.literal('all'), z.coerce.number().int().positive()])
    .nullable()
    .catch(null),
  owner: z
    .union([z.enum(['me', 'all']), z.coerce.number().int().positive()])
    .nullable()
    .catch(null),
  q: z.string().trim().max(100).catch(''),
  status: z.enum(['open', 'won', 'lost']).catch('open'),
  from: optionalDate,
  to: optionalDate,
});

type Params = Record<string, string | string[] | undefined>;

function first(params: Params, key: string): string | null {
  const v = params[key];
  return (Array.isArray(v) ? v[0] : v) ?? null;
}

/** Reads the filters from URL search params; a rep sees their own deals by default, others everyone's. */
export function parseDealFilters(params: Params, role: Role): DealFilters {
  const raw = schema.parse({
    pipeline: first(params, 'pipeline'),
    owner: first(params, 'owner'),
    q: first(params, 'q') ?? '',
    status: first(params, 'status') ?? 'open',
    from: first(params, 'from'),
    to: first(params, 'to'),
  });
  return {
    pipelineId: raw.pipeline,
    owner: raw.owner ?? (seesEveryone(role) ? 'all' : 'me'),
    q: raw.q,
    status: raw.status,
    closeFrom: raw.from,
    closeTo: raw.to,
  };
}

/** The filters as URL search params, leaving out what equals the default for this role. */
export function dealFiltersToParams(filters: DealFilters, role: Role, extra: Record<string, string> = {}): URLSearchParams {
  const p = new URLSearchParams();
  if (filters.pipelineId !== null) p.set('pipeline', String(filters.pipelineId));
  const defaultOwner = seesEveryone(role) ? 'all' : 'me';
  if (filters.owner !== defaultOwner) p.set('owner', String(filters.owner));
  if (filters.q) p.set('q', filters.q);
  if (filters.status !== 'open') p.set('status', filters.status);
  if (filters.closeFrom) p.set('from', filters.closeFrom);
  if (filters.closeTo) p.set('to', filters.closeTo);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  return p;
}

/**
 * The pipeline a board or list shows: every one for 'all', else the one asked for when it exists,
 * else the first (so old links and links to a deleted pipeline still open a board).
 */
export function resolvePipeline(wanted: PipelineFilter, pipelineIds: readonly number[]): number | 'all' | null {
  if (wanted === 'all') return 'all';
  if (wanted !== null && pipelineIds.includes(wanted)) return wanted;
  return pipelineIds[0] ?? null;
}

/** Escapes LIKE wildcards so that a search for "50%" finds "50%" literally. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
