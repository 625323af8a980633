import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/db/queries/users';
import { createTestDb } from './support/db';

// Only the session and Next's cache are mocked; the database is real, with the real migrations.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
let db: Db;
vi.mock('@/db', () => ({ getDb: () => db }));

const { listColumnCards } = await import('@/db/queries/board');
const { listDealTimeline } = await import('@/db/queries/deal-detail');
const { closeDeal, createDeal, moveDeal } = await import('@/db/queries/deals');
const { addLostReason, listLostReasons, moveLostReason, renameLostReason, setLostReasonActive } = await import('@/db/queries/lost-reasons');
const { addStage, createPipeline, dealCountsByStage, deletePipeline, deleteStage, moveStage, renamePipeline, updateStage } = await import('@/db/queries/pipeline-settings');
const { listPipelinesWithStages } = await import('@/db/queries/pipelines');
const { getReportTable } = await import('@/db/queries/reports');
const { listTimeline } = await import('@/db/queries/timeline');
const { seedEmptyWorkspace } = await import('@/db/seed');
const { rawReportTable } = await import('./support/raw-reports');
const { parseDealFilters } = await import('@/lib/deals/filters');
const actions = await import('@/app/(app)/settings/pipelines/actions');

const admin: SessionUser = { id: 1, name: 'Boss', email: 'boss@example.test', role: 'admin' };
const NOW = Date.UTC(2026, 10, 23, 9, 0);

const stagesOf = (pipelineId: number) => listPipelinesWithStages(db).find((p) => p.id === pipelineId)!.stages;
const names = (pipelineId: number) => stagesOf(pipelineId).map((s) => s.name);
const form = (fields: Record<string, string | number>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, String(v));
  return data;
};
function newDeal(title: string, stageId: number, pipelineId = 1) {
  return createDeal(db, { title, valueCents: 100_00, pipelineId, stageId, expectedCloseDate: null, companyId: null, contactId: null, source: null, ownerId: null }, admin, NOW - 1000);
}
const dealRow = (id: number) =>
  db.$client.prepare('select stage_id as stageId, status, version, updated_at as updatedAt, position from deals where id = ?').get(id) as {
    stageId: number;
    status: string;
    version: number;
    updatedAt: number;
    position: string;
  };

beforeEach(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Boss', email: 'boss@example.test', password: 'password1' });
  session.user = admin;
});

