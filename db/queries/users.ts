import 'server-only';
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users, type Role } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
import { AppError } from '@/lib/errors';
import type { CreateUserInput } from '@/lib/users/schemas';

export type SessionUser = { id: number; name: string; email: string; role: Role };

const publicColumns = { id: users.id, name: users.name, email: users.email, role: users.role };

export function getActiveUser(db: Db, id: number): SessionUser | null {
  return (
    db
      .select(publicColumns)
      .from(users)
      .where(and(eq(users.id, id), eq(users.active, true)))
      .get() ?? null
  );
}

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

export function setUserActive(db: Db, userId: number, active: boolean, actorId: number): void {
  db.transaction((tx) => {
    const user = tx.select().from(users).where(eq(users.id, userId)).get();
    if (!user) throw new AppError('That user no longer exists');
    if (!active && userId === actorId) throw new AppError('You cannot deactivate your own account');
    if (!active && user.role === 'admin' && otherActiveAdmins(db, userId) === 0)
      throw new AppError('Keel needs at least one active admin');
    tx.update(users).set({ active, updatedAt: Date.now() }).where(eq(users.id, userId)).run();
  });
}
