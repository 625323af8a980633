import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { MIGRATIONS_FOLDER, type Db } from '@/db/client';
import { closeDeal, createDeal, moveDeal, reopenDeal, updateDeal } from '@/db/queries/deals';
import { renameLostReason } from '@/db/queries/lost-reasons';
import { addStage, createPipeline, deleteStage, moveStage, updateStage } from '@/db/queries/pipeline-settings';
import { getReportTable, getSalesCycle, type ReportQuery } from '@/db/queries/reports';
import { completeTask, reassignTask } from '@/db/queries/tasks';
import { createUser, type SessionUser } from '@/db/queries/users';
import { endStaysOfClosedDeals, seedEmptyWorkspace } from '@/db/seed';
import { addDays, dateInZone } from '@/lib/dates';
import { periodInstants } from '@/lib/reports/period';
import { REPORT_TABLES, type ReportTableKey } from '@/lib/reports/tables';
import { createTestDb } from './support/db';
import { rawReportTable, rawSalesCycle } from './support/raw-reports';

// The reports read per-day rollups kept by triggers (migration report_rollups). A seeded random
// history with every kind of write the app (or an import) makes must leave every report exactly as
// the straightforward SQL over the raw rows computes it, for periods in zones with :30 and :45 offsets.

const HOUR = 3_600_000;
const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Adelaide'];
const SOURCES = ['Website', 'Referral', 'Event', '', null];
const REPORT_TABLE_NAMES = ['report_closed_by_owner', 'report_closed_by_source', 'report_lost_by_reason', 'report_deal_paths', 'report_created_by_path', 'report_stays', 'report_open_weighted', 'report_activities'];

