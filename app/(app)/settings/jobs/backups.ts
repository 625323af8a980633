import 'server-only';
import path from 'node:path';
import { databasePath, type Db } from '@/db/client';
import { listJobs, type JobRow, type ScheduleRow } from '@/db/queries/jobs';
import { DEFAULT_KEEP } from '@/lib/backup/prune';
import { JOB_KINDS } from '@/lib/jobs/kinds';

// What the jobs screen needs to know about backups beyond the queue itself.

/** How many backups the schedule keeps; the default when its payload is missing or unreadable. */
export function backupKeep(schedule: Pick<ScheduleRow, 'payload'> | null): number {
  if (!schedule) return DEFAULT_KEEP;
  try {
    const parsed = JOB_KINDS.backup.payload.safeParse(JSON.parse(schedule.payload));
    return parsed.success ? parsed.data.keep : DEFAULT_KEEP;
  } catch {
    return DEFAULT_KEEP;
  }
}

/**
 * Where the backup job writes, as an absolute path: BACKUP_DIR, else `backups/` beside the database
 * (db/jobs/handlers.ts with db/backup.ts's defaultBackupDir; tests/jobs-screen.test.ts holds the two
 * rules equal). Written out here because importing db/backup.ts into a page makes the build trace
 * the whole project (its paths come from arguments); the ignore comments tell Turbopack these do not.
 */
export function backupFolder(): string {
  const configured = process.env.BACKUP_DIR;
  if (configured) return path.resolve(/*turbopackIgnore: true*/ configured);
  return path.join(/*turbopackIgnore: true*/ path.dirname(databasePath()), 'backups');
}

/** How long finished jobs are kept before the clean-up removes them: FINISHED_JOBS_KEEP_MS of db/jobs/handlers.ts (same reason; the test holds them equal). */
export const FINISHED_JOBS_KEPT_DAYS = 30;

/**
 * The backup to show beside "Back up now": one waiting or running (started by anyone, or by the
 * schedule), else the newest one an admin started that is still on the first page of finished jobs,
 * which is where a backup started a moment ago is. Read from the database, so a reload shows it too.
 */
export function currentBackup(db: Db): JobRow | null {
  const active = [...listJobs(db, 'running', { limit: 50 }), ...listJobs(db, 'queued', { limit: 50 })].find((j) => j.kind === 'backup');
  if (active) return active;
  const finished = [...listJobs(db, 'done', { limit: 50 }), ...listJobs(db, 'failed', { limit: 50 })].filter((j) => j.kind === 'backup' && j.schedule === null);
  return finished.sort((a, b) => (b.finishedAt ?? 0) - (a.finishedAt ?? 0) || b.id - a.id)[0] ?? null;
}
