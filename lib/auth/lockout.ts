export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

/**
 * Given the times of failed sign-ins for one email since its last success (any order), says whether
 * another attempt is refused now and when it is allowed again: 5 failures within 15 minutes lock the
 * email until 15 minutes after the oldest of those 5.
 */
export function lockoutUntil(failedAt: number[], now: number): number | null {
  const recent = failedAt.filter((t) => t > now - LOCKOUT_WINDOW_MS).sort((a, b) => b - a);
  if (recent.length < MAX_FAILED_ATTEMPTS) return null;
  return recent[MAX_FAILED_ATTEMPTS - 1] + LOCKOUT_WINDOW_MS;
}

export function minutesUntil(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / 60_000));
}
