'use client';

import { JobProgress } from '@/components/jobs/job-progress';
import type { JobSnapshot } from '@/lib/jobs/snapshot';

const fmt = (n: number) => n.toLocaleString('en-US');

/** What the rescore job returned, in words: "1,204 leads scored, 310 changed". */
function summary(result: unknown): string {
  const r = (result ?? {}) as { leads?: unknown; changed?: unknown };
  if (typeof r.leads !== 'number' || typeof r.changed !== 'number') return 'Done';
  if (r.leads === 0) return 'Done: nothing to score again';
  return `Done: ${fmt(r.leads)} ${r.leads === 1 ? 'lead' : 'leads'} scored, ${fmt(r.changed)} ${r.changed === 1 ? 'score' : 'scores'} changed`;
}

/** The latest rescore's progress while it runs in the worker, then its outcome. */
export function RescoreProgress({ job }: { job: JobSnapshot }) {
  return <JobProgress initial={job} renderDone={(j) => summary(j.result)} />;
}