/** mulberry32: a small seeded generator, so that a failure replays. */
function generator(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type DealRow = { id: number; version: number; status: string; pipelineId: number; stageId: number; ownerId: number | null; valueCents: number; source: string | null };

function simulate(db: Db, steps: number, seed: number, check: (now: number) => void) {
  const rand = generator(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)];
  const s = db.$client;
  seedEmptyWorkspace(db, { name: 'Boss', email: 'boss@example.test', password: 'password1' });
  const actor: SessionUser = createUser(db, { name: 'Mia', email: 'mia@example.test', role: 'manager', password: 'password1' });
  const reps = ['Ana', 'Ben', 'Cy'].map((name) => createUser(db, { name, email: `${name.toLowerCase()}@example.test`, role: 'rep', password: 'password1' }).id);
  const owners = [actor.id, ...reps];
  createPipeline(db, 'Renewals');
  const reasons = () => (s.prepare('select label from lost_reasons order by id').all() as { label: string }[]).map((r) => r.label);
  const stagesOf = (pipelineId: number) => s.prepare('select id from stages where pipeline_id = ? order by position').all(pipelineId).map((r) => (r as { id: number }).id);
  const deals = (where = '1') =>
    s
      .prepare(`select id, version, status, pipeline_id as pipelineId, stage_id as stageId, owner_id as ownerId, value_cents as valueCents, source from deals where ${where} order by id`)
      .all() as DealRow[];
  const value = () => pick([0, 5_000, 123_456, int(10_000_000), 99_99]);
  let now = Date.UTC(2026, 0, 3, 9, 17);

  const ops: [number, () => void][] = [
    [14, () => {
      const pipelineId = pick([1, 1, 2]);
      const stageId = pick(stagesOf(pipelineId));
      createDeal(db, { title: 'd', valueCents: value(), pipelineId, stageId, expectedCloseDate: null, companyId: null, contactId: null, source: pick(SOURCES), ownerId: pick(owners) }, actor, now);
    }],
    // As the seed and an import write them: already closed, no owner, the stays ended afterwards.
    [2, () => {
      const status = pick(['won', 'lost', 'open']);
      const created = now - int(30 * 24) * HOUR;
      const closed = status === 'open' ? null : created + int(now - created + 1);
      const stages = stagesOf(1);
      const id = Number(
        s
          .prepare(`insert into deals (title, value_cents, pipeline_id, stage_id, position, status, lost_reason, owner_id, source, created_at, closed_at) values ('i', ?, 1, ?, 'a0', ?, ?, ?, ?, ?, ?)`)
          .run(value(), stages[1], status, status === 'lost' ? pick([...reasons(), null, '']) : null, pick([null, ...owners]), pick(SOURCES), created, closed).lastInsertRowid,
      );
      s.prepare('insert into deal_stage_history (deal_id, to_stage_id, at) values (?, ?, ?), (?, ?, ?)').run(id, stages[0], created, id, stages[1], created + HOUR);
      endStaysOfClosedDeals(db);
    }],
    [18, () => {
      const open = deals(`status = 'open'`);
      if (!open.length) return;
      const d = pick(open);
      moveDeal(db, { dealId: d.id, toStageId: pick(stagesOf(d.pipelineId)), aboveId: null, version: d.version }, actor, now);
    }],
    [8, () => {
      const open = deals(`status = 'open'`);
      if (!open.length) return;
      const d = pick(open);
      const status = pick(['won', 'lost'] as const);
      closeDeal(db, { dealId: d.id, version: d.version, status, lostReason: status === 'lost' ? pick(reasons()) : undefined }, actor, now);
    }],
    [3, () => {
      const closed = deals(`status != 'open'`);
      if (!closed.length) return;
      const d = pick(closed);
      reopenDeal(db, { dealId: d.id, version: d.version }, actor, now);
    }],
    [6, () => {
      const all = deals();
      if (!all.length) return;
      const d = pick(all);
      const input = { dealId: d.id, version: d.version, title: 'd', expectedCloseDate: null, companyId: null, contactId: null };
      updateDeal(db, { ...input, valueCents: pick([d.valueCents, value()]), source: pick([d.source, ...SOURCES]), ownerId: pick([d.ownerId, ...owners]), probabilityOverride: pick([null, null, 0, 3_333, 9_000]) }, actor, now);
    }],
    [3, () => {
      const all = deals();
      if (all.length) s.prepare('delete from deals where id = ?').run(pick(all).id);
    }],
    // Moved to the other pipeline's first stage, with a history row, as a board would.
    [2, () => {
      const all = deals();
      if (!all.length) return;
      const d = pick(all);
      const to = d.pipelineId === 1 ? 2 : 1;
      const stageId = stagesOf(to)[0];
      s.prepare('update deals set pipeline_id = ?, stage_id = ? where id = ?').run(to, stageId, d.id);
      s.prepare('insert into deal_stage_history (deal_id, from_stage_id, to_stage_id, at) values (?, ?, ?, ?)').run(d.id, d.stageId, stageId, now);
    }],
    // Corrections an admin might make in the database: when a deal was created or closed.
    [1, () => {
      const all = deals();
      if (all.length) s.prepare('update deals set created_at = created_at - ? where id = ?').run(int(48) * HOUR, pick(all).id);
      const closed = deals(`status != 'open'`);
      if (closed.length) s.prepare('update deals set closed_at = closed_at + ? where id = ?').run(int(48) * HOUR - 24 * HOUR, pick(closed).id);
    }],
    // One column at a time, as a script or a future screen might write it.
    [8, () => {
      const all = deals();
      if (!all.length) return;
      const d = pick(all);
      const [column, v] = pick<[string, unknown]>([
        ['value_cents', value()], ['owner_id', pick([null, ...owners])], ['source', pick(SOURCES)], ['probability_override_bp', pick([null, 1_234, 10_000])],
        ['lost_reason', pick([null, '', ...reasons()])], ['stage_id', pick(stagesOf(d.pipelineId))],
      ]);
      s.prepare(`update deals set ${column} = ? where id = ?`).run(v, d.id);
    }],
    [2, () => moveStage(db, pick(stagesOf(pick([1, 2]))), pick(['up', 'down'] as const))],
    [1, () => {
      const stageId = pick(stagesOf(pick([1, 2])));
      updateStage(db, { stageId, name: `Stage ${stageId}`, probability: int(10_001), rotDays: 30 });
    }],
    [1, () => {
      const pipelineId = pick([1, 2]);
      const stages = stagesOf(pipelineId);
      if (stages.length > 3) {
        const gone = pick(stages);
        deleteStage(db, gone, pick(stages.filter((id) => id !== gone)), actor, now);
      } else addStage(db, { pipelineId, name: `Added ${now}`, probability: int(10_001), rotDays: 30 });
    }],
    [1, () => {
      const reason = pick(s.prepare('select id from lost_reasons').all() as { id: number }[]).id;
      renameLostReason(db, reason, `Reason ${now}`);
    }],
    [12, () => {
      const done = rand() < 0.7;
      const deal = pick([null, ...deals().map((d) => d.id)]);
      s.prepare(`insert into activities (type, subject, done_at, due_date, owner_id, deal_id) values (?, 's', ?, ?, ?, ?)`).run(
        done ? 'call' : 'task', done ? now - int(72) * HOUR : null, done ? null : '2026-12-01', pick([null, ...owners]), deal,
      );
    }],
    [4, () => {
      const tasks = s.prepare(`select id from activities where type = 'task' and done_at is null`).all() as { id: number }[];
      if (!tasks.length) return;
      if (rand() < 0.5) completeTask(db, pick(tasks).id, actor, now);
      else reassignTask(db, pick(tasks).id, pick(owners), actor);
    }],
    [3, () => {
      const all = s.prepare('select id from activities').all() as { id: number }[];
      if (!all.length) return;
      const id = pick(all).id;
      const r = rand();
      if (r < 0.4) s.prepare('delete from activities where id = ?').run(id);
      else if (r < 0.7) s.prepare('update activities set owner_id = ? where id = ?').run(pick([null, ...owners]), id);
      else s.prepare('update activities set done_at = ?, owner_id = ? where id = ?').run(pick([null, now - int(100) * HOUR]), pick([null, ...owners]), id);
    }],
  ];
  const total = ops.reduce((sum, [w]) => sum + w, 0);
  for (let step = 1; step <= steps; step++) {
    now += 1 + int(7 * HOUR) + int(60_000);
    let r = int(total);
    const op = ops.find(([w]) => (r -= w) < 0)!;
    op[1]();
    if (step % 150 === 0) check(now);
  }
}

