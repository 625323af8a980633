import 'server-only';
import { and, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { loginAttempts, users } from '@/db/schema';
import { lockoutUntil, LOCKOUT_WINDOW_MS, minutesUntil } from '@/lib/auth/lockout';
import { DUMMY_HASH, verifyPassword } from '@/lib/auth/password';
import type { SessionUser } from './users';

export type SignInResult =
  | { kind: 'ok'; user: SessionUser }
  | { kind: 'wrong' }
  | { kind: 'locked'; minutes: number };

/**
 * Checks an email and password. Unknown email, wrong password and deactivated account all answer
 * 'wrong' (and take the same time), so the form never reveals whether an email has an account.
 */
export function signIn(db: Db, email: string, password: string, now: number): SignInResult {
  const lastSuccess = db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, true)))
    .orderBy(desc(loginAttempts.at))
    .limit(1)
    .get();
  const since = Math.max(now - LOCKOUT_WINDOW_MS, lastSuccess?.at ?? 0);
  const failures = db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.success, false), gt(loginAttempts.at, since)))
    .all()
    .map((r) => r.at);
  const until = lockoutUntil(failures, now);
  if (until !== null) return { kind: 'locked', minutes: minutesUntil(until, now) };

  const user = db.select().from(users).where(eq(users.email, email)).get();
  const matches = verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  const ok = Boolean(user && user.active && matches);
  db.insert(loginAttempts).values({ email, success: ok, at: now }).run();
  if (!ok || !user) return { kind: 'wrong' };
  return { kind: 'ok', user: { id: user.id, name: user.name, email: user.email, role: user.role } };
}