describe('pipelines and stages', () => {
  test('a new pipeline starts with the default stages, so the board can use it at once; names are unique', () => {
    const { id } = createPipeline(db, 'Renewals');
    expect(stagesOf(id).map((s) => [s.name, s.probabilityBp, s.position])).toEqual([
      ['Lead', 1000, 0],
      ['Qualified', 2500, 1],
      ['Proposal', 5000, 2],
      ['Negotiation', 7500, 3],
    ]);
    expect(listPipelinesWithStages(db).map((p) => p.name)).toEqual(['Sales', 'Renewals']);
    expect(() => createPipeline(db, 'renewals')).toThrow('There is already a pipeline with that name.');
    renamePipeline(db, id, 'Renewals 2027');
    expect(listPipelinesWithStages(db).map((p) => p.name)).toEqual(['Sales', 'Renewals 2027']);
    // A deal can be created in it straight away.
    expect(newDeal('First renewal', stagesOf(id)[0].id, id).pipelineId).toBe(id);
  });

  test('stages are added at the end, edited and reordered with contiguous positions', () => {
    const { id } = addStage(db, { pipelineId: 1, name: 'Contract sent', probability: 9000, rotDays: 7 });
    expect(names(1)).toEqual(['Lead', 'Qualified', 'Proposal', 'Negotiation', 'Contract sent']);
    updateStage(db, { stageId: id, name: 'Contract out', probability: 9250, rotDays: 5 });
    moveStage(db, id, 'up');
    moveStage(db, id, 'up');
    expect(names(1)).toEqual(['Lead', 'Qualified', 'Contract out', 'Proposal', 'Negotiation']);
    moveStage(db, stagesOf(1)[0].id, 'up'); // already first: nothing changes
    moveStage(db, stagesOf(1)[4].id, 'down'); // already last: nothing changes
    expect(stagesOf(1).map((s) => [s.name, s.position])).toEqual([
      ['Lead', 0],
      ['Qualified', 1],
      ['Contract out', 2],
      ['Proposal', 3],
      ['Negotiation', 4],
    ]);
    expect(stagesOf(1)[2]).toMatchObject({ probabilityBp: 9250, rotDays: 5 });
    expect(() => addStage(db, { pipelineId: 1, name: 'lead', probability: 0, rotDays: 0 })).toThrow('This pipeline already has a stage with that name.');
    // The same name in another pipeline is fine.
    const other = createPipeline(db, 'Renewals');
    expect(() => addStage(db, { pipelineId: other.id, name: 'Contract out', probability: 9000, rotDays: 7 })).not.toThrow();
  });

  test('the actions take what the form typed: a percentage becomes basis points; bad input is explained per field and saves nothing', async () => {
    const added = await actions.addStageAction(form({ pipelineId: 1, name: ' Contract sent ', probability: '12.5', rotDays: '0' }));
    expect(added.ok).toBe(true);
    expect(stagesOf(1).at(-1)).toMatchObject({ name: 'Contract sent', probabilityBp: 1250, rotDays: 0 });

    const stageId = stagesOf(1)[0].id;
    expect(await actions.updateStageAction(form({ stageId, name: 'Lead', probability: '150', rotDays: '-2' }))).toEqual({
      ok: false,
      error: 'Enter a probability from 0 to 100',
      fieldErrors: { probability: 'Enter a probability from 0 to 100', rotDays: 'Enter whole days, 0 or more' },
    });
    expect(await actions.updateStageAction(form({ stageId, name: 'Lead', probability: '', rotDays: '14' }))).toMatchObject({
      ok: false,
      fieldErrors: { probability: 'Enter a probability from 0 to 100' },
    });
    expect(await actions.updateStageAction(form({ stageId, name: 'Lead', probability: '33.333', rotDays: '14' }))).toMatchObject({
      ok: false,
      fieldErrors: { probability: 'Use at most two decimals' },
    });
    expect(stagesOf(1)[0]).toMatchObject({ name: 'Lead', probabilityBp: 1000, rotDays: 14 });

    expect(await actions.updateStageAction(form({ stageId, name: 'Qualified', probability: '10', rotDays: '14' }))).toEqual({
      ok: false,
      error: 'This pipeline already has a stage with that name.',
      fieldErrors: { name: 'This pipeline already has a stage with that name.' },
    });
    expect(await actions.updateStageAction(form({ stageId, name: 'Lead', probability: '33.33 %', rotDays: '10' }))).toEqual({ ok: true, data: undefined });
    expect(stagesOf(1)[0]).toMatchObject({ probabilityBp: 3333, rotDays: 10 });
  });

  test('only admins may change pipelines', async () => {
    for (const role of ['manager', 'rep'] as const) {
      session.user = { id: 1, name: 'Not admin', email: 'x@example.test', role };
      expect(await actions.createPipelineAction(form({ name: 'Sneaky' }))).toEqual({ ok: false, error: 'You are not allowed to do that.' });
      expect(await actions.deleteStageAction({ stageId: stagesOf(1)[0].id, moveTo: null })).toEqual({ ok: false, error: 'You are not allowed to do that.' });
      expect(await actions.addLostReasonAction(form({ label: 'Sneaky' }))).toEqual({ ok: false, error: 'You are not allowed to do that.' });
    }
    expect(listPipelinesWithStages(db)).toHaveLength(1);
    expect(names(1)).toHaveLength(4);
  });

  test('a pipeline can be deleted only when it holds no deals and is not the last one', async () => {
    expect(() => deletePipeline(db, 1)).toThrow('Keep at least one pipeline.');
    const renewals = createPipeline(db, 'Renewals');
    const deal = newDeal('Renewal', stagesOf(renewals.id)[1].id, renewals.id);
    closeDeal(db, { dealId: deal.id, version: deal.version, status: 'lost', lostReason: 'Timing' }, admin);
    expect(await actions.deletePipelineAction({ pipelineId: renewals.id })).toEqual({ ok: false, error: 'This pipeline holds 1 deal and cannot be deleted.' });
    const empty = createPipeline(db, 'Partners');
    expect(await actions.deletePipelineAction({ pipelineId: empty.id })).toEqual({ ok: true, data: undefined });
    expect(listPipelinesWithStages(db).map((p) => p.name)).toEqual(['Sales', 'Renewals']);
    expect(db.$client.prepare('select count(*) as n from stages where pipeline_id = ?').get(empty.id)).toEqual({ n: 0 });
  });
});

