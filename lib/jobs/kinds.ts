import { z } from 'zod';
import { DEFAULT_KEEP } from '@/lib/backup/prune';

// Every kind of job the worker runs: its payload (checked when the job is enqueued and again when it
// runs, since the row may be older than the code), a label for the jobs screen and how many times it
// is tried. The handlers live in db/jobs/handlers.ts, one per kind here.

export const MAX_BACKUPS_KEPT = 365;
/** Why leads are scored again: the rules changed, the decay setting changed, or a day passed (decay). */
export const LEAD_RESCORE_REASONS = ['rules', 'settings', 'decay'] as const;
export type LeadRescoreReason = (typeof LEAD_RESCORE_REASONS)[number];
/** The hourly prune job deletes jobs that finished longer ago than this. */
export const FINISHED_JOBS_KEPT_DAYS = 30;

export const JOB_KINDS = {
  backup: {
    label: 'Database backup',
    payload: z.object({ keep: z.int().min(1).max(MAX_BACKUPS_KEPT) }),
    maxAttempts: 3,
  },
  prune: {
    label: 'Clear out old sign-in attempts, sessions and jobs',
    payload: z.object({}),
    maxAttempts: 3,
  },
  // Every contact's and company's match keys and duplicate pairs, from scratch (after the migration that added them).
  match_keys: {
    label: 'Find duplicate contacts and companies',
    payload: z.object({}),
    maxAttempts: 3,
  },
  // Writes a confirmed import's rows in batches (db/queries/import-apply.ts); a retry carries on where it stopped.
  import: {
    label: 'Import contacts, companies or deals',
    payload: z.object({ batchId: z.int().positive() }),
    maxAttempts: 5,
  },
  // Undoes an import: deletes what it created and restores what it changed, unless changed since (db/queries/import-undo.ts).
  import_undo: {
    label: 'Undo an import',
    payload: z.object({ batchId: z.int().positive() }),
    maxAttempts: 5,
  },
  // Scores every lead not yet converted again, in batches (db/queries/lead-scoring.ts): after the scoring
  // rules or the engagement decay change (`rules`, `settings`), and daily so engagement fades (`decay`).
  lead_rescore: {
    label: 'Rescore open leads',
    payload: z.object({ reason: z.enum(LEAD_RESCORE_REASONS).default('decay'), userId: z.int().positive().nullable().default(null) }),
    maxAttempts: 3,
  },
  // Does nothing (optionally for `ms`, reporting progress): proves the worker is alive, and is what the
  // queue benchmark drains.
  noop: {
    label: 'Test job',
    payload: z.object({ ms: z.int().min(0).max(10 * 60_000).default(0) }),
    maxAttempts: 3,
  },
} as const;

export type JobKind = keyof typeof JOB_KINDS;
export type JobPayload<K extends JobKind> = z.infer<(typeof JOB_KINDS)[K]['payload']>;

export function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(JOB_KINDS, kind);
}

export function jobLabel(kind: string): string {
  return isJobKind(kind) ? JOB_KINDS[kind].label : kind;
}

/** How many backups a schedule's stored payload keeps; the default when it is missing or unreadable. */
export function backupsKept(payload: string | null | undefined): number {
  try {
    const parsed = JOB_KINDS.backup.payload.safeParse(JSON.parse(payload ?? ''));
    return parsed.success ? parsed.data.keep : DEFAULT_KEEP;
  } catch {
    return DEFAULT_KEEP;
  }
}

/** The payload checked against its kind; throws a ZodError naming the field when it does not fit. */
export function parsePayload<K extends JobKind>(kind: K, payload: unknown): JobPayload<K> {
  return JOB_KINDS[kind].payload.parse(payload) as JobPayload<K>;
}
