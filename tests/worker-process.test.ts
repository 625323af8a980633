import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { migrateDb, openDb, type Db } from '@/db/client';
import { countJobs, enqueueJob, getJob } from '@/db/queries/jobs';

// The worker as `npm start` runs it: its own process on the database file. These tests kill it.

let dir: string;
let file: string;
let db: Db;
const procs: ChildProcess[] = [];

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'keel-worker-'));
  file = path.join(dir, 'keel.db');
  db = openDb(file);
  migrateDb(db);
  // Migrations may queue one-off jobs (a backfill); these tests start from an empty queue.
  db.$client.prepare('delete from jobs').run();
});
afterEach(() => {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  procs.length = 0;
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function startWorker(env: Record<string, string> = {}): ChildProcess & { output: () => string } {
  const proc = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', path.join('scripts', 'worker.ts')], {
    env: { ...process.env, DATABASE_PATH: file, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  procs.push(proc);
  return Object.assign(proc, { output: () => out });
}

async function until<T>(what: string, check: () => T | null | undefined | false, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const exited = (proc: ChildProcess) => new Promise<number | null>((resolve) => (proc.exitCode !== null ? resolve(proc.exitCode) : proc.once('exit', (code) => resolve(code))));

test('a worker killed in the middle of a job is restarted and finishes the job, once', { timeout: 60_000 }, async () => {
  const id = enqueueJob(db, 'noop', { ms: 2500 });
  const first = startWorker();
  await until('the job to be running with progress', () => {
    const job = getJob(db, id);
    return job?.state === 'running' && (job.progress ?? 0) > 0;
  });
  first.kill('SIGKILL');
  await exited(first);
  expect(getJob(db, id)?.state).toBe('running'); // as the dead worker left it

  const second = startWorker();
  const done = await until('the job to be done', () => (getJob(db, id)?.state === 'done' ? getJob(db, id) : null), 30_000);
  expect(done).toMatchObject({ attempts: 2, progress: 1, lockedBy: expect.stringContaining(`:${second.pid}:`) });
  expect(countJobs(db)).toEqual({ queued: 0, running: 0, done: 1, failed: 0 });
  expect(second.output()).toMatch(/1 job left running by a stopped worker queued again/);
});

test('two worker processes drain one queue and never run a job twice', { timeout: 60_000 }, async () => {
  db.transaction(() => {
    // 10 ms each: one worker alone would need 6 s, so the other, starting a moment later, gets its share.
    for (let i = 0; i < 600; i++) enqueueJob(db, 'noop', { ms: 10 });
  });
  const a = startWorker();
  const b = startWorker();
  await until('both queues drained', () => countJobs(db).done === 600, 45_000);
  const rows = db.$client.prepare(`select locked_by as by, count(*) as n, max(attempts) as most from jobs group by locked_by`).all() as { by: string; n: number; most: number }[];
  expect(rows.map((r) => r.most)).toEqual(rows.map(() => 1));
  expect(rows.reduce((sum, r) => sum + r.n, 0)).toBe(600);
  expect(rows.map((r) => r.by.split(':')[1]).sort()).toEqual([String(a.pid), String(b.pid)].sort());
});

test('SIGTERM stops the worker cleanly: a long job is given back untried and the database closed', { timeout: 60_000 }, async () => {
  const id = enqueueJob(db, 'noop', { ms: 20_000 });
  const worker = startWorker({ WORKER_STOP_GRACE_MS: '300' });
  await until('the job to run', () => getJob(db, id)?.state === 'running');
  const started = Date.now();
  worker.kill('SIGTERM');
  expect(await exited(worker)).toBe(0);
  expect(Date.now() - started).toBeLessThan(5000);
  expect(getJob(db, id)).toMatchObject({ state: 'queued', attempts: 0 });
  expect(worker.output()).toMatch(/SIGTERM, stopping/);
});
