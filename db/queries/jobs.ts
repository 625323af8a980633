import 'server-only';
import type { Db } from '@/db/client';
import { cachedStatement } from '@/db/statements';
import type { JobState } from '@/db/schema';
import { nextAttempt } from '@/lib/jobs/backoff';
import { JOB_KINDS, parsePayload, type JobKind } from '@/lib/jobs/kinds';
import { dueSlot, nextSlot } from '@/lib/jobs/schedule';
import { getWorkspace } from './workspace';

// The job queue. Enqueue inside the transaction of the change that causes the job (better-sqlite3
// runs a transaction on the one connection, so any call on `db` inside `db.transaction` belongs to
// it): a rollback takes the job with it. Claiming is one UPDATE … RETURNING, and SQLite lets one
// writer in at a time, so two workers can never take the same job.


export type JobRow = {
  id: number;
  kind: string;
  payload: string;
  state: JobState;
  runAt: number;
  attempts: number;
  maxAttempts: number;
  lastError: string | null;
  progress: number | null;
  progressMessage: string | null;
  result: string | null;
  lockedBy: string | null;
  heartbeatAt: number | null;
  uniqueKey: string | null;
  schedule: string | null;
  createdBy: number | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
};

const COLUMNS = `id, kind, payload, state, run_at as runAt, attempts, max_attempts as maxAttempts, last_error as lastError,
  progress, progress_message as progressMessage, result, locked_by as lockedBy, heartbeat_at as heartbeatAt,
  unique_key as uniqueKey, schedule, created_by as createdBy, created_at as createdAt, started_at as startedAt,
  finished_at as finishedAt`;

export type EnqueueOptions = {
  now?: number;
  /** Not before this instant (default: now). */
  runAt?: number;
  createdBy?: number | null;
  /** At most one job with this key ever: a second enqueue returns the first job's id. */
  uniqueKey?: string;
  schedule?: string;
};

/** Adds a job; the payload is checked against its kind first (a ZodError when it does not fit). Returns its id. */
export function enqueueJob<K extends JobKind>(db: Db, kind: K, payload: unknown, options: EnqueueOptions = {}): number {
  const checked = parsePayload(kind, payload);
  const now = options.now ?? Date.now();
  const row = cachedStatement(db, 
      `insert into jobs (kind, payload, state, run_at, max_attempts, unique_key, schedule, created_by, created_at)
       values (?, ?, 'queued', ?, ?, ?, ?, ?, ?)
       on conflict (unique_key) do nothing returning id`,
    )
    .get(kind, JSON.stringify(checked), options.runAt ?? now, JOB_KINDS[kind].maxAttempts, options.uniqueKey ?? null, options.schedule ?? null, options.createdBy ?? null, now) as
    | { id: number }
    | undefined;
  if (row) return row.id;
  return (cachedStatement(db, `select id from jobs where unique_key = ?`).get(options.uniqueKey) as { id: number }).id;
}

/** Takes the next job that is due, marking it running for this worker; null when none is due. */
export function claimNextJob(db: Db, workerId: string, now: number): JobRow | null {
  const row = cachedStatement(db, 
      `update jobs set state = 'running', attempts = attempts + 1, locked_by = @workerId, heartbeat_at = @now,
         started_at = @now, finished_at = null, progress = null, progress_message = null
       where id = (select id from jobs where state = 'queued' and run_at <= @now order by run_at, id limit 1)
       returning ${COLUMNS}`,
    )
    .get({ workerId, now }) as JobRow | undefined;
  return row ?? null;
}

/** Marks a job this worker runs as done. False when it is no longer this worker's (it was taken back). */
export function completeJob(db: Db, id: number, workerId: string, now: number, result?: unknown): boolean {
  return (
    cachedStatement(db, 
        `update jobs set state = 'done', finished_at = ?, progress = 1, result = ?, last_error = null, heartbeat_at = null
         where id = ? and state = 'running' and locked_by = ?`,
      )
      .run(now, result === undefined ? null : JSON.stringify(result), id, workerId).changes === 1
  );
}

/** Records a failure: the job is queued again after its back-off, or marked failed when out of tries. */
export function failJob(db: Db, id: number, workerId: string, error: string, now: number): 'retry' | 'failed' | 'lost' {
  const job = cachedStatement(db, `select attempts, max_attempts as maxAttempts from jobs where id = ? and state = 'running' and locked_by = ?`).get(id, workerId) as
    | { attempts: number; maxAttempts: number }
    | undefined;
  if (!job) return 'lost';
  const retry = nextAttempt(job.attempts, job.maxAttempts, now);
  cachedStatement(db, 
      `update jobs set state = ?, run_at = coalesce(?, run_at), last_error = ?, finished_at = ?, locked_by = case when ? then null else locked_by end,
         heartbeat_at = null where id = ?`,
    )
    .run(retry ? 'queued' : 'failed', retry?.retryAt ?? null, error.slice(0, 4000), retry ? null : now, retry ? 1 : 0, id);
  return retry ? 'retry' : 'failed';
}

