/** A limit: at most `max` hits per key in each fixed window of `windowMs`. */
export type RateLimit = { key: string; max: number; windowMs: number };
export type RateVerdict = { ok: true; remaining: number } | { ok: false; retryAfterSec: number };

/** The window an instant falls in: windows are aligned to multiples of their length. */
export function windowStart(now: number, windowMs: number): number {
  return Math.floor(now / windowMs) * windowMs;
}

/** What a count (this hit included) means for the caller; Retry-After is whole seconds, at least 1. */
export function verdict(count: number, limit: RateLimit, now: number): RateVerdict {
  if (count <= limit.max) return { ok: true, remaining: limit.max - count };
  const end = windowStart(now, limit.windowMs) + limit.windowMs;
  return { ok: false, retryAfterSec: Math.max(1, Math.ceil((end - now) / 1000)) };
}