/** Periods around the history: whole local days in each zone, and the same instants in UTC terms. */
function periods(now: number): ReportQuery[] {
  const today = dateInZone(now);
  const spans: [string, string][] = [[addDays(today, -89), today], [addDays(today, -29), today], ['2026-01-01', today], [addDays(today, -3), addDays(today, -3)], [addDays(today, -40), addDays(today, -1)]];
  return ZONES.flatMap((timeZone) =>
    spans.flatMap(([from, to]) => [1, 2].map((pipelineId) => ({ ...periodInstants({ preset: 'custom', from, to, label: '' }, timeZone), from, to, timeZone, pipelineId, now }))),
  );
}

function expectReportsMatchRaw(db: Db, now: number) {
  for (const q of periods(now)) {
    for (const key of Object.keys(REPORT_TABLES) as ReportTableKey[]) expect(getReportTable(db, key, q), `${key} ${JSON.stringify(q)}`).toEqual(rawReportTable(db, key, q));
    expect(getSalesCycle(db, q)).toEqual(rawSalesCycle(db, q));
  }
}

/** Every rollup table as it is, and as the migration's backfill builds it from scratch. */
function rollupsAndRebuilt(db: Db) {
  const sql = fs.readFileSync(path.join(MIGRATIONS_FOLDER, fs.readdirSync(MIGRATIONS_FOLDER).find((f) => f.endsWith('_report_rollups.sql'))!), 'utf8');
  const backfill = sql.split('--> statement-breakpoint').filter((st) => /^\s*INSERT INTO report_/.test(st.replace(/^\s*--.*$/gm, '')));
  const columns = (t: string) => (db.$client.prepare(`select name from pragma_table_info('${t}')`).all() as { name: string }[]).map((c) => c.name).join(', ');
  const snapshot = () => Object.fromEntries(REPORT_TABLE_NAMES.map((t) => [t, db.$client.prepare(`select * from ${t} order by ${columns(t)}`).all()]));
  const current = snapshot();
  const s = db.$client;
  s.exec('savepoint rebuild');
  // The backfill fills report_created_by_path itself: keep the trigger on report_deal_paths out of it.
  s.exec('drop trigger report_deal_paths_insert');
  for (const t of REPORT_TABLE_NAMES) s.exec(`delete from ${t}`);
  for (const st of backfill) s.exec(st);
  const rebuilt = snapshot();
  s.exec('rollback to rebuild');
  s.exec('release rebuild');
  return { current, rebuilt, backfillStatements: backfill.length };
}

