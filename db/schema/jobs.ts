import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns';
import { users } from './auth';

export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

// The durable job queue (db/queries/jobs.ts): one row per piece of work that happens later, run by
// the one worker process (db/jobs/worker.ts). A row is inserted in the same transaction as the change
// that causes it, so a rolled-back change leaves no job behind.
export const jobs = sqliteTable(
  'jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    // JSON, checked against the kind's zod schema (lib/jobs/kinds.ts) when enqueued and when run.
    payload: text('payload').notNull().default('{}'),
    state: text('state', { enum: JOB_STATES }).notNull().default('queued'),
    // Not before this instant: a new job runs now, a retry after its back-off.
    runAt: integer('run_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull(),
    lastError: text('last_error'),
    // 0..1 and a line of text, written by the handler while it runs; the screen that started the job reads them.
    progress: real('progress'),
    progressMessage: text('progress_message'),
    // JSON the handler returned (say, the backup's file name), for the jobs screen.
    result: text('result'),
    // host:pid:nonce of the worker running it (or that last ran it), and when that worker last said it was alive.
    lockedBy: text('locked_by'),
    heartbeatAt: integer('heartbeat_at'),
    // A schedule's run or any other job that must exist once: a second insert with the same key is ignored.
    uniqueKey: text('unique_key'),
    schedule: text('schedule'),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
  },
  (t) => [
    index('jobs_state_run_at_idx').on(t.state, t.runAt, t.id),
    index('jobs_created_at_idx').on(t.createdAt),
    index('jobs_finished_at_idx').on(t.state, t.finishedAt),
    uniqueIndex('jobs_unique_key_unique').on(t.uniqueKey),
    index('jobs_created_by_idx').on(t.createdBy),
    // The jobs screen's "last run" of each schedule, and the latest job of a kind beside its button.
    index('jobs_schedule_idx').on(t.schedule, t.id),
    index('jobs_kind_idx').on(t.kind, t.id),
  ],
);

// Recurring jobs: a cron expression read in the workspace's time zone. The worker enqueues one job
// for the latest slot that has passed since `lastSlotAt`, so slots missed while it was down are
// caught up once, not once each.
export const jobSchedules = sqliteTable(
  'job_schedules',
  {
    name: text('name').primaryKey(),
    kind: text('kind').notNull(),
    cron: text('cron').notNull(),
    payload: text('payload').notNull().default('{}'),
    enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
    // The slot most recently enqueued (or, for a new schedule, when it was first seen): slots after it are due.
    lastSlotAt: integer('last_slot_at'),
    updatedAt: updatedAt(),
    updatedBy: integer('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('job_schedules_updated_by_idx').on(t.updatedBy)],
);
