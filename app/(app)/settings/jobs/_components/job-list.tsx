import { parseJobResult, toJobSnapshot } from '@/lib/jobs/snapshot';
import { Card } from '@/components/ui/card';
import type { JobRow } from '@/db/queries/jobs';
import type { JobState } from '@/db/schema';
import { formatDuration } from '@/lib/backup/format';
import { dateInZone, formatInstant, formatTimeOfDay } from '@/lib/dates';
import { jobLabel } from '@/lib/jobs/kinds';
import { describeJobResult } from './job-result';
import { JobStateBadge } from './job-state-badge';
import { LiveJob } from './live-job';
import { RetryButton } from './retried-jobs';

type Props = {
  jobs: JobRow[];
  state: JobState;
  timeZone: string;
  /** Who started each job, by user id. */
  userNames: Map<number, string>;
  now: number;
  /** How long finished jobs are kept, in days, for the empty Recent list. */
  keptDays: number;
};

/** What an empty list means, and what to do about it. */
function emptyText(state: JobState, keptDays: number): { title: string; body: string } {
  switch (state) {
    case 'queued':
      return { title: 'Nothing is waiting', body: 'A job waits here between being started and the worker taking it, which is usually under a second, or until its next try after a failure.' };
    case 'running':
      return { title: 'Nothing is running right now', body: 'The worker runs one job at a time. Click Back up now above to start a backup and follow it here.' };
    case 'failed':
      return { title: 'No failed jobs', body: 'A job that fails every try stops here with its error. Fix the cause the error names, then retry it.' };
    case 'done':
      return { title: 'No finished jobs yet', body: `Scheduled backups and clean-ups show here once they have run, and are kept for ${keptDays} days.` };
  }
}

export function JobList({ jobs, state, timeZone, userNames, now, keptDays }: Props) {
  if (jobs.length === 0) {
    const { title, body } = emptyText(state, keptDays);
    return (
      <Card className="px-4 py-8 text-center sm:px-6" data-testid="jobs-empty">
        <p className="font-medium text-slate-900">{title}</p>
        <p className="mx-auto mt-1 max-w-md text-sm text-slate-500">{body}</p>
      </Card>
    );
  }
  return (
    <Card className="overflow-hidden">
      <ul className="divide-y divide-slate-100" aria-label="Jobs">
        {jobs.map((job) => (
          <JobItem key={job.id} job={job} timeZone={timeZone} userNames={userNames} now={now} />
        ))}
      </ul>
    </Card>
  );
}

function JobItem({ job, timeZone, userNames, now }: { job: JobRow; timeZone: string; userNames: Map<number, string>; now: number }) {
  const label = jobLabel(job.kind);
  const at = (ms: number) => formatInstant(ms, timeZone);
  // The day is said once, when the job was queued; later times that day are only times of day.
  const queuedDay = dateInZone(job.createdAt, timeZone);
  const later = (ms: number) => (dateInZone(ms, timeZone) === queuedDay ? formatTimeOfDay(ms, timeZone) : at(ms));
  const by = job.createdBy !== null ? `by ${userNames.get(job.createdBy) ?? 'a removed user'}` : job.schedule !== null ? 'by its schedule' : 'by Keel';
  const times = [
    job.state === 'queued' && job.runAt > now + 1000 ? `runs after ${later(job.runAt)}` : null,
    job.startedAt !== null && job.state !== 'queued' ? `started ${later(job.startedAt)}` : null,
    job.finishedAt !== null ? `finished ${later(job.finishedAt)}${job.startedAt !== null ? ` (took ${formatDuration(Math.max(0, job.finishedAt - job.startedAt))})` : ''}` : null,
  ].filter(Boolean);

  return (
    <li data-testid="job-row" data-job-id={job.id} data-state={job.state} data-kind={job.kind} className="flex flex-col gap-3 px-4 py-3.5 sm:flex-row sm:items-start sm:gap-4 sm:px-5">
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="font-medium text-slate-900">{label}</span>
          <span className="text-xs text-slate-400">#{job.id}</span>
          <JobStateBadge state={job.state} />
          <span className="text-xs text-slate-500" data-testid="job-attempts">
            Attempt {job.attempts} of {job.maxAttempts}
          </span>
        </div>
        <p className="mt-1 text-xs text-slate-500">
          Queued {at(job.createdAt)} <span data-testid="job-created-by">{by}</span>
          {times.length ? ` · ${times.join(', ')}` : null}
        </p>
        <JobOutcome job={job} at={at} />
      </div>
      {job.state === 'failed' ? (
        <div className="shrink-0">
          <RetryButton id={job.id} label={label} />
        </div>
      ) : null}
    </li>
  );
}

function JobOutcome({ job, at }: { job: JobRow; at: (ms: number) => string }) {
  if (job.state === 'running') return <LiveJob initial={toJobSnapshot(job)} className="mt-2.5 max-w-xl" />;
  // A queued job keeps the error of the try that failed before it (and a retried one its old error,
  // with its tries back to 0): only the first case is waiting out a back-off.
  const backingOff = job.state === 'queued' && job.attempts > 0 && job.lastError !== null;
  if (job.state === 'failed' || backingOff) {
    return (
      <div className="mt-2 max-w-3xl rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-100">
        {job.state === 'queued' ? <p className="mb-0.5 text-xs font-medium">Try {job.attempts} failed; it runs again after {at(job.runAt)}:</p> : null}
        <p data-testid="job-error" className="max-h-32 overflow-y-auto break-words whitespace-pre-wrap">
          {job.lastError ?? 'No reason was recorded.'}
        </p>
      </div>
    );
  }
  if (job.state === 'done') {
    const { summary, warnings } = describeJobResult(job.kind, parseJobResult(job.result));
    if (!summary && warnings.length === 0) return null;
    return (
      <div className="mt-1.5 text-sm break-words text-slate-700">
        {summary ? <p data-testid="job-result">{summary}</p> : null}
        {warnings.map((w) => (
          <p key={w} className="text-amber-700">
            {w}
          </p>
        ))}
      </div>
    );
  }
  return null;
}
