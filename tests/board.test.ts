import { beforeEach, expect, test } from 'vitest';
import type { Db } from '@/db/client';
import { getColumnSummaries, listColumnCards } from '@/db/queries/board';
import { listDeals } from '@/db/queries/deal-list';
import { closeDeal, createDeal, moveDeal, reopenDeal, STALE_MESSAGE, updateDeal } from '@/db/queries/deals';
import { createPipeline } from '@/db/queries/pipeline-settings';
import { createUser, type SessionUser } from '@/db/queries/users';
import { seedEmptyWorkspace } from '@/db/seed';
import { parseDealFilters } from '@/lib/deals/filters';
import { createTestDb } from './support/db';

let db: Db;
let admin: SessionUser;
let ana: SessionUser;
let ben: SessionUser;
let stages: { id: number; name: string }[];

const all = () => parseDealFilters({ owner: 'all' }, 'admin');

function add(title: string, stage: number, valueCents: number, owner: SessionUser) {
  return createDeal(db, { title, valueCents, pipelineId: 1, stageId: stages[stage].id, expectedCloseDate: null, companyId: null, contactId: null, source: null, ownerId: owner.id }, owner);
}
const titlesIn = (stage: number) => listColumnCards(db, stages[stage].id, all(), admin, null, 1000).cards.map((c) => c.title);

beforeEach(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Olivia', email: 'o@example.test', password: 'password1' });
  admin = { id: 1, name: 'Olivia', email: 'o@example.test', role: 'admin' };
  ana = createUser(db, { name: 'Ana', email: 'ana@example.test', role: 'rep', password: 'password1' });
  ben = createUser(db, { name: 'Ben', email: 'ben@example.test', role: 'rep', password: 'password1' });
  stages = db.$client.prepare('select id, name from stages order by position').all() as { id: number; name: string }[];
});

test('a new deal goes on top of its column with a first stage-history row', () => {
  add('A', 0, 100, ana);
  const b = add('B', 0, 200, ana);
  expect(titlesIn(0)).toEqual(['B', 'A']);
  expect(db.$client.prepare('select from_stage_id, to_stage_id from deal_stage_history where deal_id = ?').all(b.id)).toEqual([{ from_stage_id: null, to_stage_id: stages[0].id }]);
});

test('a move places the card after the named neighbour, writes one history row, and bumps the version', () => {
  const a = add('A', 1, 100, ana);
  const b = add('B', 1, 100, ana);
  add('C', 1, 100, ana); // column 1 reads C, B, A
  const x = add('X', 0, 100, ana);
  const moved = moveDeal(db, { dealId: x.id, toStageId: stages[1].id, aboveId: b.id, version: x.version }, ana);
  expect(titlesIn(1)).toEqual(['C', 'B', 'X', 'A']);
  expect(moved.version).toBe(x.version + 1);
  expect(db.$client.prepare('select count(*) as n from deal_stage_history where deal_id = ?').get(x.id)).toEqual({ n: 2 });
  // Within a column: to the top; no history row for a reorder.
  moveDeal(db, { dealId: a.id, toStageId: stages[1].id, aboveId: null, version: a.version }, ana);
  expect(titlesIn(1)).toEqual(['A', 'C', 'B', 'X']);
  expect(db.$client.prepare('select count(*) as n from deal_stage_history where deal_id = ?').get(a.id)).toEqual({ n: 1 });
});

test('a stale version, another rep’s deal and a missing deal are refused without changing anything', () => {
  const d = add('D', 0, 100, ana);
  moveDeal(db, { dealId: d.id, toStageId: stages[1].id, aboveId: null, version: d.version }, ana);
  expect(() => moveDeal(db, { dealId: d.id, toStageId: stages[2].id, aboveId: null, version: d.version }, ana)).toThrow(STALE_MESSAGE);
  expect(() => moveDeal(db, { dealId: d.id, toStageId: stages[2].id, aboveId: null, version: d.version + 1 }, ben)).toThrow('You can only change your own deals.');
  expect(() => moveDeal(db, { dealId: 999, toStageId: stages[2].id, aboveId: null, version: 1 }, ana)).toThrow('This deal no longer exists.');
  expect(titlesIn(1)).toEqual(['D']);
  // A manager or admin may move anyone's deal.
  moveDeal(db, { dealId: d.id, toStageId: stages[2].id, aboveId: null, version: d.version + 1 }, admin);
  expect(titlesIn(2)).toEqual(['D']);
});

test('two people moving different deals never overwrite each other', () => {
  const a = add('A', 0, 100, ana);
  const b = add('B', 0, 100, ben);
  moveDeal(db, { dealId: a.id, toStageId: stages[3].id, aboveId: null, version: a.version }, ana);
  moveDeal(db, { dealId: b.id, toStageId: stages[2].id, aboveId: null, version: b.version }, ben);
  expect(titlesIn(3)).toEqual(['A']);
  expect(titlesIn(2)).toEqual(['B']);
});

