import 'server-only';
import { asc } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { pipelines, stages, type Pipeline, type Stage } from '@/db/schema';

export type PipelineWithStages = Pipeline & { stages: Stage[] };

/** Every pipeline with its stages in board order. */
export function listPipelinesWithStages(db: Db): PipelineWithStages[] {
  const all = db.select().from(pipelines).orderBy(asc(pipelines.position), asc(pipelines.id)).all();
  const allStages = db.select().from(stages).orderBy(asc(stages.position), asc(stages.id)).all();
  return all.map((p) => ({ ...p, stages: allStages.filter((s) => s.pipelineId === p.id) }));
}