/** The handler's progress (0..1) and a line about it; also tells the queue the worker is alive. */
export function setJobProgress(db: Db, id: number, workerId: string, fraction: number | null, message: string | null, now: number): void {
  const clamped = fraction === null || !Number.isFinite(fraction) ? null : Math.min(1, Math.max(0, fraction));
  cachedStatement(db, `update jobs set progress = ?, progress_message = ?, heartbeat_at = ? where id = ? and state = 'running' and locked_by = ?`)
    .run(clamped, message?.slice(0, 300) ?? null, now, id, workerId);
}

export function heartbeatJob(db: Db, id: number, workerId: string, now: number): void {
  cachedStatement(db, `update jobs set heartbeat_at = ? where id = ? and state = 'running' and locked_by = ?`).run(now, id, workerId);
}

/**
 * Puts jobs whose worker is gone back in the queue: a worker that `isGone` says has stopped (say, its
 * process no longer exists), or one silent for longer than `leaseMs`. A job that keeps taking its
 * worker down is marked failed once it has used up its tries rather than crashing the worker forever.
 */
export function requeueInterrupted(db: Db, now: number, options: { leaseMs: number; isGone: (workerId: string) => boolean; except?: string }): number {
  const running = cachedStatement(db, `select id, locked_by as lockedBy, heartbeat_at as heartbeatAt, attempts, max_attempts as maxAttempts from jobs where state = 'running'`).all() as {
    id: number;
    lockedBy: string | null;
    heartbeatAt: number | null;
    attempts: number;
    maxAttempts: number;
  }[];
  let requeued = 0;
  const requeue = cachedStatement(db, 
    `update jobs set state = 'queued', run_at = ?, locked_by = null, heartbeat_at = null, last_error = ? where id = ? and state = 'running' and locked_by is ?`,
  );
  const fail = cachedStatement(db, `update jobs set state = 'failed', finished_at = ?, heartbeat_at = null, last_error = ? where id = ? and state = 'running' and locked_by is ?`);
  for (const job of running) {
    if (job.lockedBy === options.except) continue;
    const silent = job.heartbeatAt === null || job.heartbeatAt < now - options.leaseMs;
    if (!silent && !(job.lockedBy && options.isGone(job.lockedBy))) continue;
    if (job.attempts >= job.maxAttempts) {
      fail.run(now, 'The worker stopped during every try of this job.', job.id, job.lockedBy);
    } else {
      requeue.run(now, 'The worker stopped during this job; it runs again.', job.id, job.lockedBy);
      requeued++;
    }
  }
  return requeued;
}

/** An admin's "Retry" on a failed job: queued now, with a fresh set of tries. False unless it had failed. */
export function retryJob(db: Db, id: number, now: number): boolean {
  return cachedStatement(db, `update jobs set state = 'queued', run_at = ?, attempts = 0, finished_at = null, locked_by = null, last_error = null where id = ? and state = 'failed'`).run(now, id).changes === 1;
}

export function getJob(db: Db, id: number): JobRow | null {
  return (cachedStatement(db, `select ${COLUMNS} from jobs where id = ?`).get(id) as JobRow | undefined) ?? null;
}

export type JobCounts = Record<JobState, number>;

export function countJobs(db: Db): JobCounts {
  const counts: JobCounts = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const row of cachedStatement(db, `select state, count(*) as n from jobs group by state`).all() as { state: JobState; n: number }[]) counts[row.state] = row.n;
  return counts;
}

/**
 * A page of jobs in one state: queued and running by when they run (oldest first), failed and done
 * by when they finished (newest first).
 */
export function listJobs(db: Db, state: JobState, options: { limit: number; offset?: number }): JobRow[] {
  const order = state === 'queued' || state === 'running' ? 'run_at asc, id asc' : 'finished_at desc, id desc';
  return cachedStatement(db, `select ${COLUMNS} from jobs where state = ? order by ${order} limit ? offset ?`)
    .all(state, options.limit, options.offset ?? 0) as JobRow[];
}

/**
 * The job of a kind to show beside the button that starts it: one queued or running (by anyone, or
 * by a schedule), else the newest that a person started (schedule-run ones have their own line).
 */
export function latestJob(db: Db, kind: JobKind): JobRow | null {
  const active = cachedStatement(db, `select ${COLUMNS} from jobs where kind = ? and state in ('queued', 'running') order by id desc limit 1`).get(kind) as JobRow | undefined;
  if (active) return active;
  return (cachedStatement(db, `select ${COLUMNS} from jobs where kind = ? and schedule is null order by id desc limit 1`).get(kind) as JobRow | undefined) ?? null;
}

