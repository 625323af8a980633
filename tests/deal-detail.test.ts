import { beforeEach, expect, test } from 'vitest';
import type { Db } from '@/db/client';
import { logActivity } from '@/db/queries/activity-log';
import { getDealDetail, listDealTimeline } from '@/db/queries/deal-detail';
import { closeDeal, createDeal, moveDeal, reopenDeal, STALE_MESSAGE, updateDeal } from '@/db/queries/deals';
import { completeTask } from '@/db/queries/tasks';
import { createUser, type SessionUser } from '@/db/queries/users';
import { seedEmptyWorkspace } from '@/db/seed';
import { logActivitySchema } from '@/lib/timeline/log-schema';
import { createTestDb } from './support/db';

let db: Db;
let admin: SessionUser;
let ana: SessionUser;
let ben: SessionUser;
let stage: Record<string, number>;

const T0 = Date.UTC(2026, 10, 20, 9);
const MIN = 60_000;
const TODAY = '2026-11-22';

function newDeal(owner: SessionUser, at = T0) {
  return createDeal(db, { title: 'Acme pilot', valueCents: 400_000, pipelineId: 1, stageId: stage.Lead, expectedCloseDate: '2026-12-31', companyId: null, contactId: null, source: null, ownerId: owner.id }, owner, at);
}
const fields = (deal: { id: number; version: number }, change: Record<string, unknown> = {}) => ({
  dealId: deal.id, version: deal.version, title: 'Acme pilot', valueCents: 400_000, expectedCloseDate: '2026-12-31', companyId: null, contactId: null, source: null, ownerId: null, probabilityOverride: null, ...change,
});
const timeline = (dealId: number, limit = 50) => listDealTimeline(db, dealId, { limit, currency: 'USD' });
const lastActivityAt = (dealId: number) => (db.$client.prepare('select last_activity_at as v from deals where id = ?').get(dealId) as { v: number | null }).v;

beforeEach(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Olivia', email: 'o@example.test', password: 'password1' });
  admin = { id: 1, name: 'Olivia', email: 'o@example.test', role: 'admin' };
  ana = createUser(db, { name: 'Ana', email: 'ana@example.test', role: 'rep', password: 'password1' });
  ben = createUser(db, { name: 'Ben', email: 'ben@example.test', role: 'rep', password: 'password1' });
  stage = Object.fromEntries((db.$client.prepare('select id, name from stages').all() as { id: number; name: string }[]).map((s) => [s.name, s.id]));
});

test('the timeline merges stage moves, recorded changes and activities, newest first', () => {
  let deal = newDeal(ana);
  deal = updateDeal(db, fields(deal, { valueCents: 525_050, probabilityOverride: 40 * 100, ownerId: ben.id }), admin, T0 + 1 * MIN);
  deal = { ...deal, ...moveDeal(db, { dealId: deal.id, toStageId: stage.Proposal, aboveId: null, version: deal.version }, admin, T0 + 2 * MIN) };
  const call = logActivitySchema.parse({ type: 'call', subject: 'Walked through the proposal', date: TODAY, dealId: String(deal.id), outcome: 'no_answer', followUp: 'on', followUpSubject: 'Call again', followUpDue: '2026-11-24' });
  logActivity(db, call, ben, T0 + 3 * MIN, TODAY);
  deal = closeDeal(db, { dealId: deal.id, version: deal.version, status: 'lost', lostReason: 'Timing' }, ben, T0 + 4 * MIN);
  reopenDeal(db, { dealId: deal.id, version: deal.version }, ben, T0 + 5 * MIN);

  const { entries, more } = timeline(deal.id);
  expect(more).toBe(false);
  expect(entries.map((e) => [e.type, e.title, e.userName])).toEqual([
    ['reopened', 'Reopened (was lost)', 'Ben'],
    ['lost', 'Marked lost: Timing', 'Ben'],
    ['task', 'Call again', 'Ben'],
    ['call', 'Walked through the proposal', 'Ben'],
    ['stage', 'Moved from Lead to Proposal', 'Olivia'],
    ['probability', "Probability changed from the stage's probability to 40%", 'Olivia'],
    ['value', 'Value changed from $4,000.00 to $5,250.50', 'Olivia'],
    ['owner', 'Owner changed from Ana to Ben', 'Olivia'],
    ['created', 'Deal created at $4,000.00', 'Ana'],
  ]);
  expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort((a, b) => b - a));
  expect(entries.find((e) => e.type === 'call')).toMatchObject({ outcome: 'no_answer', done: true });
  expect(entries.find((e) => e.type === 'task')).toMatchObject({ dueDate: '2026-11-24', done: false });
});

