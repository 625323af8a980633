// When a failed job is tried again: 10 s after the first failure, doubling each time, never more
// than an hour apart. No jitter: there is one worker, so retries cannot stampede.

export const RETRY_BASE_MS = 10_000;
export const RETRY_CAP_MS = 60 * 60_000;

/** The wait before the next try, after `attempts` tries have failed (1 or more). */
export function retryDelayMs(attempts: number, base = RETRY_BASE_MS, cap = RETRY_CAP_MS): number {
  const n = Math.max(1, Math.floor(attempts));
  return Math.min(cap, base * 2 ** Math.min(n - 1, 30));
}

/** A retry after this failure, or none when the job has used up its tries. */
export function nextAttempt(attempts: number, maxAttempts: number, now: number): { retryAt: number } | null {
  return attempts < maxAttempts ? { retryAt: now + retryDelayMs(attempts) } : null;
}