/** Drops a batch of jobs that finished (done or failed) before `before`; bounded, so cheap to repeat. */
export function pruneJobs(db: Db, before: number, batch = 500): number {
  return cachedStatement(db, `delete from jobs where id in (select id from jobs where state in ('done', 'failed') and finished_at < ? limit ?)`)
    .run(before, batch).changes;
}

// ---------------------------------------------------------------------------------------------
// Schedules

export type ScheduleRow = {
  name: string;
  kind: string;
  cron: string;
  payload: string;
  enabled: boolean;
  lastSlotAt: number | null;
  updatedAt: number;
  updatedBy: number | null;
};

export function listSchedules(db: Db): ScheduleRow[] {
  return (
    cachedStatement(db, `select name, kind, cron, payload, enabled, last_slot_at as lastSlotAt, updated_at as updatedAt, updated_by as updatedBy from job_schedules order by name`)
      .all() as (Omit<ScheduleRow, 'enabled'> & { enabled: number })[]
  ).map((r) => ({ ...r, enabled: r.enabled === 1 }));
}

export function getSchedule(db: Db, name: string): ScheduleRow | null {
  return listSchedules(db).find((s) => s.name === name) ?? null;
}

/** When each schedule runs next, in the workspace's time zone; null when disabled. */
export function scheduleNextRuns(db: Db, now: number): Map<string, number | null> {
  const { timezone } = getWorkspace(db);
  return new Map(listSchedules(db).map((s) => [s.name, s.enabled ? nextSlot(s.cron, timezone, Math.max(now, s.lastSlotAt ?? now)) : null]));
}

/** The last job each schedule started (any state), for "last run" on the jobs screen. */
export function lastScheduledJobs(db: Db): Map<string, JobRow> {
  const rows = cachedStatement(db, `select ${COLUMNS} from jobs where id in (select max(id) from jobs where schedule is not null group by schedule)`)
    .all() as JobRow[];
  return new Map(rows.map((r) => [r.schedule as string, r]));
}

/**
 * Enqueues one job per schedule whose slot has come since its last one, each with a key naming the
 * slot, so two workers, or one worker twice, enqueue it once. A schedule seen for the first time
 * starts counting from now (no run for the past). Returns the jobs enqueued.
 */
export function enqueueDueSchedules(db: Db, now: number): number[] {
  const { timezone } = getWorkspace(db);
  const ids: number[] = [];
  db.transaction(() => {
    for (const s of listSchedules(db)) {
      if (!s.enabled) continue;
      if (s.lastSlotAt === null) {
        cachedStatement(db, `update job_schedules set last_slot_at = ? where name = ?`).run(now, s.name);
        continue;
      }
      const slot = dueSlot(s.cron, timezone, s.lastSlotAt, now);
      if (slot === null) continue;
      if (!Object.hasOwn(JOB_KINDS, s.kind)) continue;
      ids.push(enqueueJob(db, s.kind as JobKind, JSON.parse(s.payload), { now, uniqueKey: `schedule:${s.name}:${slot}`, schedule: s.name }));
      cachedStatement(db, `update job_schedules set last_slot_at = ? where name = ?`).run(slot, s.name);
    }
  });
  return ids;
}

/** Changes a schedule's expression, payload or on/off; the caller has checked them. */
export function updateSchedule(db: Db, name: string, change: { cron?: string; payload?: unknown; enabled?: boolean }, userId: number | null, now: number): boolean {
  const current = getSchedule(db, name);
  if (!current) return false;
  cachedStatement(db, `update job_schedules set cron = ?, payload = ?, enabled = ?, updated_at = ?, updated_by = ?,
      last_slot_at = case when ? then ? else last_slot_at end where name = ?`)
    .run(
      change.cron ?? current.cron,
      change.payload === undefined ? current.payload : JSON.stringify(change.payload),
      (change.enabled ?? current.enabled) ? 1 : 0,
      now,
      userId,
      // A new time or a schedule switched back on counts from now: no run for slots it was off or elsewhere.
      (change.cron !== undefined && change.cron !== current.cron) || (change.enabled === true && !current.enabled) ? 1 : 0,
      now,
      name,
    );
  return true;
}

/** Gives back a job this worker is stopping in the middle of: queued again at once, the try not counted. */
export function releaseJob(db: Db, id: number, workerId: string, now: number): boolean {
  return (
    cachedStatement(db, 
        `update jobs set state = 'queued', run_at = ?, attempts = max(0, attempts - 1), locked_by = null, heartbeat_at = null,
           last_error = 'The worker was stopped during this job; it runs again.' where id = ? and state = 'running' and locked_by = ?`,
      )
      .run(now, id, workerId).changes === 1
  );
}