test('logging an activity with a follow-up writes both in one step and un-rots the deal', () => {
  const deal = newDeal(ana);
  expect(lastActivityAt(deal.id)).toBeNull();
  const now = T0 + 60 * MIN;
  const input = logActivitySchema.parse({ type: 'call', subject: 'Intro', date: TODAY, dealId: String(deal.id), outcome: 'left_voicemail', followUp: 'on', followUpSubject: 'Try again', followUpDue: '2026-11-25', body: 'Spoke to reception' });
  const { activityId, taskId } = logActivity(db, input, ana, now, TODAY);
  expect(lastActivityAt(deal.id)).toBe(now);
  expect(getDealDetail(db, deal.id)?.lastActivityAt).toBe(now);
  const rows = db.$client.prepare('select id, type, subject, body, outcome, due_date as dueDate, done_at as doneAt, deal_id as dealId, owner_id as ownerId from activities order by id').all();
  expect(rows).toEqual([
    { id: activityId, type: 'call', subject: 'Intro', body: 'Spoke to reception', outcome: 'left_voicemail', dueDate: null, doneAt: now, dealId: deal.id, ownerId: ana.id },
    { id: taskId, type: 'task', subject: 'Try again', body: null, outcome: null, dueDate: '2026-11-25', doneAt: null, dealId: deal.id, ownerId: ana.id },
  ]);

  // A deal that is gone refuses the whole step: no activity, no task.
  const gone = logActivitySchema.parse({ ...input, dealId: '999', followUp: 'on' });
  expect(() => logActivity(db, gone, ana, now, TODAY)).toThrow(expect.objectContaining({ message: 'That deal no longer exists', fieldErrors: { dealId: 'That deal no longer exists' } }));
  expect(db.$client.prepare('select count(*) as n from activities').get()).toEqual({ n: 2 });
});

test('an open task is completed from the timeline; a rep cannot complete another rep’s task', () => {
  const deal = newDeal(ana);
  const input = logActivitySchema.parse({ type: 'note', subject: 'Budget confirmed', date: TODAY, dealId: String(deal.id), followUp: 'on', followUpSubject: 'Send proposal', followUpDue: '2026-11-23' });
  const { taskId } = logActivity(db, input, ana, T0 + MIN, TODAY);
  expect(() => completeTask(db, taskId!, ben, T0 + 2 * MIN)).toThrow('You can only change your own tasks.');
  completeTask(db, taskId!, ana, T0 + 3 * MIN);
  const task = timeline(deal.id).entries.find((e) => e.activityId === taskId);
  expect(task).toMatchObject({ type: 'task', done: true, at: T0 + 3 * MIN });
  expect(lastActivityAt(deal.id)).toBe(T0 + 3 * MIN);
});

test('a stale version is refused and changes nothing; so is a rep editing another rep’s deal', () => {
  const deal = newDeal(ana);
  const saved = updateDeal(db, fields(deal, { valueCents: 500_000 }), ana, T0 + MIN);
  expect(() => updateDeal(db, fields(deal, { valueCents: 1 }), admin, T0 + 2 * MIN)).toThrow(STALE_MESSAGE);
  expect(() => moveDeal(db, { dealId: deal.id, toStageId: stage.Proposal, aboveId: null, version: deal.version }, ana, T0 + 2 * MIN)).toThrow(STALE_MESSAGE);
  expect(() => closeDeal(db, { dealId: deal.id, version: deal.version, status: 'won' }, ana, T0 + 2 * MIN)).toThrow(STALE_MESSAGE);
  expect(() => updateDeal(db, fields(saved, { valueCents: 1 }), ben, T0 + 2 * MIN)).toThrow('You can only change your own deals.');
  expect(() => updateDeal(db, fields(saved, { ownerId: ben.id }), ana, T0 + 2 * MIN)).toThrow('Only a manager or an admin can reassign a deal.');
  expect(getDealDetail(db, deal.id)).toMatchObject({ valueCents: 500_000, version: saved.version, stageName: 'Lead', status: 'open', ownerId: ana.id });
  expect(timeline(deal.id).entries.map((e) => e.type)).toEqual(['value', 'created']);
});

test('deals loaded without events (the demo data, imports) still show their creation and closing', () => {
  const at = Date.UTC(2026, 5, 1);
  const id = Number(
    db.$client
      .prepare(`insert into deals (title, value_cents, pipeline_id, stage_id, position, status, lost_reason, owner_id, closed_at, stage_changed_at, created_at, updated_at)
                values ('Old deal', 1000, 1, ?, 'a0', 'lost', 'No budget', ?, ?, ?, ?, ?)`)
      .run(stage.Qualified, ben.id, at + 9 * 86_400_000, at + 86_400_000, at, at).lastInsertRowid,
  );
  const history = db.$client.prepare('insert into deal_stage_history (deal_id, from_stage_id, to_stage_id, at, user_id) values (?, ?, ?, ?, ?)');
  history.run(id, null, stage.Lead, at, ben.id);
  history.run(id, stage.Lead, stage.Qualified, at + 86_400_000, ben.id);
  expect(timeline(id).entries.map((e) => [e.type, e.title])).toEqual([
    ['lost', 'Marked lost: No budget'],
    ['stage', 'Moved from Lead to Qualified'],
    ['created', 'Deal created'],
  ]);
});

test('the timeline comes a page at a time and says when there is more', () => {
  const deal = newDeal(ana);
  const note = (i: number) => logActivity(db, logActivitySchema.parse({ type: 'note', subject: `Note ${i}`, date: '2026-11-01', dealId: String(deal.id), followUp: '' }), ana, T0, TODAY);
  for (let i = 0; i < 5; i++) note(i);
  const first = timeline(deal.id, 4);
  expect(first.entries).toHaveLength(4);
  expect(first.more).toBe(true);
  const all = timeline(deal.id, 8);
  expect(all.more).toBe(false);
  expect(all.entries.slice(0, 4)).toEqual(first.entries);
  expect(all.entries.map((e) => e.type)).toEqual(['created', 'note', 'note', 'note', 'note', 'note']);
});

test('a missing deal has no detail', () => {
  expect(getDealDetail(db, 12345)).toBeNull();
});
