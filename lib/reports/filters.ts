import { z } from 'zod';

type Params = Record<string, string | string[] | undefined>;

/** The pipeline a report looks at: the one in the URL when it exists, else the first. */
export function pickPipeline(params: Params, pipelineIds: number[]): number | null {
  const raw = Array.isArray(params.pipeline) ? params.pipeline[0] : params.pipeline;
  const wanted = z.coerce.number().int().positive().nullable().catch(null).parse(raw ?? null);
  return wanted && pipelineIds.includes(wanted) ? wanted : (pipelineIds[0] ?? null);
}
