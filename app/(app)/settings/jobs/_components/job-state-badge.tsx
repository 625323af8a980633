import { cx } from '@/components/ui/cx';
import type { JobState } from '@/db/schema';

export const JOB_STATE_LABELS: Record<JobState, string> = { queued: 'Queued', running: 'Running', done: 'Done', failed: 'Failed' };

const TONES: Record<JobState, string> = {
  queued: 'bg-slate-100 text-slate-700',
  running: 'bg-sky-100 text-sky-800',
  done: 'bg-emerald-100 text-emerald-800',
  failed: 'bg-red-100 text-red-800',
};

export function JobStateBadge({ state }: { state: JobState }) {
  return (
    <span data-testid="job-state" data-state={state} className={cx('inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap', TONES[state])}>
      {JOB_STATE_LABELS[state]}
    </span>
  );
}
