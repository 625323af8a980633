import 'server-only';
import type { Db } from '@/db/client';
import { positionBetween } from '@/lib/deals/board-order';
import { AppError } from '@/lib/errors';
import { DEFAULT_STAGES } from '@/lib/pipelines/schemas';
import type { SessionUser } from './users';

type Stage = { id: number; pipelineId: number; position: number };

function stage(db: Db, stageId: number): Stage {
  const s = db.$client.prepare('select id, pipeline_id as pipelineId, position from stages where id = ?').get(stageId) as Stage | undefined;
  if (!s) throw new AppError('That stage no longer exists.');
  return s;
}

export function createPipeline(db: Db, name: string): { id: number } {
  return db.transaction(() => {
    const position = (db.$client.prepare('select coalesce(max(position), -1) + 1 as p from pipelines').get() as { p: number }).p;
    const id = Number(db.$client.prepare('insert into pipelines (name, position) values (?, ?)').run(name, position).lastInsertRowid);
    const insert = db.$client.prepare('insert into stages (pipeline_id, position, name, probability_bp, rot_days) values (?, ?, ?, ?, ?)');
    DEFAULT_STAGES.forEach((s, i) => insert.run(id, i, s.name, s.probabilityBp, s.rotDays));
    return { id };
  });
}

export function renamePipeline(db: Db, pipelineId: number, name: string): void {
  if (db.$client.prepare('update pipelines set name = ? where id = ?').run(name, pipelineId).changes === 0) throw new AppError('That pipeline no longer exists.');
}

export function addStage(db: Db, input: { pipelineId: number; name: string; probability: number; rotDays: number }): { id: number } {
  return db.transaction(() => {
    if (!db.$client.prepare('select 1 from pipelines where id = ?').get(input.pipelineId)) throw new AppError('That pipeline no longer exists.');
    const position = (db.$client.prepare('select coalesce(max(position), -1) + 1 as p from stages where pipeline_id = ?').get(input.pipelineId) as { p: number }).p;
    const id = db.$client
      .prepare('insert into stages (pipeline_id, position, name, probability_bp, rot_days) values (?, ?, ?, ?, ?)')
      .run(input.pipelineId, position, input.name, input.probability, input.rotDays).lastInsertRowid;
    return { id: Number(id) };
  });
}

export function updateStage(db: Db, input: { stageId: number; name: string; probability: number; rotDays: number }): void {
  const changed = db.$client.prepare('update stages set name = ?, probability_bp = ?, rot_days = ? where id = ?').run(input.name, input.probability, input.rotDays, input.stageId).changes;
  if (changed === 0) throw new AppError('That stage no longer exists.');
}

/** Swaps a stage with its neighbour above or below. */
export function moveStage(db: Db, stageId: number, direction: 'up' | 'down'): void {
  db.transaction(() => {
    const s = stage(db, stageId);
    const neighbour = db.$client
      .prepare(
        direction === 'up'
          ? 'select id, position from stages where pipeline_id = ? and position < ? order by position desc limit 1'
          : 'select id, position from stages where pipeline_id = ? and position > ? order by position limit 1',
      )
      .get(s.pipelineId, s.position) as { id: number; position: number } | undefined;
    if (!neighbour) return;
    db.$client.prepare('update stages set position = ? where id = ?').run(neighbour.position, s.id);
    db.$client.prepare('update stages set position = ? where id = ?').run(s.position, neighbour.id);
  });
}

