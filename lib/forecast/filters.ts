import { z } from 'zod';
import type { Role } from '@/db/schema';
import { seesEveryone } from '@/lib/auth/roles';
import { presetMonths, type Preset } from './periods';

export type ForecastFilters = { preset: Preset; months: string[]; pipelineId: number | null; ownerId: number | null };

type Params = Record<string, string | string[] | undefined>;
const first = (p: Params, k: string) => (Array.isArray(p[k]) ? p[k][0] : p[k]) ?? undefined;

const schema = z.object({
  range: z.enum(['next6', 'next12', 'quarter', 'next-quarter', 'year']).catch('next6'),
  pipeline: z.coerce.number().int().positive().nullable().catch(null),
  owner: z.union([z.enum(['all', 'me']), z.coerce.number().int().positive()]).catch('all'),
});

/** Forecast filters from the URL. A rep only ever sees their own figures, whatever the URL says. */
export function parseForecastFilters(params: Params, actor: { id: number; role: Role }, currentMonth: string, fiscalStartMonth: number): ForecastFilters {
  const raw = schema.parse({ range: first(params, 'range') ?? 'next6', pipeline: first(params, 'pipeline') ?? null, owner: first(params, 'owner') ?? 'all' });
  const ownerId = !seesEveryone(actor.role) || raw.owner === 'me' ? actor.id : raw.owner === 'all' ? null : raw.owner;
  return { preset: raw.range, months: presetMonths(raw.range, currentMonth, fiscalStartMonth), pipelineId: raw.pipeline, ownerId };
}

export function forecastParams(f: ForecastFilters, actorId: number, role: Role): URLSearchParams {
  const p = new URLSearchParams();
  if (f.preset !== 'next6') p.set('range', f.preset);
  if (f.pipelineId) p.set('pipeline', String(f.pipelineId));
  if (seesEveryone(role) && f.ownerId !== null) p.set('owner', f.ownerId === actorId ? 'me' : String(f.ownerId));
  return p;
}