test('column figures come from the whole column, with overrides and half-cent rounding', () => {
  add('A', 1, 333, ana); // 25 % of 333 = 83.25 → 83
  const b = add('B', 1, 1_000, ben);
  updateDeal(db, { dealId: b.id, version: b.version, title: 'B', valueCents: 1_000, expectedCloseDate: null, companyId: null, contactId: null, source: null, ownerId: ben.id, probabilityOverride: 9_050 }, ben);
  for (let i = 0; i < 60; i++) add(`bulk ${i}`, 2, 10_001, ana); // 50 % of 10001 = 5000.5 → 5001 each
  const byStage = Object.fromEntries(getColumnSummaries(db, 1, all(), admin).map((s) => [s.stageId, s]));
  expect(byStage[stages[1].id]).toEqual({ stageId: stages[1].id, count: 2, sumCents: 1_333, weightedCents: 83 + 905 });
  expect(byStage[stages[2].id]).toEqual({ stageId: stages[2].id, count: 60, sumCents: 600_060, weightedCents: 300_060 });
  // Only Ana's, for "me".
  const mine = getColumnSummaries(db, 1, parseDealFilters({}, 'rep'), ana);
  expect(mine.find((s) => s.stageId === stages[1].id)).toMatchObject({ count: 1, sumCents: 333 });
});

test('a column pages through its cards with a cursor, without gaps or repeats', () => {
  for (let i = 0; i < 120; i++) add(`deal ${i}`, 0, 100, ana);
  const seen: string[] = [];
  let after: { position: string; id: number } | null = null;
  for (;;) {
    const page = listColumnCards(db, stages[0].id, all(), admin, after, 50);
    seen.push(...page.cards.map((c) => c.title));
    if (!page.hasMore) break;
    const last = page.cards[page.cards.length - 1];
    after = { position: last.position, id: last.id };
  }
  expect(seen).toHaveLength(120);
  expect(new Set(seen).size).toBe(120);
  expect(seen[0]).toBe('deal 119');
});

test('text search matches title and company; won and lost leave the board and a reopened deal returns to its column', () => {
  const d = add('Acme expansion', 0, 100, ana);
  add('Other', 0, 100, ana);
  expect(listColumnCards(db, stages[0].id, { ...all(), q: 'acme' }, admin).cards.map((c) => c.title)).toEqual(['Acme expansion']);
  const lost = closeDeal(db, { dealId: d.id, version: d.version, status: 'lost', lostReason: 'Price too high' }, ana);
  expect(lost).toMatchObject({ status: 'lost', lostReason: 'Price too high' });
  expect(titlesIn(0)).toEqual(['Other']);
  reopenDeal(db, { dealId: d.id, version: lost.version }, ana);
  expect(titlesIn(0)).toEqual(['Other', 'Acme expansion']);
  const events = db.$client.prepare('select kind, to_value from deal_events where deal_id = ? order by id').all(d.id);
  expect(events).toEqual([
    { kind: 'created', to_value: '100' },
    { kind: 'lost', to_value: 'Price too high' },
    { kind: 'reopened', to_value: 'open' },
  ]);
});

test('a rep cannot reassign a deal; a manager can, and it is recorded', () => {
  const d = add('D', 0, 100, ana);
  const base = { dealId: d.id, version: d.version, title: 'D', valueCents: 100, expectedCloseDate: null, companyId: null, contactId: null, source: null, probabilityOverride: null };
  expect(() => updateDeal(db, { ...base, ownerId: ben.id }, ana)).toThrow('Only a manager or an admin can reassign a deal.');
  updateDeal(db, { ...base, ownerId: ben.id }, admin);
  expect(db.$client.prepare(`select from_value, to_value from deal_events where deal_id = ? and kind = 'owner'`).get(d.id)).toEqual({ from_value: String(ana.id), to_value: String(ben.id) });
});

test('?pipeline=all: each column of each pipeline pages and counts its own deals, the list takes every pipeline, and ?pipeline=<id> still keeps to one', () => {
  const renewals = createPipeline(db, 'Renewals');
  const [renewalLead] = db.$client.prepare('select id from stages where pipeline_id = ? order by position').all(renewals.id) as { id: number }[];
  add('Sales deal', 0, 100, ana);
  createDeal(db, { title: 'Renewal deal', valueCents: 250, pipelineId: renewals.id, stageId: renewalLead.id, expectedCloseDate: null, companyId: null, contactId: null, source: null, ownerId: ana.id }, ana);
  const sort = { sort: 'title', dir: 'asc', page: 1 } as const;

  const everywhere = parseDealFilters({ owner: 'all', pipeline: 'all' }, 'admin');
  expect(everywhere.pipelineId).toBe('all');
  // What the board loads, and what "load more" sends back for a column, under ?pipeline=all.
  expect(listColumnCards(db, renewalLead.id, everywhere, admin).cards.map((c) => c.title)).toEqual(['Renewal deal']);
  expect(titlesIn(0)).toEqual(['Sales deal']);
  expect(getColumnSummaries(db, renewals.id, everywhere, admin)).toEqual([{ stageId: renewalLead.id, count: 1, sumCents: 250, weightedCents: 25 }]);
  expect(listDeals(db, everywhere, admin, sort).rows.map((r) => r.title)).toEqual(['Renewal deal', 'Sales deal']);

  const one = parseDealFilters({ owner: 'all', pipeline: String(renewals.id) }, 'admin');
  expect(listDeals(db, one, admin, sort).rows.map((r) => r.title)).toEqual(['Renewal deal']);
});