export function dealCountsByStage(db: Db): Map<number, number> {
  const rows = db.$client.prepare('select stage_id as id, count(*) as n from deals group by stage_id').all() as { id: number; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

/**
 * Deletes a stage. Its deals (open or closed) move to another stage of the same pipeline first, in
 * the same transaction: open ones go to the end of that column with a stage-history row each.
 */
export function deleteStage(db: Db, stageId: number, moveTo: number | null, actor: SessionUser, now = Date.now()): { moved: number } {
  return db.transaction(() => {
    const s = stage(db, stageId);
    const siblings = (db.$client.prepare('select count(*) as n from stages where pipeline_id = ?').get(s.pipelineId) as { n: number }).n;
    if (siblings <= 1) throw new AppError('A pipeline needs at least one stage.');
    const deals = db.$client.prepare('select id, status, version from deals where stage_id = ? order by position, id').all(stageId) as { id: number; status: string; version: number }[];
    if (deals.length > 0) {
      if (!moveTo) throw new AppError(`This stage holds ${deals.length} ${deals.length === 1 ? 'deal' : 'deals'}: choose where to move them.`, { moveTo: 'Choose a stage' });
      const target = stage(db, moveTo);
      if (target.pipelineId !== s.pipelineId || target.id === s.id) throw new AppError('Move the deals to another stage of the same pipeline.', { moveTo: 'Choose another stage' });
      let last = (db.$client.prepare(`select max(position) as p from deals where stage_id = ? and status = 'open'`).get(target.id) as { p: string | null }).p;
      const move = db.$client.prepare('update deals set stage_id = ?, position = ?, stage_changed_at = ?, updated_at = ?, version = version + 1 where id = ?');
      const moveClosed = db.$client.prepare('update deals set stage_id = ?, updated_at = ?, version = version + 1 where id = ?');
      const history = db.$client.prepare('insert into deal_stage_history (deal_id, from_stage_id, to_stage_id, at, user_id) values (?, ?, ?, ?, ?)');
      for (const d of deals) {
        if (d.status !== 'open') {
          moveClosed.run(target.id, now, d.id);
          continue;
        }
        last = positionBetween(last, null);
        move.run(target.id, last, now, now, d.id);
        history.run(d.id, s.id, target.id, now, actor.id);
      }
    }
    db.$client.prepare('delete from stages where id = ?').run(stageId);
    db.$client.prepare('update stages set position = position - 1 where pipeline_id = ? and position > ?').run(s.pipelineId, s.position);
    return { moved: deals.length };
  });
}

export function addLostReason(db: Db, label: string): void {
  const exists = db.$client.prepare('select id from lost_reasons where label = ? collate nocase').get(label);
  if (exists) throw new AppError('That reason is already on the list.', { label: 'That reason is already on the list.' });
  const position = (db.$client.prepare('select coalesce(max(position), -1) + 1 as p from lost_reasons').get() as { p: number }).p;
  db.$client.prepare('insert into lost_reasons (label, position) values (?, ?)').run(label, position);
}

export function renameLostReason(db: Db, reasonId: number, label: string): void {
  const clash = db.$client.prepare('select id from lost_reasons where label = ? collate nocase and id != ?').get(label, reasonId);
  if (clash) throw new AppError('That reason is already on the list.', { label: 'That reason is already on the list.' });
  if (db.$client.prepare('update lost_reasons set label = ? where id = ?').run(label, reasonId).changes === 0) throw new AppError('That reason no longer exists.');
}

export function moveLostReason(db: Db, reasonId: number, direction: 'up' | 'down'): void {
  db.transaction(() => {
    const all = db.$client.prepare('select id from lost_reasons order by position, id').all() as { id: number }[];
    const i = all.findIndex((r) => r.id === reasonId);
    const j = direction === 'up' ? i - 1 : i + 1;
    if (i < 0 || j < 0 || j >= all.length) return;
    [all[i], all[j]] = [all[j], all[i]];
    const set = db.$client.prepare('update lost_reasons set position = ? where id = ?');
    all.forEach((r, k) => set.run(k, r.id));
  });
}

export function setLostReasonActive(db: Db, reasonId: number, active: boolean): void {
  if (db.$client.prepare('update lost_reasons set active = ? where id = ?').run(active ? 1 : 0, reasonId).changes === 0) throw new AppError('That reason no longer exists.');
}
