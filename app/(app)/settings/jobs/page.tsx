import type { Metadata } from 'next';
import { z } from 'zod';
import { Pagination } from '@/components/list/pagination';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { databasePath } from '@/db/client';
import { countJobs, lastScheduledJobs, latestJob, listJobs, listSchedules, scheduleNextRuns } from '@/db/queries/jobs';
import { listUsers } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { JOB_STATES, type JobState } from '@/db/schema';
import { requireRole } from '@/lib/auth/session';
import { backupDirectory } from '@/lib/backup/naming';
import { formatInstant, nowMs } from '@/lib/dates';
import { FINISHED_JOBS_KEPT_DAYS, backupsKept, jobLabel } from '@/lib/jobs/kinds';
import { dailyTime, describeCron } from '@/lib/jobs/schedule';
import { toJobSnapshot } from '@/lib/jobs/snapshot';
import { PAGE_SIZE, clampPage, firstParam, hrefWithParams, parsePage, type SearchParams } from '@/lib/list/params';
import { BackUpNowButton } from './_components/back-up-now';
import { BackupScheduleForm } from './_components/backup-schedule-form';
import { JobList } from './_components/job-list';
import { JobStateTabs } from './_components/job-state-tabs';
import { LiveJob } from './_components/live-job';
import { RetriedJobsProvider } from './_components/retried-jobs';
import { ScheduleCard } from './_components/schedule-card';
import { ScheduleSwitch } from './_components/schedule-switch';

export const metadata: Metadata = { title: 'Jobs' };

const DEFAULT_STATE: JobState = 'done';
// URL parameters are user input: an unknown state shows the default list rather than failing.
const stateParam = z.enum(JOB_STATES).catch(DEFAULT_STATE);
// Queued jobs are taken within a second when the worker runs: one due this long ago means it does not.
const STALLED_AFTER_MS = 60_000;

/** What the schedules without a form of their own do, for the line beside their switch. */
const SCHEDULE_NOTES: Record<string, string> = {
  prune: `Keeps the database from filling up with rows nothing needs any more: spent sign-in attempts, ended sessions, old rate limits, and jobs finished over ${FINISHED_JOBS_KEPT_DAYS} days ago.`,
};

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRole('admin');
  const params = await searchParams;
  const db = getDb();
  const now = nowMs();
  const { timezone } = getWorkspace(db);

  const schedules = listSchedules(db);
  const nextRuns = scheduleNextRuns(db, now);
  const lastRuns = lastScheduledJobs(db);
  const backup = latestJob(db, 'backup');
  const backupBusy = backup !== null && (backup.state === 'queued' || backup.state === 'running');

  const state = stateParam.parse(firstParam(params, 'state'));
  const counts = countJobs(db);
  const page = clampPage(parsePage(firstParam(params, 'page')), counts[state]);
  const jobs = listJobs(db, state, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const userNames = new Map(listUsers(db).map((u) => [u.id, u.name]));
  const [oldestQueued] = listJobs(db, 'queued', { limit: 1 });
  const stalledSince = oldestQueued && oldestQueued.runAt < now - STALLED_AFTER_MS ? oldestQueued.runAt : null;

  const hrefFor = (s: JobState, p = 1) => {
    const q = new URLSearchParams();
    if (s !== DEFAULT_STATE) q.set('state', s);
    if (p > 1) q.set('page', String(p));
    return hrefWithParams('/settings/jobs', q);
  };

  return (
    <>
      <PageHeader
        title="Jobs"
        description="Work Keel does in the background: the nightly backup, clearing out old data, and jobs people start. One worker runs them, one at a time, in the order they were queued."
      />
      {stalledSince !== null ? (
        <div className="mb-6">
          <Alert>
            Jobs are waiting and none has run since {formatInstant(stalledSince, timezone)}. The worker is started by <code>npm start</code>; if the server runs,
            its log says why the worker stopped.
          </Alert>
        </div>
      ) : null}

      <section aria-labelledby="schedules-heading" className="mb-8">
        <h2 id="schedules-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Schedules
        </h2>
        <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          {schedules.map((s) => {
            const card = { name: s.name, title: jobLabel(s.kind), when: describeCron(s.cron), timeZone: timezone, enabled: s.enabled, nextRunAt: nextRuns.get(s.name) ?? null, lastJob: lastRuns.get(s.name) ?? null };
            if (s.name !== 'backup') {
              return (
                <ScheduleCard key={s.name} {...card}>
                  <ScheduleSwitch name={s.name} enabled={s.enabled} description={SCHEDULE_NOTES[s.name] ?? 'Runs on its schedule while on.'} />
                </ScheduleCard>
              );
            }
            return (
              <ScheduleCard key={s.name} {...card}>
                <BackupScheduleForm time={dailyTime(s.cron)} cron={s.cron} keep={backupsKept(s.payload)} enabled={s.enabled} timeZone={timezone} />
                <div className="mt-5 border-t border-slate-100 pt-4">
                  <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                    <div className="min-w-0 text-sm">
                      <p className="font-medium text-slate-900">Backups go to</p>
                      <code data-testid="backup-folder" className="mt-0.5 block break-all text-xs text-slate-600">
                        {backupDirectory(databasePath())}
                      </code>
                      <p className="mt-1 text-xs text-slate-500">Copy this folder to another machine regularly: a backup on the same disk goes down with it.</p>
                    </div>
                    <BackUpNowButton busy={backupBusy} />
                  </div>
                  {backup ? (
                    <div className="mt-4 rounded-lg bg-slate-50 px-3 py-2.5" data-testid="current-backup">
                      <p className="mb-1.5 text-xs text-slate-500">
                        {backup.schedule === null ? 'Backup started' : 'Scheduled backup, queued'} {formatInstant(backup.createdAt, timezone)}
                        {backup.createdBy !== null ? ` by ${userNames.get(backup.createdBy) ?? 'a removed user'}` : ''}
                      </p>
                      <LiveJob initial={toJobSnapshot(backup)} />
                    </div>
                  ) : null}
                </div>
              </ScheduleCard>
            );
          })}
          {schedules.length === 0 ? (
            <Card className="p-5 text-sm text-slate-600">No schedules: they are added by the migrations, which `npm start` applies.</Card>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="jobs-heading">
        <h2 id="jobs-heading" className="mb-3 text-lg font-semibold text-slate-900">
          Jobs
        </h2>
        <RetriedJobsProvider>
          <JobStateTabs current={state} counts={counts} hrefFor={(s) => hrefFor(s)} />
          <JobList jobs={jobs} state={state} timeZone={timezone} userNames={userNames} now={now} keptDays={FINISHED_JOBS_KEPT_DAYS} />
          <Pagination page={page} total={counts[state]} hrefFor={(p) => hrefFor(state, p)} />
        </RetriedJobsProvider>
      </section>
    </>
  );
}
