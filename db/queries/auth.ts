import 'server-only';
import { and, desc, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { loginAttempts, users } from '@/db/schema';
import { DUMMY_HASH, verifyPassword } from '@/lib/auth/password';
import { minutesUntil, THROTTLE, throttledUntil, UNKNOWN_ADDRESS, type AttemptHistory } from '@/lib/auth/throttle';
import type { SessionUser } from './users';

export type SignInResult = { kind: 'ok'; user: SessionUser } | { kind: 'wrong' } | { kind: 'locked'; minutes: number };

const failed = eq(loginAttempts.success, false);

function failureTimes(db: Db, where: ReturnType<typeof and>, since: number, limit: number): number[] {
  return db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(where, failed, gt(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.at))
    .limit(limit)
    .all()
    .map((r) => r.at);
}

/**
 * The recent attempts lib/auth/throttle.ts judges, read with the (email, at) and (ip, at) indexes;
 * each list stops at its limit, so an attacker's flood does not make the check slower.
 */
export function attemptHistory(db: Db, email: string, ip: string, now: number): AttemptHistory {
  const pairWhere = and(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip));
  const lastPairSuccess =
    db
      .select({ at: sql<number | null>`max(${loginAttempts.at})` })
      .from(loginAttempts)
      .where(and(pairWhere, eq(loginAttempts.success, true)))
      .get()?.at ?? 0;
  const { pair, addressAccounts, addressFailures, account } = THROTTLE;
  return {
    pair: failureTimes(db, pairWhere, Math.max(now - pair.windowMs, lastPairSuccess), pair.max),
    address: failureTimes(db, eq(loginAttempts.ip, ip), now - addressFailures.windowMs, addressFailures.max),
    addressEmails: db
      .select({ at: sql<number>`max(${loginAttempts.at})` })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), failed, gt(loginAttempts.at, now - addressAccounts.windowMs)))
      .groupBy(loginAttempts.email)
      .orderBy(desc(sql`max(${loginAttempts.at})`))
      .limit(addressAccounts.max)
      .all()
      .map((r) => r.at),
    account: failureTimes(db, eq(loginAttempts.email, email), now - account.windowMs, account.max),
    // Requests without an address share one bucket, which can never vouch for anyone.
    knownAddress:
      ip !== UNKNOWN_ADDRESS &&
      Boolean(
        db
          .select({ id: loginAttempts.id })
          .from(loginAttempts)
          .where(and(pairWhere, eq(loginAttempts.success, true), gt(loginAttempts.at, now - THROTTLE.knownFor)))
          .limit(1)
          .get(),
      ),
  };
}

/** Minutes until this email may be tried from this address again, or null when it may be now. */
function throttledMinutes(db: Db, email: string, ip: string, now: number): number | null {
  const until = throttledUntil(attemptHistory(db, email, ip, now), now);
  return until === null ? null : minutesUntil(until, now);
}

export function recordAttempt(db: Db, email: string, ip: string, success: boolean, now: number): void {
  db.insert(loginAttempts).values({ email, ip, success, at: now }).run();
}

/** Drops a batch of attempts older than anything the throttle reads (the hourly prune job repeats it). */
export function pruneLoginAttempts(db: Db, now: number, batch = 100): number {
  const old = db.select({ id: loginAttempts.id }).from(loginAttempts).where(lt(loginAttempts.at, now - THROTTLE.keepFor)).limit(batch);
  return db.delete(loginAttempts).where(sql`${loginAttempts.id} in ${old}`).run().changes;
}

/**
 * Checks an email and password from an address. Unknown email, wrong password and deactivated
 * account all answer 'wrong' (and take the same time), and throttling answers the same whether the
 * email has an account or not, so the form never reveals which emails have one.
 */
export function signIn(db: Db, email: string, password: string, ip: string, now: number): SignInResult {
  const minutes = throttledMinutes(db, email, ip, now);
  if (minutes !== null) return { kind: 'locked', minutes };

  const user = db.select().from(users).where(eq(users.email, email)).get();
  const matches = verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  const ok = Boolean(user && user.active && matches);
  recordAttempt(db, email, ip, ok, now);
  if (!ok || !user) return { kind: 'wrong' };
  return { kind: 'ok', user: { id: user.id, name: user.name, email: user.email, role: user.role } };
}
