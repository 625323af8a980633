import 'server-only';
import { and, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { sessions, users } from '@/db/schema';
import { SESSION_MAX_AGE_MS, SESSION_TOUCH_MS } from '@/lib/auth/tokens';
import type { SessionUser } from './users';

// A session is one row per signed-in browser; the session token (a JWT) carries only its id and the
// user's id. A token counts only while its row exists, unrevoked and unexpired, for an active user.

export function createSession(db: Db, s: { id: string; userId: number; ip: string | null; userAgent: string | null }, now: number): void {
  db.insert(sessions)
    .values({ id: s.id, userId: s.userId, createdAt: now, lastSeenAt: now, expiresAt: now + SESSION_MAX_AGE_MS, ip: s.ip, userAgent: s.userAgent?.slice(0, 300) ?? null })
    .run();
}

/**
 * The user a session token stands for, or null: one lookup by the session's primary key joined to
 * its user. Marks the session seen, at most once a minute.
 */
export function getSessionUser(db: Db, sessionId: string, userId: number, now: number): SessionUser | null {
  const row = db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now), eq(users.active, true)))
    .get();
  if (!row) return null;
  if (now - row.lastSeenAt >= SESSION_TOUCH_MS) db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId)).run();
  return { id: row.id, name: row.name, email: row.email, role: row.role };
}

export function revokeSession(db: Db, sessionId: string, now: number): void {
  db.update(sessions).set({ revokedAt: now }).where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt))).run();
}

/** Ends every session of a user, or every one but `except` (the browser that changed the password). */
export function revokeUserSessions(db: Db, userId: number, now: number, except?: string): number {
  return db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), except ? ne(sessions.id, except) : undefined))
    .run().changes;
}

/** Browsers where the user is signed in now. */
export function countActiveSessions(db: Db, userId: number, now = Date.now()): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
      .get()?.n ?? 0
  );
}

/** Drops a batch of sessions that ended more than `keepMs` ago; bounded so that it is cheap to call often. */
export function pruneSessions(db: Db, now: number, keepMs: number, batch = 100): number {
  const old = db.select({ id: sessions.id }).from(sessions).where(lt(sessions.expiresAt, now - keepMs)).limit(batch);
  return db.delete(sessions).where(sql`${sessions.id} in ${old}`).run().changes;
}
