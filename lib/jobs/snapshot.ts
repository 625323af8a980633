import type { JobState } from '@/db/schema';

/**
 * What a screen shows of one job while it runs: the same shape from the page that renders it first
 * and from GET /api/jobs/[id] that the progress bar polls, so the two can never disagree.
 */
export type JobSnapshot = {
  id: number;
  kind: string;
  state: JobState;
  /** 0..1 while running, null when the handler has not said. */
  progress: number | null;
  message: string | null;
  error: string | null;
  /** What the handler returned (JSON), null until it is done. */
  result: unknown;
  attempts: number;
  maxAttempts: number;
};

type JobFields = Pick<JobSnapshot, 'id' | 'kind' | 'state' | 'progress' | 'attempts' | 'maxAttempts'> & {
  progressMessage: string | null;
  lastError: string | null;
  result: string | null;
};

/** A stored result is JSON written by the worker; one that does not parse is shown as nothing rather than breaking the screen. */
export function parseJobResult(result: string | null): unknown {
  if (result === null) return null;
  try {
    return JSON.parse(result);
  } catch {
    return null;
  }
}

export function toJobSnapshot(job: JobFields): JobSnapshot {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    progress: job.progress,
    message: job.progressMessage,
    error: job.lastError,
    result: parseJobResult(job.result),
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
  };
}

/** Queued or running: the worker has yet to settle it, so a screen keeps asking. */
export function isJobActive(state: JobState): boolean {
  return state === 'queued' || state === 'running';
}