test('after a random history of every kind of write, each report equals the raw SQL, in every zone', () => {
  const db = createTestDb();
  let checks = 0;
  simulate(db, 1_200, 20261125, (now) => {
    expectReportsMatchRaw(db, now);
    checks++;
  });
  expect(checks).toBe(8);
  // The history is rich enough to mean something.
  const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
  expect(count(`select count(*) as n from deals where status = 'won'`)).toBeGreaterThan(20);
  expect(count(`select count(*) as n from deals where status = 'lost'`)).toBeGreaterThan(20);
  expect(count(`select count(*) as n from deal_stage_history where to_stage_id is null`)).toBeGreaterThan(0); // stages were deleted
  expect(count(`select count(*) as n from activities where done_at is not null`)).toBeGreaterThan(50);
});

test('the rollups are these tables, filled by the migration and kept by triggers', () => {
  const db = createTestDb();
  const names = (type: string) => (db.$client.prepare(`select name from sqlite_master where type = ? and name like 'report_%' order by name`).all(type) as { name: string }[]).map((r) => r.name);
  expect(names('table')).toEqual(REPORT_TABLE_NAMES.slice().sort());
  expect(names('trigger').length).toBeGreaterThan(10);
});

test('the rollup tables equal what the migration builds from the same rows, with no empty rows left', () => {
  const db = createTestDb();
  simulate(db, 600, 7, () => {});
  const { current, rebuilt, backfillStatements } = rollupsAndRebuilt(db);
  expect(backfillStatements).toBe(REPORT_TABLE_NAMES.length);
  expect(current).toEqual(rebuilt);
  expect(current.report_stays.length).toBeGreaterThan(10);
});

test('a period in a :45 zone: the partial UTC days at its ends are counted once, on the right side', () => {
  const db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Boss', email: 'boss@example.test', password: 'password1' });
  const actor = createUser(db, { name: 'Ana', email: 'ana@example.test', role: 'manager', password: 'password1' });
  // Kathmandu is UTC+5:45: 1 March starts at 28 Feb 18:15 UTC and 31 March ends at 31 March 18:15 UTC.
  const q: ReportQuery = { ...periodInstants({ preset: 'custom', from: '2026-03-01', to: '2026-03-31', label: '' }, 'Asia/Kathmandu'), from: '2026-03-01', to: '2026-03-31', timeZone: 'Asia/Kathmandu', pipelineId: 1, now: Date.UTC(2026, 3, 1) };
  expect(q.fromMs).toBe(Date.UTC(2026, 1, 28, 18, 15));
  const at = [Date.UTC(2026, 1, 28, 18, 14), Date.UTC(2026, 1, 28, 18, 15), Date.UTC(2026, 1, 28, 23, 0), Date.UTC(2026, 2, 15), Date.UTC(2026, 2, 31, 18, 14), Date.UTC(2026, 2, 31, 18, 15)];
  for (const when of at) {
    const deal = createDeal(db, { title: 'd', valueCents: 1_000, pipelineId: 1, stageId: 1, expectedCloseDate: null, companyId: null, contactId: null, source: 'Web', ownerId: actor.id }, actor, when);
    closeDeal(db, { dealId: deal.id, version: deal.version, status: 'won' }, actor, when);
  }
  // Only the four inside the local month: not 18:14 on 28 Feb, not 18:15 on 31 March.
  expect(getReportTable(db, 'win-rate-by-source', q)).toEqual([{ name: 'Web', won: 4, lost: 0, wonCents: 4_000, winRateBp: 10_000 }]);
  expect(getReportTable(db, 'created-vs-won', q)).toEqual([{ month: '2026-03', created: 4, won: 4, wonCents: 4_000 }]);
  expect(getReportTable(db, 'funnel', q)[0]).toEqual({ name: 'Created', reached: 4, shareBp: 10_000 });
  expect(getSalesCycle(db, q)).toEqual({ wonDeals: 4, avgDays: 0 });
});
