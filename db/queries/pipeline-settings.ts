import 'server-only';
import { and, asc, count, desc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { deals, dealStageHistory, pipelines, stages } from '@/db/schema';
import { positionBetween } from '@/lib/deals/board-order';
import { AppError } from '@/lib/errors';
import type { AddStageInput, UpdateStageInput } from '@/lib/pipelines/schemas';
import { DEFAULT_STAGES } from '@/lib/pipelines/stages';
import type { SessionUser } from './users';
import { getWorkspace } from './workspace';

// The admin's pipeline settings: pipelines, their stages and their order. Lost reasons are in
// lost-reasons.ts. Every write that touches more than one row is one transaction.

const PIPELINE_GONE = 'That pipeline no longer exists. Reload the page.';
const STAGE_GONE = 'That stage no longer exists. Reload the page.';

export type StageDealCounts = { total: number; open: number };

/** How many deals (any status, and open) each stage holds, from one GROUP BY. */
export function dealCountsByStage(db: Db): Map<number, StageDealCounts> {
  const rows = db
    .select({ stageId: deals.stageId, total: count(), open: sql<number>`sum(${deals.status} = 'open')` })
    .from(deals)
    .groupBy(deals.stageId)
    .all();
  return new Map(rows.map((r) => [r.stageId, { total: r.total, open: Number(r.open) }]));
}

function getStage(db: Db, stageId: number) {
  const stage = db.select().from(stages).where(eq(stages.id, stageId)).get();
  if (!stage) throw new AppError(STAGE_GONE);
  return stage;
}

function assertPipelineNameFree(db: Db, name: string, exceptId?: number) {
  const clash = db
    .select({ id: pipelines.id })
    .from(pipelines)
    .where(and(sql`${pipelines.name} = ${name} collate nocase`, exceptId ? ne(pipelines.id, exceptId) : undefined))
    .get();
  if (clash) throw new AppError('There is already a pipeline with that name.', { name: 'There is already a pipeline with that name.' });
}

function assertStageNameFree(db: Db, pipelineId: number, name: string, exceptId?: number) {
  const clash = db
    .select({ id: stages.id })
    .from(stages)
    .where(and(eq(stages.pipelineId, pipelineId), sql`${stages.name} = ${name} collate nocase`, exceptId ? ne(stages.id, exceptId) : undefined))
    .get();
  if (clash) throw new AppError('This pipeline already has a stage with that name.', { name: 'This pipeline already has a stage with that name.' });
}

/**
 * Deleting a stage sets the history's references to it to null; its name is kept in those rows
 * first, so that a deal's history still reads "Moved from Qualified to …". (A pipeline is only
 * deleted without deals, and so without history.)
 */
function keepStageNameInHistory(db: Db, stage: { id: number; name: string }) {
  db.update(dealStageHistory).set({ fromStageName: stage.name }).where(eq(dealStageHistory.fromStageId, stage.id)).run();
  db.update(dealStageHistory).set({ toStageName: stage.name }).where(eq(dealStageHistory.toStageId, stage.id)).run();
}

/** Writes positions 0..n-1 in the given order. */
function renumberStages(db: Db, ordered: { id: number; position: number }[]) {
  ordered.forEach((s, position) => {
    if (s.position !== position) db.update(stages).set({ position }).where(eq(stages.id, s.id)).run();
  });
}

function stagesInOrder(db: Db, pipelineId: number) {
  return db.select({ id: stages.id, position: stages.position }).from(stages).where(eq(stages.pipelineId, pipelineId)).orderBy(asc(stages.position), asc(stages.id)).all();
}

/**
 * A new pipeline, last in the list, with the default stages so that it works on the board at once;
 * they are new stages, so each rots after the workspace's default days.
 */
export function createPipeline(db: Db, name: string): { id: number } {
  return db.transaction(() => {
    assertPipelineNameFree(db, name);
    const { next } = db.select({ next: sql<number>`coalesce(max(${pipelines.position}), -1) + 1` }).from(pipelines).get()!;
    const { id } = db.insert(pipelines).values({ name, position: next }).returning({ id: pipelines.id }).get();
    const { defaultRotDays } = getWorkspace(db);
    db.insert(stages)
      .values(DEFAULT_STAGES.map((s, position) => ({ pipelineId: id, position, name: s.name, probabilityBp: s.probabilityBp, rotDays: defaultRotDays })))
      .run();
    return { id };
  });
}

export function renamePipeline(db: Db, pipelineId: number, name: string): void {
  db.transaction(() => {
    assertPipelineNameFree(db, name, pipelineId);
    const { changes } = db.update(pipelines).set({ name }).where(eq(pipelines.id, pipelineId)).run();
    if (changes === 0) throw new AppError(PIPELINE_GONE);
  });
}

/** Deletes an empty pipeline and its stages. One holding deals (any status) is refused, as is the last. */
export function deletePipeline(db: Db, pipelineId: number): void {
  db.transaction(() => {
    if (!db.select({ id: pipelines.id }).from(pipelines).where(eq(pipelines.id, pipelineId)).get()) throw new AppError(PIPELINE_GONE);
    const held = db.select({ n: count() }).from(deals).where(eq(deals.pipelineId, pipelineId)).get()!.n;
    if (held > 0) throw new AppError(`This pipeline holds ${held} ${held === 1 ? 'deal' : 'deals'} and cannot be deleted.`);
    const pipelineCount = db.select({ n: count() }).from(pipelines).get()!.n;
    if (pipelineCount <= 1) throw new AppError('Keep at least one pipeline.');
    db.delete(pipelines).where(eq(pipelines.id, pipelineId)).run();
  });
}

/** A stage at the end of its pipeline. */
export function addStage(db: Db, input: AddStageInput): { id: number } {
  return db.transaction(() => {
    if (!db.select({ id: pipelines.id }).from(pipelines).where(eq(pipelines.id, input.pipelineId)).get()) throw new AppError(PIPELINE_GONE);
    assertStageNameFree(db, input.pipelineId, input.name);
    const { next } = db
      .select({ next: sql<number>`coalesce(max(${stages.position}), -1) + 1` })
      .from(stages)
      .where(eq(stages.pipelineId, input.pipelineId))
      .get()!;
    return db
      .insert(stages)
      .values({ pipelineId: input.pipelineId, position: next, name: input.name, probabilityBp: input.probability, rotDays: input.rotDays })
      .returning({ id: stages.id })
      .get();
  });
}

/** Name, probability (basis points) and rot days, saved together. */
export function updateStage(db: Db, input: UpdateStageInput): void {
  db.transaction(() => {
    const stage = getStage(db, input.stageId);
    assertStageNameFree(db, stage.pipelineId, input.name, stage.id);
    db.update(stages).set({ name: input.name, probabilityBp: input.probability, rotDays: input.rotDays }).where(eq(stages.id, stage.id)).run();
  });
}

/** Swaps a stage with its neighbour above or below; at either end nothing changes. */
export function moveStage(db: Db, stageId: number, direction: 'up' | 'down'): void {
  db.transaction(() => {
    const stage = getStage(db, stageId);
    const ordered = stagesInOrder(db, stage.pipelineId);
    const i = ordered.findIndex((s) => s.id === stageId);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (j < 0 || j >= ordered.length) return;
    const swapped = ordered.slice();
    [swapped[i], swapped[j]] = [swapped[j], swapped[i]];
    renumberStages(db, swapped);
  });
}

/**
 * Deletes a stage. When it holds deals (any status) they first move to `moveTo`, another stage of
 * the same pipeline, in the same transaction: each open one goes to the end of that column (keeping
 * the order it had) with a stage-history row; every moved deal gets a new version so that an edit
 * begun before the move is detected. The last stage of a pipeline cannot be deleted.
 */
export function deleteStage(db: Db, stageId: number, moveTo: number | null, actor: SessionUser, now = Date.now()): { moved: number } {
  return db.transaction(() => {
    const stage = getStage(db, stageId);
    const ordered = stagesInOrder(db, stage.pipelineId);
    if (ordered.length <= 1) throw new AppError('A pipeline needs at least one stage, so its last stage cannot be deleted.');

    const held = db
      .select({ id: deals.id, status: deals.status })
      .from(deals)
      .where(eq(deals.stageId, stage.id))
      .orderBy(asc(deals.position), asc(deals.id))
      .all();
    if (held.length > 0) {
      const what = `${held.length} ${held.length === 1 ? 'deal' : 'deals'}`;
      if (moveTo === null) throw new AppError(`This stage holds ${what}: choose where to move them.`, { moveTo: 'Choose a stage for its deals' });
      const target = db.select().from(stages).where(eq(stages.id, moveTo)).get();
      if (!target || target.pipelineId !== stage.pipelineId || target.id === stage.id)
        throw new AppError('Move the deals to another stage of the same pipeline.', { moveTo: 'Choose another stage of this pipeline' });

      let last =
        db
          .select({ position: deals.position })
          .from(deals)
          .where(and(eq(deals.stageId, target.id), eq(deals.status, 'open')))
          .orderBy(desc(deals.position))
          .limit(1)
          .get()?.position ?? null;
      for (const deal of held) {
        if (deal.status === 'open') {
          last = positionBetween(last, null);
          db.update(deals)
            .set({ stageId: target.id, position: last, stageChangedAt: now, updatedAt: now, version: sql`${deals.version} + 1` })
            .where(eq(deals.id, deal.id))
            .run();
          db.insert(dealStageHistory).values({ dealId: deal.id, fromStageId: stage.id, toStageId: target.id, at: now, userId: actor.id }).run();
        } else {
          // A closed deal keeps its place in reports (status and close date); only its stage changes.
          db.update(deals)
            .set({ stageId: target.id, updatedAt: now, version: sql`${deals.version} + 1` })
            .where(eq(deals.id, deal.id))
            .run();
        }
      }
    }

    keepStageNameInHistory(db, stage);
    db.delete(stages).where(eq(stages.id, stage.id)).run();
    renumberStages(
      db,
      ordered.filter((s) => s.id !== stage.id),
    );
    return { moved: held.length };
  });
}
