'use client';

import { JobProgress } from '@/components/jobs/job-progress';
import type { JobSnapshot } from '@/lib/jobs/snapshot';

/**
 * The import's (or its undo's) job progress. A server page cannot hand JobProgress a function, so
 * the words for the finished job come as text; the page refreshes when the job settles and then
 * renders the final counts from the batch.
 */
export function ImportJob({ initial, doneText }: { initial: JobSnapshot; doneText: string }) {
  return <JobProgress initial={initial} renderDone={() => doneText} />;
}
