// The supervisor's rules (scripts/start.ts), kept pure so they can be tested without processes.

export const MAX_WEB_CONCURRENCY = 32;

/** How many web processes to run: WEB_CONCURRENCY when set, else one per core. Throws on nonsense. */
export function webConcurrency(value: string | undefined, cores: number): number {
  if (value === undefined || value.trim() === '') return Math.max(1, Math.min(MAX_WEB_CONCURRENCY, cores));
  const n = Number(value.trim());
  if (!Number.isInteger(n) || n < 1 || n > MAX_WEB_CONCURRENCY) {
    throw new RangeError(`WEB_CONCURRENCY must be a whole number from 1 to ${MAX_WEB_CONCURRENCY}, got "${value}"`);
  }
  return n;
}

// A process that dies is started again after 1 s, then 2, 4 … up to 30 s while it keeps dying; one that
// ran for a minute before dying counts as healthy again and restarts after 1 s.
export const RESTART_BASE_MS = 1_000;
export const RESTART_CAP_MS = 30_000;
export const HEALTHY_AFTER_MS = 60_000;

/** The failures in a row after this exit: reset when the process had run long enough to count as healthy. */
export function failuresInARow(previous: number, ranForMs: number): number {
  return ranForMs >= HEALTHY_AFTER_MS ? 1 : previous + 1;
}

export function restartDelayMs(failures: number): number {
  return Math.min(RESTART_CAP_MS, RESTART_BASE_MS * 2 ** Math.max(0, Math.min(failures - 1, 20)));
}

/** Why a process ended, in words for the log. */
export function exitReason(code: number | null, signal: string | null): string {
  if (signal) return `was killed by ${signal}`;
  return `exited with code ${code ?? 'unknown'}`;
}
