import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import type { JobRow } from '@/db/queries/jobs';
import { formatInstant } from '@/lib/dates';
import { JobStateBadge } from './job-state-badge';

type Props = {
  name: string;
  title: string;
  /** When it runs, in words ("Every day at 02:00"). */
  when: string;
  timeZone: string;
  enabled: boolean;
  nextRunAt: number | null;
  lastJob: JobRow | null;
  children: React.ReactNode;
};

/** One schedule: what it does, when it runs next and how its last run went; its controls below. */
export function ScheduleCard({ name, title, when, timeZone, enabled, nextRunAt, lastJob, children }: Props) {
  return (
    <Card className="@container min-w-0 p-4 sm:p-5" data-testid="schedule" data-name={name}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="text-base font-semibold text-slate-900">{title}</h3>
          <p className="mt-0.5 text-sm break-words text-slate-600" data-testid="schedule-when">
            {when} <span className="text-slate-500">({timeZone})</span>
          </p>
        </div>
        <span className={cx('shrink-0 rounded-full px-2 py-0.5 text-xs font-medium', enabled ? 'bg-emerald-100 text-emerald-800' : 'bg-slate-200 text-slate-600')}>
          {enabled ? 'On' : 'Off'}
        </span>
      </div>
      <dl className="mt-4 grid gap-3 rounded-lg bg-slate-50 px-3 py-2.5 text-sm @md:grid-cols-2">
        <div className="min-w-0">
          <dt className="text-xs font-medium text-slate-500">Next run</dt>
          <dd className="mt-0.5 text-slate-900" data-testid="schedule-next-run">
            {nextRunAt === null ? 'Off' : formatInstant(nextRunAt, timeZone)}
          </dd>
        </div>
        <div className="min-w-0">
          <dt className="text-xs font-medium text-slate-500">Last run</dt>
          <dd className="mt-0.5 text-slate-900" data-testid="schedule-last-run">
            <LastRun job={lastJob} timeZone={timeZone} />
          </dd>
        </div>
      </dl>
      <div className="mt-4">{children}</div>
    </Card>
  );
}

function LastRun({ job, timeZone }: { job: JobRow | null; timeZone: string }) {
  if (!job) return <span className="text-slate-500">Not yet</span>;
  const at = job.finishedAt ?? job.startedAt ?? job.createdAt;
  return (
    <>
      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <span>{formatInstant(at, timeZone)}</span>
        <JobStateBadge state={job.state} />
      </span>
      {job.state === 'failed' && job.lastError ? <span className="mt-1 block text-xs break-words text-red-700">{job.lastError}</span> : null}
    </>
  );
}
