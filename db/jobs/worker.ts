import 'server-only';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { Db } from '@/db/client';
import { claimNextJob, completeJob, enqueueDueSchedules, failJob, heartbeatJob, releaseJob, requeueInterrupted, setJobProgress, type JobRow } from '@/db/queries/jobs';
import { isJobKind } from '@/lib/jobs/kinds';
import { jobHandlers, runHandler, type JobHandlers } from './handlers';

// The worker: takes due jobs one at a time and runs their handlers, enqueues the schedules' jobs as
// their slots come, and puts back jobs a crashed worker left running. `npm start` runs exactly one,
// in its own process (scripts/worker.ts); tests drive one in-process with runNext() and tick().

export type WorkerOptions = {
  db: Db;
  databaseFile: string;
  handlers?: JobHandlers;
  id?: string;
  /** How long to wait before looking again when no job is due. */
  pollMs?: number;
  /** A running job whose worker has been silent this long is taken back. */
  leaseMs?: number;
  heartbeatMs?: number;
  /** How often schedules and abandoned jobs are looked at. */
  tickMs?: number;
  now?: () => number;
  log?: (message: string) => void;
};

export type Worker = {
  id: string;
  /** Runs the next due job, if any; true when one ran (whatever its outcome). */
  runNext(): Promise<boolean>;
  /** Enqueues due schedules and takes back abandoned jobs. */
  tick(): void;
  /** Runs until stop() is called. */
  run(): Promise<void>;
  /** Stops taking jobs; waits up to `graceMs` for the current one, then gives it back to the queue. */
  stop(graceMs?: number): Promise<void>;
};

export function newWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

/** Whether the worker with this id is certainly gone: its process on this host no longer exists. */
export function isWorkerGone(workerId: string, self?: string): boolean {
  const [host, pidText] = workerId.split(':');
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid)) return false;
  // This very process, but another worker instance: one that was replaced in-process (tests).
  if (pid === process.pid) return workerId !== self;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

const PROGRESS_EVERY_MS = 250;

export function createWorker(options: WorkerOptions): Worker {
  const { db, databaseFile } = options;
  const handlers = options.handlers ?? jobHandlers;
  const id = options.id ?? newWorkerId();
  const pollMs = options.pollMs ?? 250;
  const leaseMs = options.leaseMs ?? 60_000;
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const tickMs = options.tickMs ?? 1_000;
  const now = options.now ?? Date.now;
  const log = options.log ?? ((message: string) => console.log(message));

  let stopping = false;
  let current: { job: JobRow; controller: AbortController; done: Promise<void> } | null = null;
  let lastTick = -Infinity;
  let wake: (() => void) | null = null;

  const tick = () => {
    lastTick = now();
    const back = requeueInterrupted(db, now(), { leaseMs, isGone: (w) => isWorkerGone(w, id), except: id });
    if (back) log(`Worker: ${back} job${back === 1 ? '' : 's'} left running by a stopped worker queued again`);
    enqueueDueSchedules(db, now());
  };

  const execute = async (job: JobRow) => {
    const controller = new AbortController();
    let lastWrite = 0;
    let lastMessage: string | null = null;
    const progress = (fraction: number | null, message: string | null) => {
      const t = now();
      if (t - lastWrite < PROGRESS_EVERY_MS && message === lastMessage && fraction !== 1) return;
      lastWrite = t;
      lastMessage = message;
      setJobProgress(db, job.id, id, fraction, message, t);
    };
    const heartbeat = setInterval(() => heartbeatJob(db, job.id, id, now()), heartbeatMs);
    heartbeat.unref();
    let settled: () => void = () => undefined;
    current = { job, controller, done: new Promise<void>((resolve) => (settled = resolve)) };
    try {
      if (!isJobKind(job.kind)) throw new Error(`Keel has no job of kind "${job.kind}"`);
      const result = await runHandler(handlers, job.kind, JSON.parse(job.payload), { db, databaseFile, now, progress, signal: controller.signal });
      if (!completeJob(db, job.id, id, now(), result ?? undefined)) log(`Worker: job ${job.id} finished after it was taken back; its result was not kept`);
    } catch (error) {
      if (stopping && controller.signal.aborted) {
        releaseJob(db, job.id, id, now());
      } else {
        const message = error instanceof Error ? error.message : String(error);
        const outcome = failJob(db, job.id, id, message, now());
        log(`Worker: job ${job.id} (${job.kind}) failed, attempt ${job.attempts} of ${job.maxAttempts}: ${message}${outcome === 'retry' ? ' (will retry)' : ''}`);
      }
    } finally {
      clearInterval(heartbeat);
      current = null;
      settled();
    }
  };

  const runNext = async () => {
    const job = claimNextJob(db, id, now());
    if (!job) return false;
    await execute(job);
    return true;
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const run = async () => {
    while (!stopping) {
      try {
        if (now() - lastTick >= tickMs) tick();
        if (!(await runNext())) await sleep(pollMs);
      } catch (error) {
        // The database was busy or briefly unreadable: say so and carry on after a pause.
        log(`Worker: ${error instanceof Error ? error.message : String(error)}`);
        await sleep(Math.max(pollMs, 1000));
      }
    }
  };

  const stop = async (graceMs = 10_000) => {
    stopping = true;
    wake?.();
    const running = current;
    if (!running) return;
    const finished = await Promise.race([running.done.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), graceMs).unref())]);
    if (finished) return;
    running.controller.abort();
    const gaveUp = await Promise.race([running.done.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 1000).unref())]);
    if (!gaveUp) releaseJob(db, running.job.id, id, now());
  };

  return { id, runNext, tick, run, stop };
}
