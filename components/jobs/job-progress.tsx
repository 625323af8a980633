'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { cx } from '@/components/ui/cx';
import { isJobActive, type JobSnapshot } from '@/lib/jobs/snapshot';

const POLL_MS = 1000;
// A failed request (the server restarting, a dropped connection) is tried again, more slowly.
const RETRY_MS = 3000;

type Props = {
  /** The job as the page rendered it: the component polls from there while it is queued or running. */
  initial: JobSnapshot;
  /** What a finished job produced, in words; by default "Done". */
  renderDone?: (job: JobSnapshot) => React.ReactNode;
  /** Called once when a job this component saw queued or running settles (after the page is refreshed). */
  onSettled?: (job: JobSnapshot) => void;
  className?: string;
};

/**
 * A job's progress that survives a reload: the page renders the job from the database, and this asks
 * GET /api/jobs/[id] about once a second while the job is queued or running, shows the handler's
 * fraction and message, then the outcome, and refreshes the page once it settles so that the rest of
 * the screen (counts, lists, "last run") catches up. Polling is the exception to "no client fetching"
 * (DESIGN rule 1): the job runs in the worker process, and nothing else tells the page it moved on.
 */
export function JobProgress({ initial, renderDone, onSettled, className }: Props) {
  const router = useRouter();
  const [job, setJob] = useState(initial);
  const [gone, setGone] = useState(false);
  // A fresher render of the page (after router.refresh or an action) brings a newer snapshot: take it.
  const initialKey = `${initial.id}:${initial.state}:${initial.attempts}:${initial.progress}`;
  const [seenKey, setSeenKey] = useState(initialKey);
  if (initialKey !== seenKey) {
    setSeenKey(initialKey);
    setJob(initial);
  }

  const active = isJobActive(job.state);
  // Only a job seen in flight refreshes the page when it settles; one already finished at first render does not.
  const sawActive = useRef(active);
  const settledRef = useRef(onSettled);
  useEffect(() => {
    settledRef.current = onSettled;
  });

  useEffect(() => {
    if (!active || gone) return;
    sawActive.current = true;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      let wait = POLL_MS;
      try {
        const response = await fetch(`/api/jobs/${job.id}`, { cache: 'no-store', headers: { Accept: 'application/json' } });
        if (stopped) return;
        if (response.status === 404) return setGone(true);
        if (response.ok) {
          const next = (await response.json()) as JobSnapshot;
          if (stopped) return;
          setJob(next);
          if (!isJobActive(next.state)) return;
        } else wait = RETRY_MS;
      } catch {
        wait = RETRY_MS;
      }
      if (!stopped) timer = setTimeout(poll, wait);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, gone, job.id]);

  useEffect(() => {
    if (active || !sawActive.current) return;
    sawActive.current = false;
    router.refresh();
    settledRef.current?.(job);
  }, [active, job, router]);

  const percent = job.progress === null ? null : Math.round(job.progress * 100);
  const retrying = job.state === 'queued' && job.attempts > 0 && job.error;

  return (
    <div data-testid="job-progress" data-job-id={job.id} data-state={gone ? 'gone' : job.state} className={cx('min-w-0 text-sm', className)}>
      {gone ? (
        <p className="text-slate-500">This job is no longer kept; finished jobs are cleared out after a while.</p>
      ) : active ? (
        <>
          <div
            role="progressbar"
            aria-label="Progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={job.state === 'running' && percent !== null ? percent : undefined}
            aria-valuetext={job.state === 'queued' ? 'Waiting to start' : percent === null ? 'Working' : `${percent}%`}
            className="h-2 overflow-hidden rounded-full bg-slate-200"
          >
            <div
              className={cx('h-full rounded-full transition-[width] duration-500', job.state === 'queued' ? 'w-0' : 'bg-brand-600', job.state === 'running' && percent === null && 'w-1/3 animate-pulse')}
              style={job.state === 'running' && percent !== null ? { width: `${Math.max(percent, 2)}%` } : undefined}
            />
          </div>
          <p aria-live="polite" className="mt-1.5 flex min-w-0 justify-between gap-3 text-slate-600">
            <span className="min-w-0 break-words">
              {job.state === 'queued' ? (retrying ? `Try ${job.attempts} of ${job.maxAttempts} failed; trying again shortly.` : 'Waiting for the worker to start it…') : (job.message ?? 'Working…')}
            </span>
            {job.state === 'running' && percent !== null ? <span className="shrink-0 tabular-nums text-slate-500">{percent}%</span> : null}
          </p>
          {retrying ? <p className="mt-1 break-words text-xs text-slate-500">Last error: {job.error}</p> : null}
        </>
      ) : job.state === 'done' ? (
        <p aria-live="polite" className="flex min-w-0 items-start gap-1.5 text-emerald-800">
          <CheckIcon />
          <span className="min-w-0 break-words">{renderDone ? renderDone(job) : 'Done'}</span>
        </p>
      ) : (
        <p aria-live="polite" className="break-words text-red-700">
          <span className="font-medium">Failed{job.attempts > 1 ? ` after ${job.attempts} tries` : ''}:</span> {job.error ?? 'no reason was recorded.'}
        </p>
      )}
    </div>
  );
}

function CheckIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="mt-0.5 size-4 shrink-0">
      <path fillRule="evenodd" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0" clipRule="evenodd" />
    </svg>
  );
}
