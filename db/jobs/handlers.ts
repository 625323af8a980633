import 'server-only';
import { BackupError, backupDatabase } from '@/db/backup';
import type { Db } from '@/db/client';
import { pruneLoginAttempts } from '@/db/queries/auth';
import { applyImport } from '@/db/queries/import-apply';
import { applyUndo } from '@/db/queries/import-undo';
import { pruneJobs } from '@/db/queries/jobs';
import { rescoreOpenLeads } from '@/db/queries/lead-scoring';
import { rebuildMatchKeys } from '@/db/queries/match-keys';
import { pruneRateLimits } from '@/db/queries/rate-limits';
import { pruneSessions } from '@/db/queries/sessions';
import { THROTTLE } from '@/lib/auth/throttle';
import { formatBytes } from '@/lib/backup/format';
import { backupDirectory } from '@/lib/backup/naming';
import { FINISHED_JOBS_KEPT_DAYS, parsePayload, type JobKind, type JobPayload } from '@/lib/jobs/kinds';

// What each kind of job does (the kinds and their payloads: lib/jobs/kinds.ts). A handler may run more
// than once for one job (a retry, or the worker stopped mid-job), so each one is safe to repeat: a
// second backup is another good backup, a second prune finds less to delete.

export type JobContext = {
  db: Db;
  /** The live database file (the backup reads it with its own connection). */
  databaseFile: string;
  now: () => number;
  /** Reports how far along the job is, for the screen that started it; cheap to call often. */
  progress: (fraction: number | null, message: string | null) => void;
  /** Aborted when the worker is asked to stop: a long handler should end early and throw. */
  signal: AbortSignal;
};

export type JobHandler<K extends JobKind> = (payload: JobPayload<K>, ctx: JobContext) => Promise<unknown> | unknown;
export type JobHandlers = { [K in JobKind]: JobHandler<K> };

// Rate-limit windows go after an hour (longer than any window in lib/http/public-limits.ts).
const RATE_LIMIT_KEEP_MS = 60 * 60_000;

export const jobHandlers: JobHandlers = {
  async backup({ keep }, ctx) {
    ctx.progress(0, 'Copying the database');
    const dir = backupDirectory(ctx.databaseFile);
    try {
      const result = await backupDatabase({
        file: ctx.databaseFile,
        dir,
        keep,
        onProgress: ({ totalPages, remainingPages }) => totalPages && ctx.progress((0.7 * (totalPages - remainingPages)) / totalPages, 'Copying the database'),
        onStep: (step) => ctx.progress(step === 'check' ? 0.7 : 0.95, step === 'check' ? 'Checking the copy' : 'Removing old backups'),
      });
      return { file: result.file, size: formatBytes(result.bytes), pruned: result.pruned.length, warnings: result.warnings };
    } catch (error) {
      // A backup that cannot be made names its cause plainly; BackupError messages already do.
      if (error instanceof BackupError) throw new Error(error.message);
      throw error;
    }
  },

  prune(_payload, ctx) {
    const now = ctx.now();
    const removed = { signInAttempts: 0, sessions: 0, rateLimitWindows: 0, jobs: 0 };
    // Bounded batches, repeated: each one is a short write, so the web processes are never held up.
    const drain = (step: () => number) => {
      let total = 0;
      for (let n = step(); n > 0; n = step()) total += n;
      return total;
    };
    removed.signInAttempts = drain(() => pruneLoginAttempts(ctx.db, now, 500));
    ctx.progress(0.25, 'Sessions');
    removed.sessions = drain(() => pruneSessions(ctx.db, now, THROTTLE.keepFor, 500));
    ctx.progress(0.5, 'Rate limits');
    removed.rateLimitWindows = drain(() => pruneRateLimits(ctx.db, now - RATE_LIMIT_KEEP_MS, 500));
    ctx.progress(0.75, 'Finished jobs');
    removed.jobs = drain(() => pruneJobs(ctx.db, now - FINISHED_JOBS_KEPT_DAYS * 86_400_000, 500));
    return removed;
  },

  match_keys(_payload, ctx) {
    return rebuildMatchKeys(ctx.db, ctx.progress);
  },

  import({ batchId }, ctx) {
    return applyImport(ctx.db, batchId, ctx);
  },

  import_undo({ batchId }, ctx) {
    return applyUndo(ctx.db, batchId, ctx);
  },

  lead_rescore(payload, ctx) {
    return rescoreOpenLeads(ctx.db, payload, ctx);
  },

  async noop({ ms }, ctx) {
    const end = ctx.now() + ms;
    while (ctx.now() < end) {
      if (ctx.signal.aborted) throw new Error('Stopped');
      ctx.progress(1 - (end - ctx.now()) / ms, 'Waiting');
      await new Promise((resolve) => setTimeout(resolve, Math.min(100, end - ctx.now())));
    }
    return null;
  },
};

/** Runs a job's handler with its payload checked again (the row may be older than this code). */
export function runHandler(handlers: JobHandlers, kind: JobKind, payload: unknown, ctx: JobContext): Promise<unknown> {
  const checked = parsePayload(kind, payload);
  return Promise.resolve((handlers[kind] as JobHandler<typeof kind>)(checked as never, ctx));
}
