'use server';

import { revalidatePath } from 'next/cache';
import { enqueueJob, getJob, getSchedule, listJobs, retryJob, scheduleNextRuns, updateSchedule } from '@/db/queries/jobs';
import { defineAction } from '@/lib/actions';
import { AppError } from '@/lib/errors';
import { backupsKept, jobLabel, parsePayload } from '@/lib/jobs/kinds';
import { dailyCron } from '@/lib/jobs/schedule';
import { backupScheduleSchema, jobIdSchema, noInput, scheduleEnabledSchema } from '@/lib/jobs/schemas';
import { toJobSnapshot } from '@/lib/jobs/snapshot';

const ADMIN = ['admin'] as const;
const refresh = () => revalidatePath('/settings/jobs');

/** The nightly backup: its time of day, how many backups it keeps, and whether it runs at all. */
export const updateBackupScheduleAction = defineAction({ schema: backupScheduleSchema, roles: ADMIN }, ({ time, keep, enabled }, { db, user }) => {
  const now = Date.now();
  if (!updateSchedule(db, 'backup', { cron: dailyCron(time), payload: parsePayload('backup', { keep }), enabled }, user.id, now))
    throw new AppError('The backup schedule is missing from the database; run the migrations again (npm start does).');
  refresh();
  return { nextRunAt: scheduleNextRuns(db, now).get('backup') ?? null };
});

/** Turns any schedule on or off (the clean-up has nothing else to set). */
export const setScheduleEnabledAction = defineAction({ schema: scheduleEnabledSchema, roles: ADMIN }, ({ name, enabled }, { db, user }) => {
  if (!updateSchedule(db, name, { enabled }, user.id, Date.now())) throw new AppError('That schedule no longer exists.');
  refresh();
  return { enabled };
});

/**
 * A backup now, keeping as many as the schedule does (the backup job prunes to that number, so a
 * different number here would quietly delete the schedule's older backups). One at a time: a second
 * click while one waits or runs would copy the same database again.
 */
export const backUpNowAction = defineAction({ schema: noInput, roles: ADMIN }, (_input, { db, user }) => {
  const underWay = [...listJobs(db, 'running', { limit: 50 }), ...listJobs(db, 'queued', { limit: 50 })].some((j) => j.kind === 'backup');
  if (underWay) throw new AppError('A backup is already under way: its progress shows below.');
  const id = enqueueJob(db, 'backup', { keep: backupsKept(getSchedule(db, 'backup')?.payload) }, { createdBy: user.id });
  refresh();
  return { id };
});

/** An admin's "Retry" on a failed job: queued again now, with a fresh set of tries. */
export const retryJobAction = defineAction({ schema: jobIdSchema, roles: ADMIN }, ({ id }, { db }) => {
  const retried = retryJob(db, id, Date.now());
  refresh();
  const job = getJob(db, id);
  if (!job) throw new AppError('This job is no longer kept, so it cannot be retried.');
  // Someone retried it already (another tab, another admin): the refreshed list shows where it is now.
  if (!retried) throw new AppError(`This job is ${job.state} now, not failed, so there is nothing to retry.`);
  return { label: jobLabel(job.kind), job: toJobSnapshot(job) };
});
