import Link from 'next/link';
import { cx } from '@/components/ui/cx';
import type { JobState } from '@/db/schema';
import type { JobCounts } from '@/db/queries/jobs';

/** The list's filter, in the order people look: what finished, what runs, what waits, what failed. */
export const STATE_TABS: { state: JobState; label: string }[] = [
  { state: 'done', label: 'Recent' },
  { state: 'running', label: 'Running' },
  { state: 'queued', label: 'Queued' },
  { state: 'failed', label: 'Failed' },
];

/** The states as links (`?state=`, Recent being the default) with how many jobs are in each. */
export function JobStateTabs({ current, counts, hrefFor }: { current: JobState; counts: JobCounts; hrefFor: (state: JobState) => string }) {
  return (
    <nav aria-label="Job states" className="mb-4 grid grid-cols-2 gap-1 rounded-lg bg-slate-200/70 p-0.5 text-sm font-medium sm:inline-grid sm:grid-cols-4">
      {STATE_TABS.map(({ state, label }) => {
        const active = state === current;
        const alarming = state === 'failed' && counts.failed > 0;
        return (
          <Link
            key={state}
            href={hrefFor(state)}
            aria-current={active ? 'page' : undefined}
            data-testid="job-state-tab"
            data-state={state}
            className={cx('flex items-center justify-center gap-2 rounded-md px-3 py-1.5 whitespace-nowrap', active ? 'bg-white text-slate-900 shadow-sm' : 'text-slate-600 hover:text-slate-900')}
          >
            {label}
            <span
              data-testid="job-count"
              className={cx('rounded-full px-1.5 text-xs tabular-nums', alarming ? 'bg-red-600 text-white' : active ? 'bg-slate-100 text-slate-700' : 'bg-slate-300/70 text-slate-700')}
            >
              {counts[state].toLocaleString('en-US')}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
