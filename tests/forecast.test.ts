import { beforeEach, expect, test } from 'vitest';
import type { Db } from '@/db/client';
import { getForecast, getRepForecast, saveGoals } from '@/db/queries/forecast';
import { createUser } from '@/db/queries/users';
import { seedEmptyWorkspace } from '@/db/seed';
import { monthRange } from '@/lib/forecast/periods';
import { createTestDb } from './support/db';

let db: Db;
let ana: number;
let ben: number;
const today = '2026-11-22';
const months = monthRange('2026-11', 3);

function deal(fields: { value: number; stage: number; close?: string | null; status?: 'open' | 'won' | 'lost'; closedAt?: number; owner: number; override?: number | null }) {
  db.$client
    .prepare(
      `insert into deals (title, value_cents, pipeline_id, stage_id, position, status, expected_close_date, owner_id, closed_at, probability_override_bp)
       values ('d', ?, 1, ?, 'a0', ?, ?, ?, ?, ?)`,
    )
    .run(fields.value, fields.stage, fields.status ?? 'open', fields.close ?? null, fields.owner, fields.closedAt ?? null, fields.override ?? null);
}

beforeEach(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Boss', email: 'boss@example.test', password: 'password1' });
  ana = createUser(db, { name: 'Ana', email: 'ana@example.test', role: 'rep', password: 'password1' }).id;
  ben = createUser(db, { name: 'Ben', email: 'ben@example.test', role: 'rep', password: 'password1' }).id;
  // Stages 1–4: Lead 10 %, Qualified 25 %, Proposal 50 %, Negotiation 75 %.
  deal({ value: 10_000, stage: 2, close: '2026-11-30', owner: ana }); // 2 500 in November
  deal({ value: 333, stage: 3, close: '2026-12-05', owner: ana }); // 166.5 → 167 in December
  deal({ value: 1_000, stage: 1, close: '2026-10-01', owner: ben }); // overdue: 100 in November
  deal({ value: 5_000, stage: 4, close: '2026-11-10', owner: ben, override: 0 }); // overdue, 0 % override
  deal({ value: 2_000, stage: 4, close: '2027-01-31', owner: ben, override: 9_000 }); // 1 800 in January
  deal({ value: 9_999, stage: 4, close: '2027-02-01', owner: ana }); // after the range
  deal({ value: 7_777, stage: 1, close: null, owner: ana }); // no close date
  deal({ value: 4_000, stage: 4, status: 'won', closedAt: Date.UTC(2026, 10, 3, 10), close: '2026-11-03', owner: ana });
  deal({ value: 6_000, stage: 4, status: 'won', closedAt: Date.UTC(2026, 10, 30, 23, 30), close: '2026-11-30', owner: ben }); // 1 Dec in Berlin
  deal({ value: 8_000, stage: 4, status: 'lost', closedAt: Date.UTC(2026, 10, 5), close: '2026-11-05', owner: ben });
});

test('open, weighted and won value per month, with overdue deals in the current month', () => {
  const { rows, undated } = getForecast(db, { months, today, timeZone: 'UTC', pipelineId: null, ownerId: null });
  expect(undated).toBe(1);
  expect(rows.map(({ month, openDeals, openCents, weightedCents, wonDeals, wonCents, overdueDeals, overdueWeightedCents }) => ({ month, openDeals, openCents, weightedCents, wonDeals, wonCents, overdueDeals, overdueWeightedCents }))).toEqual([
    { month: '2026-11', openDeals: 3, openCents: 16_000, weightedCents: 2_600, wonDeals: 2, wonCents: 10_000, overdueDeals: 2, overdueWeightedCents: 100 },
    { month: '2026-12', openDeals: 1, openCents: 333, weightedCents: 167, wonDeals: 0, wonCents: 0, overdueDeals: 0, overdueWeightedCents: 0 },
    { month: '2027-01', openDeals: 1, openCents: 2_000, weightedCents: 1_800, wonDeals: 0, wonCents: 0, overdueDeals: 0, overdueWeightedCents: 0 },
  ]);
});

test('won deals count in the month they were won in the workspace time zone', () => {
  const { rows } = getForecast(db, { months, today, timeZone: 'Europe/Berlin', pipelineId: null, ownerId: null });
  expect(rows[0]).toMatchObject({ wonDeals: 1, wonCents: 4_000 });
  expect(rows[1]).toMatchObject({ wonDeals: 1, wonCents: 6_000 });
});

test('one owner’s figures, goals and attainment; per-rep figures add up to the team', () => {
  saveGoals(db, [{ userId: ana, month: '2026-11', amountCents: 8_000 }, { userId: ben, month: '2026-11', amountCents: 12_000 }, { userId: ana, month: '2026-12', amountCents: 1 }], ana);
  saveGoals(db, [{ userId: ana, month: '2026-12', amountCents: null }], ana);
  const mine = getForecast(db, { months, today, timeZone: 'UTC', pipelineId: null, ownerId: ana }).rows;
  expect(mine[0]).toMatchObject({ weightedCents: 2_500, wonCents: 4_000, goalCents: 8_000, attainmentBp: 5_000 });
  expect(mine[1]).toMatchObject({ weightedCents: 167, goalCents: null });
  const team = getForecast(db, { months, today, timeZone: 'UTC', pipelineId: null, ownerId: null }).rows;
  expect(team[0]).toMatchObject({ goalCents: 20_000, attainmentBp: 5_000 });
  const reps = getRepForecast(db, { months, today, timeZone: 'UTC', pipelineId: null, ownerId: null });
  expect(reps.map((r) => [r.name, r.weightedCents, r.wonCents, r.goalCents])).toEqual([
    ['Ana', 2_667, 4_000, 8_000],
    ['Ben', 1_900, 6_000, 12_000],
  ]);
});

test('a range in the future leaves overdue deals out', () => {
  const { rows } = getForecast(db, { months: ['2027-01', '2027-02', '2027-03'], today, timeZone: 'UTC', pipelineId: null, ownerId: null });
  expect(rows.map((r) => r.weightedCents)).toEqual([1_800, 7_499, 0]);
});