describe('deleting a stage', () => {
  test('its deals move to the chosen stage in one transaction: open ones after the last card, with history and new versions', () => {
    const [lead, qualified, proposal] = stagesOf(1);
    const a = newDeal('A', lead.id);
    const b = newDeal('B', lead.id); // new deals go to the top: the Lead column reads B, A
    const won = newDeal('Won', lead.id);
    const c = newDeal('C', qualified.id);
    closeDeal(db, { dealId: won.id, version: won.version, status: 'won' }, admin, NOW - 500);
    const wonVersion = dealRow(won.id).version;
    const historyBefore = (db.$client.prepare('select count(*) as n from deal_stage_history').get() as { n: number }).n;

    expect(dealCountsByStage(db).get(lead.id)).toEqual({ total: 3, open: 2 });
    expect(() => deleteStage(db, lead.id, null, admin, NOW)).toThrow('This stage holds 3 deals: choose where to move them.');
    expect(() => deleteStage(db, lead.id, lead.id, admin, NOW)).toThrow('Move the deals to another stage of the same pipeline.');
    const elsewhere = createPipeline(db, 'Renewals');
    expect(() => deleteStage(db, lead.id, stagesOf(elsewhere.id)[0].id, admin, NOW)).toThrow('Move the deals to another stage of the same pipeline.');
    expect(names(1)).toContain('Lead'); // a refusal changes nothing

    expect(deleteStage(db, lead.id, qualified.id, admin, NOW)).toEqual({ moved: 3 });

    expect(stagesOf(1).map((s) => [s.name, s.position])).toEqual([
      ['Qualified', 0],
      ['Proposal', 1],
      ['Negotiation', 2],
    ]);
    // The open ones join the end of the column, in the order they had.
    const all = parseDealFilters({ owner: 'all' }, 'admin');
    expect(listColumnCards(db, qualified.id, all, admin).cards.map((d) => d.title)).toEqual(['C', 'B', 'A']);
    expect(dealRow(c.id).position < dealRow(b.id).position && dealRow(b.id).position < dealRow(a.id).position).toBe(true);

    expect(dealRow(a.id)).toMatchObject({ stageId: qualified.id, status: 'open', version: 2, updatedAt: NOW });
    expect(dealRow(b.id)).toMatchObject({ stageId: qualified.id, status: 'open', version: 2, updatedAt: NOW });
    expect(dealRow(won.id)).toMatchObject({ stageId: qualified.id, status: 'won', version: wonVersion + 1 });
    expect(dealRow(c.id)).toMatchObject({ stageId: qualified.id, version: 1 });

    // One history row per moved open deal, by the admin, now; its "from" stage is gone (the schema
    // sets it to null when the stage is deleted) but its name stays in the row.
    const history = db.$client
      .prepare(
        'select deal_id as dealId, from_stage_id as fromId, from_stage_name as fromName, to_stage_id as toId, at, user_id as userId from deal_stage_history where at = ? order by deal_id',
      )
      .all(NOW);
    expect(history).toEqual([
      { dealId: a.id, fromId: null, fromName: 'Lead', toId: qualified.id, at: NOW, userId: admin.id },
      { dealId: b.id, fromId: null, fromName: 'Lead', toId: qualified.id, at: NOW, userId: admin.id },
    ]);
    expect((db.$client.prepare('select count(*) as n from deal_stage_history').get() as { n: number }).n).toBe(historyBefore + 2);

    // A stale edit of a moved deal is now detected.
    expect(() => closeDeal(db, { dealId: a.id, version: 1, status: 'won' }, admin)).toThrow(/Someone else changed this deal/);
    expect(dealCountsByStage(db).get(qualified.id)).toEqual({ total: 4, open: 3 });
    expect(proposal.id).toBeGreaterThan(0);
  });

  test("a deleted stage's name stays in the history of the deals that passed through it; time in stage is unchanged for the rest", () => {
    const DAY = 86_400_000;
    const t0 = Date.UTC(2026, 9, 5, 10);
    const [lead, qualified, proposal] = stagesOf(1);
    const contactId = Number(db.$client.prepare(`insert into contacts (first_name, last_name) values ('Ada', 'Byron')`).run().lastInsertRowid);
    const deal = createDeal(
      db,
      { title: 'Passes through', valueCents: 100_00, pipelineId: 1, stageId: lead.id, expectedCloseDate: null, companyId: null, contactId, source: null, ownerId: null },
      admin,
      t0,
    );
    const v2 = moveDeal(db, { dealId: deal.id, toStageId: qualified.id, aboveId: null, version: deal.version }, admin, t0 + DAY);
    moveDeal(db, { dealId: deal.id, toStageId: proposal.id, aboveId: null, version: v2.version }, admin, t0 + 3 * DAY);
    updateStage(db, { stageId: qualified.id, name: 'Qualified lead', probability: 2500, rotDays: 30 });

    const q = { fromMs: t0 - DAY, toMs: t0 + 10 * DAY, from: '2026-10-04', to: '2026-10-14', timeZone: 'UTC', pipelineId: 1, now: t0 + 5 * DAY };
    const timeInStage = () => getReportTable(db, 'time-in-stage', q);
    const before = timeInStage();
    expect(before.slice(0, 3)).toEqual([
      { name: 'Lead', stays: 1, avgDays: 1 },
      { name: 'Qualified lead', stays: 1, avgDays: 2 },
      { name: 'Proposal', stays: 1, avgDays: 2 },
    ]);

    expect(deleteStage(db, qualified.id, null, admin, t0 + 4 * DAY)).toEqual({ moved: 0 });

    // The name it had when it was deleted, on the deal's history and on its contact's timeline.
    const moves = ['Moved from Qualified lead to Proposal', 'Moved from Lead to Qualified lead'];
    const dealStory = listDealTimeline(db, deal.id, { limit: 10, currency: 'USD' }).entries;
    expect(dealStory.filter((e) => e.type === 'stage').map((e) => e.title)).toEqual(moves);
    const contactStory = listTimeline(db, { contactId }, { types: ['stage'] }).entries;
    expect(contactStory.map((e) => e.title)).toEqual(moves);

    // Stays in the stages that remain are what they were, and the rollups still equal the raw rows.
    expect(timeInStage()).toEqual(before.filter((r) => r.name !== 'Qualified lead'));
    expect(timeInStage()).toEqual(rawReportTable(db, 'time-in-stage', q));
  });

  test('through the action, a stage with deals asks where they go; an empty one is deleted directly', async () => {
    const [lead, qualified, proposal] = stagesOf(1);
    newDeal('A', lead.id);
    expect(await actions.deleteStageAction({ stageId: lead.id, moveTo: null })).toEqual({
      ok: false,
      error: 'This stage holds 1 deal: choose where to move them.',
      fieldErrors: { moveTo: 'Choose a stage for its deals' },
    });
    expect(await actions.deleteStageAction({ stageId: lead.id, moveTo: proposal.id })).toEqual({ ok: true, data: { moved: 1 } });
    expect(await actions.deleteStageAction({ stageId: qualified.id, moveTo: null })).toEqual({ ok: true, data: { moved: 0 } });
    expect(names(1)).toEqual(['Proposal', 'Negotiation']);
  });

  test('the last stage of a pipeline cannot be deleted', async () => {
    const stages = stagesOf(1);
    for (const s of stages.slice(1)) deleteStage(db, s.id, null, admin);
    expect(() => deleteStage(db, stages[0].id, null, admin)).toThrow('A pipeline needs at least one stage, so its last stage cannot be deleted.');
    expect(await actions.deleteStageAction({ stageId: stages[0].id, moveTo: null })).toEqual({
      ok: false,
      error: 'A pipeline needs at least one stage, so its last stage cannot be deleted.',
    });
    expect(names(1)).toEqual(['Lead']);
  });
});

