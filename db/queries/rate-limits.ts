// No 'server-only' here: the HTTP front door (scripts/server.ts) counts public requests with these
// functions outside Next's bundles, and Next's own code counts sign-ins with them too.
import type { Db } from '@/db/client';
import { verdict, windowStart, type RateLimit, type RateVerdict } from '@/lib/http/rate-limit';

/**
 * Counts one hit against a limit and says whether it is allowed. One upsert in the shared database,
 * so every server process counts against the same number.
 */
export function hitRateLimit(db: Db, limit: RateLimit, now: number): RateVerdict {
  const start = windowStart(now, limit.windowMs);
  const row = db.$client
    .prepare(
      `insert into rate_limits (key, window_start, count) values (?, ?, 1)
       on conflict (key, window_start) do update set count = count + 1 returning count`,
    )
    .get(limit.key, start) as { count: number };
  return verdict(row.count, limit, now);
}

/** Whether a limit is already used up, without counting a hit (to refuse before doing the work). */
export function peekRateLimit(db: Db, limit: RateLimit, now: number): RateVerdict {
  const start = windowStart(now, limit.windowMs);
  const row = db.$client.prepare(`select count from rate_limits where key = ? and window_start = ?`).get(limit.key, start) as { count: number } | undefined;
  const count = row?.count ?? 0;
  return count >= limit.max ? verdict(count + 1, limit, now) : { ok: true, remaining: limit.max - count };
}

/** Drops a batch of counters whose window started before `before`; bounded, so cheap to call often. */
export function pruneRateLimits(db: Db, before: number, batch = 500): number {
  return db.$client
    .prepare(`delete from rate_limits where rowid in (select rowid from rate_limits where window_start < ? limit ?)`)
    .run(before, batch).changes;
}
