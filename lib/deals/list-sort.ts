import { z } from 'zod';

export const DEAL_SORTS = ['title', 'value', 'stage', 'close', 'owner', 'created'] as const;
export type DealSort = (typeof DEAL_SORTS)[number];

type Params = Record<string, string | string[] | undefined>;
const first = (p: Params, k: string) => (Array.isArray(p[k]) ? p[k][0] : p[k]) ?? undefined;

/** Sort, direction and page of the deal list, from the URL (bad values fall back to the defaults). */
export function parseDealListParams(params: Params): { sort: DealSort; dir: 'asc' | 'desc'; page: number } {
  return {
    sort: z.enum(DEAL_SORTS).catch('close').parse(first(params, 'sort') ?? 'close'),
    dir: z.enum(['asc', 'desc']).catch('asc').parse(first(params, 'dir') ?? 'asc'),
    page: z.coerce.number().int().min(1).max(100_000).catch(1).parse(first(params, 'page') ?? 1),
  };
}
