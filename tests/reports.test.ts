import { beforeAll, expect, test } from 'vitest';
import type { Db } from '@/db/client';
import { getReportTable, getSalesCycle, type ReportQuery } from '@/db/queries/reports';
import { createUser } from '@/db/queries/users';
import { endStaysOfClosedDeals, seedEmptyWorkspace } from '@/db/seed';
import { createTestDb } from './support/db';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 9, 1); // 1 Oct 2026
let db: Db;
const q: ReportQuery = { fromMs: t0, toMs: Date.UTC(2026, 11, 1), from: '2026-10-01', to: '2026-11-30', timeZone: 'UTC', pipelineId: 1, now: Date.UTC(2026, 11, 1) };

/** A deal with its path through the stages: [stageId, day offset] pairs, then how it ended. */
function deal(owner: number, source: string, value: number, path: [number, number][], end?: { status: 'won' | 'lost'; day: number; reason?: string }) {
  const created = t0 + path[0][1] * DAY;
  const last = path[path.length - 1];
  const id = Number(
    db.$client
      .prepare(
        `insert into deals (title, value_cents, pipeline_id, stage_id, position, status, owner_id, source, created_at, closed_at, lost_reason)
         values ('d', ?, 1, ?, 'a0', ?, ?, ?, ?, ?, ?)`,
      )
      .run(value, last[0], end?.status ?? 'open', owner, source, created, end ? t0 + end.day * DAY : null, end?.reason ?? null).lastInsertRowid,
  );
  path.forEach(([stage, day], i) =>
    db.$client.prepare('insert into deal_stage_history (deal_id, from_stage_id, to_stage_id, at, user_id) values (?, ?, ?, ?, ?)').run(id, i ? path[i - 1][0] : null, stage, t0 + day * DAY, owner),
  );
}

beforeAll(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Boss', email: 'boss@example.test', password: 'password1' });
  const ana = createUser(db, { name: 'Ana', email: 'ana@example.test', role: 'rep', password: 'password1' }).id;
  const ben = createUser(db, { name: 'Ben', email: 'ben@example.test', role: 'rep', password: 'password1' }).id;
  deal(ana, 'Referral', 1_000, [[1, 0], [2, 2], [3, 6], [4, 10]], { status: 'won', day: 20 }); // cycle 20 d
  deal(ana, 'Website', 2_000, [[1, 1], [2, 5]], { status: 'lost', day: 9, reason: 'Price too high' });
  deal(ben, 'Referral', 3_000, [[1, 3], [4, 13]], { status: 'won', day: 33 }); // skipped stages; cycle 30 d
  deal(ben, 'Website', 4_000, [[1, 4]], { status: 'lost', day: 8, reason: 'Price too high' });
  deal(ben, 'Website', 500, [[1, 40], [2, 45]]); // open; in Qualified since day 45
  deal(ana, 'Event', 9_000, [[1, -30], [2, -20]], { status: 'won', day: -5 }); // before the period
  endStaysOfClosedDeals(db);
});

test('stays end at the next move, at a close made through the app, and resume on reopening', () => {
  const stays = () => db.$client.prepare('select to_stage_id as stage, at, left_at as leftAt from deal_stage_history where deal_id = 5 order by id').all();
  expect(stays()).toEqual([
    { stage: 1, at: t0 + 40 * DAY, leftAt: t0 + 45 * DAY },
    { stage: 2, at: t0 + 45 * DAY, leftAt: null },
  ]);
  db.$client.prepare(`update deals set status = 'lost', closed_at = ? where id = 5`).run(t0 + 50 * DAY);
  expect(stays()[1]).toEqual({ stage: 2, at: t0 + 45 * DAY, leftAt: t0 + 50 * DAY });
  db.$client.prepare(`update deals set status = 'open', closed_at = null where id = 5`).run();
  expect(stays()[1]).toEqual({ stage: 2, at: t0 + 45 * DAY, leftAt: null });
});

test('win rate by rep and by source count deals closed in the period', () => {
  expect(getReportTable(db, 'win-rate-by-rep', q)).toEqual([
    { name: 'Ana', won: 1, lost: 1, wonCents: 1_000, winRateBp: 5_000 },
    { name: 'Ben', won: 1, lost: 1, wonCents: 3_000, winRateBp: 5_000 },
  ]);
  expect(getReportTable(db, 'win-rate-by-source', q)).toEqual([
    { name: 'Referral', won: 2, lost: 0, wonCents: 4_000, winRateBp: 10_000 },
    { name: 'Website', won: 0, lost: 2, wonCents: 0, winRateBp: 0 },
  ]);
});

test('the funnel follows the deals created in the period through their stage history', () => {
  expect(getReportTable(db, 'funnel', q)).toEqual([
    { name: 'Created', reached: 5, shareBp: 10_000 },
    { name: 'Lead', reached: 5, shareBp: 10_000 },
    { name: 'Qualified', reached: 4, shareBp: 8_000 }, // Ben's skip to Negotiation reached it too
    { name: 'Proposal', reached: 2, shareBp: 4_000 },
    { name: 'Negotiation', reached: 2, shareBp: 4_000 },
    { name: 'Won', reached: 2, shareBp: 4_000 },
  ]);
});

test('days in each stage, sales cycle, created vs won, lost reasons and the leaderboard', () => {
  expect(getReportTable(db, 'time-in-stage', q)).toEqual([
    // Lead stays: 2, 4, 10, 4 (closed), 5 days → 25 / 5.
    { name: 'Lead', stays: 5, avgDays: 5 },
    // Qualified: 4, 4 (lost on day 9), 16 (still there on day 61)... = (4 + 4 + 16) / 3.
    { name: 'Qualified', stays: 3, avgDays: 8 },
    { name: 'Proposal', stays: 1, avgDays: 4 },
    { name: 'Negotiation', stays: 2, avgDays: 15 }, // 10 and 20
  ]);
  expect(getSalesCycle(db, q)).toEqual({ wonDeals: 2, avgDays: 25 });
  expect(getReportTable(db, 'created-vs-won', q)).toEqual([
    { month: '2026-10', created: 4, won: 1, wonCents: 1_000 },
    { month: '2026-11', created: 1, won: 1, wonCents: 3_000 },
  ]);
  expect(getReportTable(db, 'lost-reasons', q)).toEqual([{ name: 'Price too high', deals: 2, valueCents: 6_000 }]);
  expect(getReportTable(db, 'leaderboard', q)).toEqual([
    { name: 'Ben', wonCents: 3_000, weightedCents: 125, activities: 0, winRateBp: 5_000 },
    { name: 'Ana', wonCents: 1_000, weightedCents: 0, activities: 0, winRateBp: 5_000 },
  ]);
});
