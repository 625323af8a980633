import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getActiveUser, type SessionUser } from '@/db/queries/users';
import type { Role } from '@/db/schema';
import { authOptions } from './options';

export type { SessionUser };

/**
 * The signed-in user, read fresh from the database on every request so that a deactivated user or a
 * changed role takes effect at once, whatever the session token says.
 */
export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await getServerSession(authOptions);
  const id = Number((session?.user as { id?: string } | undefined)?.id);
  if (!Number.isInteger(id) || id <= 0) return null;
  return getActiveUser(getDb(), id);
}

export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    const path = (await headers()).get('x-keel-path') || '/';
    redirect(`/login?next=${encodeURIComponent(path)}`);
  }
  return user;
}

export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}
