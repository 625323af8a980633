import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { passwordResets, users } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { hashToken, randomToken, RESET_LINK_MS } from '@/lib/auth/tokens';
import { AppError } from '@/lib/errors';
import { PUBLIC_TOKEN } from '@/lib/route-params';
import { recordAttempt } from './auth';
import { revokeUserSessions } from './sessions';

/** One answer for used, expired, unknown and malformed links alike. */
export const INVALID_LINK = 'This link is not valid or has expired.';

// Only the token's hash is stored; the link itself is shown once, to the admin who made it.

/**
 * An admin makes a one-time reset link for a user: it works for 24 hours, replaces any earlier
 * unused link, and signs the user out everywhere at once (whoever knew the old password is out).
 */
export function createPasswordReset(db: Db, userId: number, actorId: number, now: number): { token: string; expiresAt: number } {
  if (userId === actorId) throw new AppError('Change your own password on your profile page');
  const token = randomToken();
  const expiresAt = now + RESET_LINK_MS;
  db.transaction((tx) => {
    const user = tx.select({ active: users.active }).from(users).where(eq(users.id, userId)).get();
    if (!user) throw new AppError('That user no longer exists');
    if (!user.active) throw new AppError('Reactivate this user before resetting their password');
    tx.update(passwordResets)
      .set({ expiresAt: now })
      .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .run();
    tx.insert(passwordResets).values({ userId, tokenHash: hashToken(token), createdBy: actorId, createdAt: now, expiresAt }).run();
    revokeUserSessions(db, userId, now);
  });
  return { token, expiresAt };
}

function validReset(db: Db, token: string, now: number) {
  // The shape is checked before any lookup: junk never reaches the database.
  if (!PUBLIC_TOKEN.test(token)) return null;
  return (
    db
      .select({ id: passwordResets.id, userId: users.id, email: users.email })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now), eq(users.active, true)))
      .get() ?? null
  );
}

/** Whose password a link resets, or null when it is not a link that works now. */
export function findPasswordReset(db: Db, token: string, now = Date.now()): { email: string } | null {
  const reset = validReset(db, token, now);
  return reset ? { email: reset.email } : null;
}

/**
 * Sets the new password from a reset link: the link is used up, every session of the user ends, and
 * the address counts as one that signed in (it proved the account is theirs), so an earlier lockout
 * from there does not keep them from signing in with the new password.
 */
export function resetPassword(db: Db, input: { token: string; newPassword: string; ip: string }, now: number): { email: string } {
  if (!validReset(db, input.token, now)) throw new AppError(INVALID_LINK);
  const passwordHash = hashPassword(input.newPassword);
  return db.transaction(() => {
    // Checked again inside the transaction: two submits of one link must not both succeed.
    const reset = validReset(db, input.token, now);
    if (!reset) throw new AppError(INVALID_LINK);
    db.update(passwordResets).set({ usedAt: now }).where(eq(passwordResets.id, reset.id)).run();
    db.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, reset.userId)).run();
    revokeUserSessions(db, reset.userId, now);
    recordAttempt(db, reset.email, input.ip, true, now);
    return { email: reset.email };
  });
}
