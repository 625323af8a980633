import 'server-only';
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users, type Role } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import type { CreateUserInput } from '@/lib/users/schemas';
import { signIn } from './auth';
import { revokeUserSessions } from './sessions';

export type SessionUser = { id: number; name: string; email: string; role: Role };

const publicColumns = { id: users.id, name: users.name, email: users.email, role: users.role };

export function listUsers(db: Db) {
  return db
    .select({ ...publicColumns, active: users.active, createdAt: users.createdAt })
    .from(users)
    .orderBy(desc(users.active), asc(users.name))
    .all();
}

/** Active users, for owner pickers. */
export function listActiveUsers(db: Db) {
  return db.select(publicColumns).from(users).where(eq(users.active, true)).orderBy(asc(users.name)).all();
}

/** Every user's name by id, deactivated ones too: history names whoever did something. */
export function listUserNames(db: Db): Map<number, string> {
  return new Map((db.$client.prepare('select id, name from users').all() as { id: number; name: string }[]).map((u) => [u.id, u.name]));
}

export function createUser(db: Db, input: CreateUserInput): SessionUser {
  const taken = db.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
  if (taken) throw new AppError('That email already has an account', { email: 'That email already has an account' });
  return db
    .insert(users)
    .values({ name: input.name, email: input.email, role: input.role, passwordHash: hashPassword(input.password) })
    .returning(publicColumns)
    .get();
}

function otherActiveAdmins(db: Db, userId: number): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.active, true), ne(users.id, userId)))
      .get()?.n ?? 0
  );
}

export function changeUserRole(db: Db, userId: number, role: Role): void {
  db.transaction((tx) => {
    const user = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!user) throw new AppError('That user no longer exists');
    if (user.role === 'admin' && role !== 'admin' && user.active && otherActiveAdmins(db, userId) === 0)
      throw new AppError('Keel needs at least one active admin: make someone else admin first');
    tx.update(users).set({ role, updatedAt: Date.now() }).where(eq(users.id, userId)).run();
  });
}

/** Deactivating ends every session at once, so reactivating later does not bring old tokens back. */
export function setUserActive(db: Db, userId: number, active: boolean, actorId: number): void {
  db.transaction((tx) => {
    const user = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!user) throw new AppError('That user no longer exists');
    if (!active && userId === actorId) throw new AppError('You cannot deactivate your own account');
    if (!active && user.role === 'admin' && otherActiveAdmins(db, userId) === 0)
      throw new AppError('Keel needs at least one active admin');
    const now = Date.now();
    tx.update(users).set({ active, updatedAt: now }).where(eq(users.id, userId)).run();
    // Same connection, so inside the transaction (better-sqlite3 transactions are synchronous).
    if (!active) revokeUserSessions(db, userId, now);
  });
}

/**
 * A user changes their own password. The current one is checked like a sign-in (a wrong one counts
 * as a failed attempt from this address and the sign-in throttle applies), so a borrowed session
 * cannot be used to guess it. Every other session of the user ends; this browser's stays.
 */
export function changePassword(
  db: Db,
  input: { userId: number; currentPassword: string; newPassword: string; keepSessionId: string | null; ip: string },
  now: number,
): { endedSessions: number } {
  const user = db.select().from(users).where(eq(users.id, input.userId)).get();
  if (!user) throw new AppError('That user no longer exists');
  // The same check, throttle and record as signing in, so a borrowed session cannot guess faster.
  const check = signIn(db, user.email, input.currentPassword, input.ip, now);
  if (check.kind === 'locked') throw new AppError(`Too many failed attempts. Try again in ${check.minutes} minute${check.minutes === 1 ? '' : 's'}.`);
  if (check.kind === 'wrong') throw new AppError('That is not your current password', { currentPassword: 'That is not your current password' });
  // Hashed before the transaction: scrypt takes ~50 ms, too long to hold the write lock.
  const passwordHash = hashPassword(input.newPassword);
  return db.transaction((tx) => {
    tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id)).run();
    // Without a session id (not possible for a signed-in request) ending them all is the safe side.
    return { endedSessions: revokeUserSessions(db, user.id, now, input.keepSessionId ?? undefined) };
  });
}
