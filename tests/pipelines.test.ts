import { beforeEach, expect, test } from 'vitest';
import type { Db } from '@/db/client';
import { listColumnCards } from '@/db/queries/board';
import { createDeal, closeDeal } from '@/db/queries/deals';
import { listLostReasons } from '@/db/queries/lost-reasons';
import { addLostReason, addStage, createPipeline, deleteStage, moveLostReason, moveStage, setLostReasonActive, updateStage } from '@/db/queries/pipeline-settings';
import { listPipelinesWithStages } from '@/db/queries/pipelines';
import type { SessionUser } from '@/db/queries/users';
import { seedEmptyWorkspace } from '@/db/seed';
import { parseDealFilters } from '@/lib/deals/filters';
import { createTestDb } from './support/db';

let db: Db;
const admin: SessionUser = { id: 1, name: 'Boss', email: 'boss@example.test', role: 'admin' };
const stagesOf = (pipelineId: number) => listPipelinesWithStages(db).find((p) => p.id === pipelineId)!.stages;

beforeEach(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Boss', email: 'boss@example.test', password: 'password1' });
});

test('a new pipeline starts with the default stages; stages are added, edited and reordered', () => {
  const { id } = createPipeline(db, 'Renewals');
  expect(stagesOf(id).map((s) => [s.name, s.probabilityBp])).toEqual([['Lead', 1000], ['Qualified', 2500], ['Proposal', 5000], ['Negotiation', 7500]]);
  const { id: stageId } = addStage(db, { pipelineId: id, name: 'Contract sent', probability: 9000, rotDays: 7 });
  updateStage(db, { stageId, name: 'Contract out', probability: 9250, rotDays: 5 });
  moveStage(db, stageId, 'up');
  moveStage(db, stageId, 'up');
  expect(stagesOf(id).map((s) => s.name)).toEqual(['Lead', 'Qualified', 'Contract out', 'Proposal', 'Negotiation']);
  moveStage(db, stagesOf(id)[0].id, 'up'); // already first: nothing happens
  expect(stagesOf(id).map((s) => s.position)).toEqual([0, 1, 2, 3, 4]);
  expect(stagesOf(id)[2]).toMatchObject({ probabilityBp: 9250, rotDays: 5 });
});

test('deleting a stage with deals moves them to the chosen stage, with history and new versions, in one go', () => {
  const [lead, qualified] = stagesOf(1);
  const a = createDeal(db, { title: 'A', valueCents: 1, pipelineId: 1, stageId: lead.id, expectedCloseDate: null, companyId: null, contactId: null, source: null, ownerId: null }, admin);
  const b = createDeal(db, { title: 'B', valueCents: 1, pipelineId: 1, stageId: lead.id, expectedCloseDate: null, companyId: null, contactId: null, source: null, ownerId: null }, admin);
  const c = createDeal(db, { title: 'C', valueCents: 1, pipelineId: 1, stageId: qualified.id, expectedCloseDate: null, companyId: null, contactId: null, source: null, ownerId: null }, admin);
  closeDeal(db, { dealId: b.id, version: b.version, status: 'won' }, admin);

  expect(() => deleteStage(db, lead.id, null, admin)).toThrow('This stage holds 2 deals: choose where to move them.');
  expect(() => deleteStage(db, lead.id, lead.id, admin)).toThrow('Move the deals to another stage of the same pipeline.');
  expect(deleteStage(db, lead.id, qualified.id, admin)).toEqual({ moved: 2 });

  expect(stagesOf(1).map((s) => [s.name, s.position])).toEqual([['Qualified', 0], ['Proposal', 1], ['Negotiation', 2]]);
  const all = parseDealFilters({ owner: 'all' }, 'admin');
  expect(listColumnCards(db, qualified.id, all, admin).cards.map((d) => d.title)).toEqual(['C', 'A']);
  const rows = db.$client.prepare('select id, stage_id as stageId, version from deals order by id').all();
  expect(rows).toEqual([
    { id: a.id, stageId: qualified.id, version: 2 },
    { id: b.id, stageId: qualified.id, version: 3 },
    { id: c.id, stageId: qualified.id, version: 1 },
  ]);
  expect(db.$client.prepare('select to_stage_id as t from deal_stage_history where deal_id = ? order by id desc limit 1').get(a.id)).toEqual({ t: qualified.id });
});

test('the last stage of a pipeline cannot be deleted', () => {
  const stages = stagesOf(1);
  for (const s of stages.slice(1)) deleteStage(db, s.id, null, admin);
  expect(() => deleteStage(db, stages[0].id, null, admin)).toThrow('A pipeline needs at least one stage.');
});

test('lost reasons: add (no duplicates), reorder and retire', () => {
  addLostReason(db, 'Went in-house');
  expect(() => addLostReason(db, 'went IN-house')).toThrow('That reason is already on the list.');
  const added = listLostReasons(db).find((r) => r.label === 'Went in-house')!;
  moveLostReason(db, added.id, 'up');
  expect(listLostReasons(db).map((r) => r.label).slice(-2)).toEqual(['Went in-house', 'Missing features']);
  setLostReasonActive(db, added.id, false);
  expect(listLostReasons(db, { activeOnly: true }).map((r) => r.label)).not.toContain('Went in-house');
  expect(listLostReasons(db).map((r) => r.label)).toContain('Went in-house');
});
