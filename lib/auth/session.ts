import 'server-only';
import { getServerSession } from 'next-auth';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db';
import { getSessionUser as sessionUserFor } from '@/db/queries/sessions';
import type { SessionUser } from '@/db/queries/users';
import type { Role } from '@/db/schema';
import { authOptions } from './options';

export type { SessionUser };

/**
 * The session behind this request: the token must name a session row that is unrevoked and
 * unexpired, for an active user, read fresh on every request so that signing out, a deactivation or
 * a changed role takes effect at once, whatever the token says. Tokens without a session id (from
 * before sessions were kept) are refused. Cached per request: pages, layouts and actions share it.
 */
const currentSession = cache(async (): Promise<{ user: SessionUser; sessionId: string } | null> => {
  const session = (await getServerSession(authOptions)) as { user?: { id?: string }; sid?: unknown } | null;
  const userId = Number(session?.user?.id);
  const sessionId = session?.sid;
  if (!Number.isInteger(userId) || userId <= 0 || typeof sessionId !== 'string' || !sessionId) return null;
  const user = sessionUserFor(getDb(), sessionId, userId, Date.now());
  return user ? { user, sessionId } : null;
});

export async function getSessionUser(): Promise<SessionUser | null> {
  return (await currentSession())?.user ?? null;
}

/** The id of this browser's session, so a password change can keep it and end the others. */
export async function getSessionId(): Promise<string | null> {
  return (await currentSession())?.sessionId ?? null;
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
