import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { migrateDb, openDb, type Db } from '@/db/client';
import { jobHandlers, type JobHandlers } from '@/db/jobs/handlers';
import { createWorker, type Worker } from '@/db/jobs/worker';
import {
  claimNextJob,
  countJobs,
  enqueueDueSchedules,
  enqueueJob,
  getJob,
  listSchedules,
  retryJob,
  scheduleNextRuns,
  updateSchedule,
} from '@/db/queries/jobs';
import { getWorkspace } from '@/db/queries/workspace';
import { seedWorkspace } from '@/db/seed';
import { RETRY_BASE_MS } from '@/lib/jobs/backoff';

// The queue and the worker against a real SQLite file with the real migrations. The worker runs
// in-process here (runNext/tick on a clock the test sets); tests/worker-process.test.ts runs it as the
// real process and kills it.

let dir: string;
let file: string;
let db: Db;
let clock: number;
const now = () => clock;
const quiet = () => undefined;

function worker(handlers: Partial<JobHandlers> = {}, id?: string): Worker {
  return createWorker({ db, databaseFile: file, handlers: { ...jobHandlers, ...handlers }, now, log: quiet, id });
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-jobs-'));
  file = path.join(dir, 'keel.db');
  db = openDb(file);
  migrateDb(db);
  // Migrations may queue one-off jobs (a backfill); these tests start from an empty queue.
  db.$client.prepare('delete from jobs').run();
  clock = Date.UTC(2026, 11, 3, 12, 0, 0);
});
afterEach(() => {
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('enqueueing', () => {
  test('a job enqueued in a transaction that rolls back never exists and never runs', async () => {
    expect(() =>
      db.transaction(() => {
        enqueueJob(db, 'noop', {}, { now: clock });
        throw new Error('the change failed');
      }),
    ).toThrow('the change failed');
    expect(countJobs(db)).toEqual({ queued: 0, running: 0, done: 0, failed: 0 });
    let ran = 0;
    expect(await worker({ noop: () => void ran++ }).runNext()).toBe(false);
    expect(ran).toBe(0);

    db.transaction(() => enqueueJob(db, 'noop', {}, { now: clock }));
    expect(await worker({ noop: () => void ran++ }).runNext()).toBe(true);
    expect(ran).toBe(1);
  });

  test('a payload that does not fit its kind is refused before anything is written', () => {
    expect(() => enqueueJob(db, 'backup', { keep: 0 })).toThrow(/keep/);
    expect(() => enqueueJob(db, 'backup', {})).toThrow(/keep/);
    expect(countJobs(db).queued).toBe(0);
  });

  test('a unique key makes a second enqueue return the first job', () => {
    const a = enqueueJob(db, 'noop', {}, { uniqueKey: 'once', now: clock });
    const b = enqueueJob(db, 'noop', {}, { uniqueKey: 'once', now: clock });
    expect(b).toBe(a);
    expect(countJobs(db).queued).toBe(1);
  });

  test('a job waits for its run-at time, and jobs run oldest first', async () => {
    const later = enqueueJob(db, 'noop', {}, { now: clock, runAt: clock + 60_000 });
    const first = enqueueJob(db, 'noop', {}, { now: clock });
    const second = enqueueJob(db, 'noop', {}, { now: clock });
    const order: number[] = [];
    const w = worker();
    const claim = () => claimNextJob(db, w.id, clock)?.id ?? null;
    order.push(claim()!, claim()!);
    expect(claim()).toBeNull();
    clock += 60_000;
    order.push(claim()!);
    expect(order).toEqual([first, second, later]);
  });
});

describe('failures', () => {
  test('a failing job is retried with exponential back-off, then marked failed with its error', async () => {
    let calls = 0;
    const w = worker({
      noop: () => {
        calls++;
        throw new Error(`SMTP said no (${calls})`);
      },
    });
    const id = enqueueJob(db, 'noop', {}, { now: clock });
    const start = clock;

    expect(await w.runNext()).toBe(true);
    expect(getJob(db, id)).toMatchObject({ state: 'queued', attempts: 1, lastError: 'SMTP said no (1)', runAt: start + RETRY_BASE_MS });

    clock = start + RETRY_BASE_MS - 1;
    expect(await w.runNext()).toBe(false);
    clock = start + RETRY_BASE_MS;
    expect(await w.runNext()).toBe(true);
    expect(getJob(db, id)).toMatchObject({ state: 'queued', attempts: 2, lastError: 'SMTP said no (2)', runAt: clock + 2 * RETRY_BASE_MS });

    clock += 2 * RETRY_BASE_MS;
    expect(await w.runNext()).toBe(true);
    expect(getJob(db, id)).toMatchObject({ state: 'failed', attempts: 3, lastError: 'SMTP said no (3)', finishedAt: clock });
    clock += 24 * 3600_000;
    expect(await w.runNext()).toBe(false);
    expect(calls).toBe(3);
  });

  test('Retry gives a failed job a fresh set of tries; it is refused for any other job', async () => {
    let fail = true;
    const w = worker({
      noop: () => {
        if (fail) throw new Error('down');
      },
    });
    const id = enqueueJob(db, 'noop', {}, { now: clock });
    expect(retryJob(db, id, clock)).toBe(false);
    for (let i = 0; i < 3; i++) {
      await w.runNext();
      clock += 3600_000;
    }
    expect(getJob(db, id)?.state).toBe('failed');
    fail = false;
    expect(retryJob(db, id, clock)).toBe(true);
    expect(getJob(db, id)).toMatchObject({ state: 'queued', attempts: 0, runAt: clock });
    expect(await w.runNext()).toBe(true);
    expect(getJob(db, id)).toMatchObject({ state: 'done', attempts: 1, lastError: null, progress: 1 });
    expect(retryJob(db, id, clock)).toBe(false);
  });

  test('a job of a kind this code does not know fails with that reason instead of stopping the worker', async () => {
    db.$client.prepare(`insert into jobs (kind, payload, run_at, max_attempts) values ('fax', '{}', ?, 1)`).run(clock);
    expect(await worker().runNext()).toBe(true);
    expect(db.$client.prepare(`select state, last_error as lastError from jobs`).get()).toEqual({ state: 'failed', lastError: 'Keel has no job of kind "fax"' });
  });

  test('a stored payload that no longer fits its kind fails with the field named', async () => {
    db.$client.prepare(`insert into jobs (kind, payload, run_at, max_attempts) values ('backup', '{"keep":"lots"}', ?, 1)`).run(clock);
    await worker().runNext();
    expect(db.$client.prepare(`select state, last_error as lastError from jobs`).get()).toMatchObject({ state: 'failed', lastError: expect.stringContaining('keep') });
  });
});

describe('two workers', () => {
  test('only one worker takes a job when two try, on separate connections', () => {
    const other = openDb(file);
    try {
      for (let i = 0; i < 200; i++) enqueueJob(db, 'noop', {}, { now: clock });
      const taken = new Map<number, string>();
      for (let i = 0; i < 150; i++) {
        for (const [conn, name] of [
          [db, 'a'],
          [other, 'b'],
        ] as const) {
          const job = claimNextJob(conn, name, clock);
          if (!job) continue;
          expect(taken.has(job.id)).toBe(false);
          taken.set(job.id, name);
        }
      }
      expect(taken.size).toBe(200);
      expect(new Set(taken.values())).toEqual(new Set(['a', 'b']));
      expect(countJobs(db)).toMatchObject({ queued: 0, running: 200 });
    } finally {
      other.$client.close();
    }
  });
});

describe('interrupted jobs', () => {
  const running = (lockedBy: string, heartbeatAt: number, attempts = 1) =>
    Number(
      db.$client
        .prepare(`insert into jobs (kind, payload, state, run_at, attempts, max_attempts, locked_by, heartbeat_at, started_at) values ('noop', '{}', 'running', ?, ?, 3, ?, ?, ?)`)
        .run(clock - 60_000, attempts, lockedBy, heartbeatAt, heartbeatAt).lastInsertRowid,
    );

  test('a job whose worker process is gone runs again at once; one whose worker is alive is left alone until it goes silent', async () => {
    const host = os.hostname();
    const dead = running(`${host}:2147483646:dead`, clock - 1000);
    const alive = running(`${host}:${process.ppid}:alive`, clock - 1000);
    const elsewhere = running(`another-box:123:x`, clock - 1000);
    const w = worker();
    w.tick();
    expect(getJob(db, dead)).toMatchObject({ state: 'queued', lockedBy: null, lastError: expect.stringContaining('stopped during this job') });
    expect(getJob(db, alive)?.state).toBe('running');
    expect(getJob(db, elsewhere)?.state).toBe('running');

    clock += 61_000; // both silent for longer than the lease
    w.tick();
    expect(getJob(db, alive)?.state).toBe('queued');
    expect(getJob(db, elsewhere)?.state).toBe('queued');
    while (await w.runNext());
    expect(countJobs(db)).toMatchObject({ done: 3, queued: 0, running: 0 });
  });

  test('a job that has taken its worker down on every try is marked failed rather than tried forever', () => {
    const id = running(`${os.hostname()}:2147483646:dead`, clock, 3);
    worker().tick();
    expect(getJob(db, id)).toMatchObject({ state: 'failed', lastError: 'The worker stopped during every try of this job.' });
  });

  test('stopping the worker mid-job gives the job back, the try not counted', async () => {
    let release: () => void = () => undefined;
    const w = worker({
      noop: (_p, ctx) =>
        new Promise<void>((resolve, reject) => {
          release = resolve;
          ctx.signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    });
    const id = enqueueJob(db, 'noop', {}, { now: clock });
    const run = w.runNext();
    await new Promise((r) => setTimeout(r, 20));
    expect(getJob(db, id)?.state).toBe('running');
    await w.stop(50);
    await run;
    expect(getJob(db, id)).toMatchObject({ state: 'queued', attempts: 0 });
    release();
  });
});

describe('progress', () => {
  test('a running job shows its fraction and message to anyone reading the row, and 1 when done', async () => {
    let step: () => void = () => undefined;
    const w = worker({
      noop: async (_p, ctx) => {
        ctx.progress(0.25, 'A quarter');
        await new Promise<void>((r) => (step = r));
        clock += 1000;
        ctx.progress(0.5, 'Half way');
        await new Promise<void>((r) => (step = r));
        return { rows: 42 };
      },
    });
    const id = enqueueJob(db, 'noop', {}, { now: clock });
    const reader = new Database(file, { readonly: true });
    const read = () => reader.prepare(`select state, progress, progress_message as message, result from jobs where id = ?`).get(id);
    const run = w.runNext();
    await new Promise((r) => setTimeout(r, 10));
    expect(read()).toEqual({ state: 'running', progress: 0.25, message: 'A quarter', result: null });
    step();
    await new Promise((r) => setTimeout(r, 10));
    expect(read()).toEqual({ state: 'running', progress: 0.5, message: 'Half way', result: null });
    step();
    await run;
    expect(read()).toEqual({ state: 'done', progress: 1, message: 'Half way', result: '{"rows":42}' });
    reader.close();
  });
});

describe('schedules', () => {
  const backupJobs = () => db.$client.prepare(`select unique_key as k, schedule from jobs where kind = 'backup'`).all();
  const setZone = (tz: string) => {
    getWorkspace(db); // makes the settings row
    expect(db.$client.prepare(`update workspace set timezone = ?`).run(tz).changes).toBe(1);
  };

  test('the first look at a new schedule starts it from now: nothing runs for the past', () => {
    expect(listSchedules(db).map((s) => [s.name, s.cron, s.lastSlotAt])).toEqual([
      ['backup', '0 2 * * *', null],
      ['lead_rescore', '30 3 * * *', null],
      ['prune', '17 * * * *', null],
    ]);
    expect(enqueueDueSchedules(db, clock)).toEqual([]);
    expect(listSchedules(db).every((s) => s.lastSlotAt === clock)).toBe(true);
  });

  test('after three days down the nightly backup runs once, for the latest slot, in the workspace time zone', () => {
    setZone('Europe/Berlin');
    enqueueDueSchedules(db, clock);
    db.$client.prepare(`update job_schedules set enabled = 0 where name in ('prune', 'lead_rescore')`).run();
    clock += 3 * 24 * 3600_000; // 2026-12-06 12:00 UTC
    const ids = enqueueDueSchedules(db, clock);
    expect(ids).toHaveLength(1);
    // 02:00 in Berlin in winter is 01:00 UTC.
    const slot = Date.UTC(2026, 11, 6, 1, 0, 0);
    expect(backupJobs()).toEqual([{ k: `schedule:backup:${slot}`, schedule: 'backup' }]);
    expect(JSON.parse(getJob(db, ids[0])!.payload)).toEqual({ keep: 14 });
    // Looking again, or a second worker looking at the same instant, adds nothing.
    expect(enqueueDueSchedules(db, clock)).toEqual([]);
    expect(enqueueDueSchedules(db, clock + 1000)).toEqual([]);
    expect(backupJobs()).toHaveLength(1);
    // The next one is tomorrow at 02:00 Berlin time.
    expect(scheduleNextRuns(db, clock).get('backup')).toBe(Date.UTC(2026, 11, 7, 1, 0, 0));
    clock = Date.UTC(2026, 11, 7, 1, 0, 0);
    expect(enqueueDueSchedules(db, clock)).toHaveLength(1);
  });

  test('a slot enqueued twice (two workers racing) is one job', () => {
    enqueueDueSchedules(db, clock);
    db.$client.prepare(`update job_schedules set last_slot_at = ? where name = 'backup'`).run(clock - 2 * 24 * 3600_000);
    const other = openDb(file);
    try {
      const a = enqueueDueSchedules(db, clock);
      db.$client.prepare(`update job_schedules set last_slot_at = ? where name = 'backup'`).run(clock - 2 * 24 * 3600_000);
      const b = enqueueDueSchedules(other, clock);
      expect(a.length).toBe(1);
      expect(b).toEqual(a);
      expect(backupJobs()).toHaveLength(1);
    } finally {
      other.$client.close();
    }
  });

  test('a changed time counts from the change; a disabled schedule never runs and has no next run', () => {
    enqueueDueSchedules(db, clock);
    updateSchedule(db, 'backup', { cron: '30 3 * * *', payload: { keep: 7 } }, null, clock);
    expect(scheduleNextRuns(db, clock).get('backup')).toBe(Date.UTC(2026, 11, 4, 3, 30));
    updateSchedule(db, 'backup', { enabled: false }, null, clock);
    expect(scheduleNextRuns(db, clock).get('backup')).toBeNull();
    clock += 5 * 24 * 3600_000;
    expect(enqueueDueSchedules(db, clock).map((id) => getJob(db, id)?.kind).sort()).toEqual(['lead_rescore', 'prune']); // the backup is off
    expect(backupJobs()).toEqual([]);
    updateSchedule(db, 'backup', { enabled: true }, null, clock);
    expect(enqueueDueSchedules(db, clock + 60_000).filter((id) => getJob(db, id)?.kind === 'backup')).toEqual([]);
  });

  test('the worker enqueues due schedules as it ticks and runs them', async () => {
    let pruned = 0;
    const w = worker({ prune: () => void pruned++, backup: () => null });
    w.tick();
    clock += 3600_000;
    w.tick();
    while (await w.runNext());
    expect(pruned).toBe(1);
  });
});

describe('the jobs that ship', () => {
  test('the backup job produces a sound, complete copy and keeps only the newest N', async () => {
    seedWorkspace(db, { companies: 5, contacts: 20, deals: 15, seed: 7 });
    const backups = path.join(dir, 'backups');
    process.env.BACKUP_DIR = backups;
    try {
      const w = createWorker({ db, databaseFile: file, log: quiet });
      const ids = [1, 2, 3].map(() => enqueueJob(db, 'backup', { keep: 2 }));
      while (await w.runNext());
      const jobs = ids.map((id) => getJob(db, id)!);
      expect(jobs.map((j) => j.state)).toEqual(['done', 'done', 'done']);
      const result = JSON.parse(jobs[2].result!) as { file: string; size: string; pruned: number };
      expect(fs.readdirSync(backups).filter((n) => n.endsWith('.db')).sort()).toHaveLength(2);
      expect(fs.existsSync(result.file)).toBe(true);
      expect(result.pruned).toBe(1);
      const copy = new Database(result.file, { readonly: true });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const table of ['deals', 'contacts', 'companies', 'users', 'jobs']) {
        const count = (d: Database.Database | Db['$client']) => (d.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
        if (table !== 'jobs') expect(count(copy)).toBe(count(db.$client));
      }
      copy.close();
    } finally {
      delete process.env.BACKUP_DIR;
    }
  });

  test('a backup that cannot be written fails with the reason and is retried', async () => {
    const blocked = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocked, 'a file where the folder should be');
    process.env.BACKUP_DIR = blocked;
    try {
      const id = enqueueJob(db, 'backup', { keep: 3 }, { now: clock });
      await worker().runNext();
      expect(getJob(db, id)).toMatchObject({ state: 'queued', attempts: 1, lastError: expect.stringMatching(/not-a-folder/) });
    } finally {
      delete process.env.BACKUP_DIR;
    }
  });

  test('the prune job clears spent sign-in attempts, ended sessions, old rate-limit windows and old finished jobs, and nothing recent', async () => {
    seedWorkspace(db, { companies: 1, contacts: 1, deals: 1, seed: 1 });
    const day = 24 * 3600_000;
    const attempt = db.$client.prepare(`insert into login_attempts (email, ip, success, at) values ('x@y.z', '1.2.3.4', 0, ?)`);
    for (let i = 0; i < 1200; i++) attempt.run(clock - 40 * day + i);
    attempt.run(clock - day);
    const session = db.$client.prepare(`insert into sessions (id, user_id, created_at, last_seen_at, expires_at) values (?, 1, ?, ?, ?)`);
    session.run('ended', clock - 90 * day, clock - 90 * day, clock - 60 * day);
    session.run('live', clock, clock, clock + day);
    const windowRow = db.$client.prepare(`insert into rate_limits (key, window_start, count) values (?, ?, 1)`);
    windowRow.run('old', clock - 2 * 3600_000);
    windowRow.run('new', clock - 60_000);
    const finished = db.$client.prepare(`insert into jobs (kind, payload, state, run_at, max_attempts, finished_at) values ('noop', '{}', 'done', 0, 3, ?)`);
    finished.run(clock - 31 * day);
    finished.run(clock - day);

    const id = enqueueJob(db, 'prune', {}, { now: clock });
    await worker().runNext();
    const job = getJob(db, id)!;
    expect(job.state).toBe('done');
    expect(JSON.parse(job.result!)).toEqual({ signInAttempts: 1200, sessions: 1, rateLimitWindows: 1, jobs: 1 });
    const count = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
    expect(count(`select count(*) as n from login_attempts`)).toBe(1);
    expect(count(`select count(*) as n from sessions`)).toBe(1);
    expect(count(`select count(*) as n from rate_limits`)).toBe(1);
    expect(count(`select count(*) as n from jobs where state = 'done'`)).toBe(2);
  });
});
