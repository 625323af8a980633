'use client';

import { JobProgress } from '@/components/jobs/job-progress';
import type { JobSnapshot } from '@/lib/jobs/snapshot';
import { describeJobResult } from './job-result';

/** A job's live progress on this screen, its outcome told the way the jobs list tells it. */
export function LiveJob({ initial, className }: { initial: JobSnapshot; className?: string }) {
  return (
    <JobProgress
      initial={initial}
      className={className}
      renderDone={(job) => {
        const { summary, warnings } = describeJobResult(job.kind, job.result);
        return (
          <>
            Done{summary ? <>: <span data-testid="job-result">{summary}</span></> : null}
            {warnings.map((w) => (
              <span key={w} className="mt-0.5 block text-amber-700">
                {w}
              </span>
            ))}
          </>
        );
      }}
    />
  );
}