describe('lost reasons', () => {
  const labels = (activeOnly = false) => listLostReasons(db, { activeOnly }).map((r) => r.label);

  test('added at the end, unique whatever the case', async () => {
    const before = labels();
    addLostReason(db, 'Went in-house');
    expect(labels()).toEqual([...before, 'Went in-house']);
    expect(() => addLostReason(db, 'went IN-house')).toThrow('That reason is already on the list.');
    expect(await actions.addLostReasonAction(form({ label: '  ' }))).toMatchObject({ ok: false, fieldErrors: { label: 'Type a reason' } });
    expect(await actions.addLostReasonAction(form({ label: 'WENT IN-HOUSE' }))).toEqual({
      ok: false,
      error: 'That reason is already on the list.',
      fieldErrors: { label: 'That reason is already on the list.' },
    });
  });

  test('reordered, deactivated (still on old deals, no longer offered) and reactivated', () => {
    const { id } = addLostReason(db, 'Went in-house');
    moveLostReason(db, id, 'up');
    expect(labels().slice(-2)).toEqual(['Went in-house', 'Missing features']);
    moveLostReason(db, listLostReasons(db)[0].id, 'up'); // already first: nothing changes
    expect(listLostReasons(db).map((r) => r.position)).toEqual(listLostReasons(db).map((_, i) => i));

    const deal = newDeal('Lost one', stagesOf(1)[0].id);
    closeDeal(db, { dealId: deal.id, version: deal.version, status: 'lost', lostReason: 'Went in-house' }, admin);
    setLostReasonActive(db, id, false);
    expect(labels(true)).not.toContain('Went in-house');
    expect(labels()).toContain('Went in-house');
    expect(db.$client.prepare('select lost_reason as r from deals where id = ?').get(deal.id)).toEqual({ r: 'Went in-house' });
    setLostReasonActive(db, id, true);
    expect(labels(true)).toContain('Went in-house');
  });

  test('a rename carries the deals lost for that reason with it', () => {
    const timing = listLostReasons(db).find((r) => r.label === 'Timing')!;
    const deal = newDeal('Lost one', stagesOf(1)[0].id);
    closeDeal(db, { dealId: deal.id, version: deal.version, status: 'lost', lostReason: 'Timing' }, admin);
    expect(() => renameLostReason(db, timing.id, 'no budget')).toThrow('That reason is already on the list.');
    expect(renameLostReason(db, timing.id, 'Bad timing')).toEqual({ relabelled: 1 });
    expect(db.$client.prepare('select lost_reason as r from deals where id = ?').get(deal.id)).toEqual({ r: 'Bad timing' });
    expect(labels()).toContain('Bad timing');
    expect(labels()).not.toContain('Timing');
  });
});
