import { beforeEach, expect, test, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/db/queries/users';
import { createTestDb } from './support/db';

// Only the session, Next's cache and the request headers are mocked; the database is real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null, id: null as string | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user, getSessionId: async () => session.id }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ host: 'keel.example.test', 'x-keel-client-ip': '198.51.100.7' }) }));
let db: Db;
vi.mock('@/db', () => ({ getDb: () => db }));

const { signIn } = await import('@/db/queries/auth');
const { findPasswordReset, createPasswordReset } = await import('@/db/queries/password-resets');
const { countActiveSessions, createSession, getSessionUser: sessionUser } = await import('@/db/queries/sessions');
const { createUser, setUserActive } = await import('@/db/queries/users');
const profile = await import('@/app/(app)/settings/profile/actions');
const users = await import('@/app/(app)/settings/users/actions');
const reset = await import('@/app/(auth)/reset/[token]/actions');

let admin: SessionUser;
let ana: SessionUser;
const HOME = '198.51.100.7';
const sid = (n: number) => `session-${n}`.padEnd(43, 'x');
const live = (id: string, user = ana) => sessionUser(db, id, user.id, Date.now()) !== null;
const passwordWorks = (password: string) => signIn(db, ana.email, password, '192.0.2.1', Date.now()).kind === 'ok';

beforeEach(() => {
  db = createTestDb();
  admin = createUser(db, { name: 'Olivia', email: 'olivia@example.test', role: 'admin', password: 'admin-password' });
  ana = createUser(db, { name: 'Ana', email: 'ana@example.test', role: 'rep', password: 'right-password' });
  for (const n of [1, 2, 3]) createSession(db, { id: sid(n), userId: ana.id, ip: null, userAgent: null }, Date.now());
  createSession(db, { id: sid(9), userId: admin.id, ip: null, userAgent: null }, Date.now());
  session.user = ana;
  session.id = sid(1);
});

const change = (fields: Record<string, string>) => profile.changePasswordAction({ currentPassword: 'right-password', newPassword: 'a-new-secret', confirmPassword: 'a-new-secret', ...fields });

test.each([
  ['a wrong current password', { currentPassword: 'nope' }, 'currentPassword', 'That is not your current password'],
  ['no current password', { currentPassword: '' }, 'currentPassword', 'Enter your current password'],
  ['a short one', { newPassword: 'short', confirmPassword: 'short' }, 'newPassword', 'Use at least 8 characters'],
  ['a long one', { newPassword: 'x'.repeat(201), confirmPassword: 'x'.repeat(201) }, 'newPassword', 'Keep it under 200 characters'],
  ['a common one, whatever its case', { newPassword: 'Password1', confirmPassword: 'Password1' }, 'newPassword', 'This is one of the most common passwords: choose one that is harder to guess'],
  ['the current one again', { newPassword: 'right-password', confirmPassword: 'right-password' }, 'newPassword', 'Choose a password other than your current one'],
  ['two different ones', { confirmPassword: 'a-new-secreT' }, 'confirmPassword', 'The two passwords are not the same'],
])('changing your password refuses %s, beside the field, and changes nothing', async (_label, fields, field, message) => {
  const result = await change(fields);
  expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: message } });
  expect(passwordWorks('right-password')).toBe(true);
  expect(countActiveSessions(db, ana.id)).toBe(3);
});

test('a password change keeps this session, ends the user’s others, and nobody else’s', async () => {
  expect(await change({})).toEqual({ ok: true, data: { endedSessions: 2 } });
  expect([live(sid(1)), live(sid(2)), live(sid(3)), live(sid(9), admin)]).toEqual([true, false, false, true]);
  expect(passwordWorks('a-new-secret')).toBe(true);
  expect(passwordWorks('right-password')).toBe(false);
});

test('guessing the current password through a session is throttled like signing in', async () => {
  for (let i = 0; i < 5; i++) expect((await change({ currentPassword: `guess-${i}` })).ok).toBe(false);
  expect(await change({})).toMatchObject({ ok: false, error: expect.stringMatching(/^Too many failed attempts\. Try again in \d+ minutes?\.$/) });
  expect(passwordWorks('right-password')).toBe(true);
});

test('signing out everywhere ends every session of the user, this one included', async () => {
  expect(await profile.signOutEverywhereAction({})).toEqual({ ok: true, data: { endedSessions: 3 } });
  expect([live(sid(1)), live(sid(2)), live(sid(3)), live(sid(9), admin)]).toEqual([false, false, false, true]);
});

async function makeLink(userId = ana.id): Promise<string> {
  session.user = admin;
  const result = await users.createResetLinkAction({ userId });
  if (!result.ok) throw new Error(result.error);
  return result.data.url;
}
const tokenOf = (url: string) => url.split('/reset/')[1];
const resetWith = (token: string, password = 'a-new-secret', confirm = password) => reset.resetPasswordAction({ token, newPassword: password, confirmPassword: confirm });

test('only an admin makes reset links; a link signs the user out at once and is shown in full', async () => {
  expect(await users.createResetLinkAction({ userId: ana.id })).toEqual({ ok: false, error: 'You are not allowed to do that.' });
  const url = await makeLink();
  expect(url).toMatch(/^http:\/\/keel\.example\.test\/reset\/[A-Za-z0-9_-]{43}$/);
  expect(countActiveSessions(db, ana.id)).toBe(0);
  expect(live(sid(9), admin)).toBe(true);
  // Only a hash of the token is stored.
  const stored = db.$client.prepare('select token_hash as h, created_by as by, expires_at - created_at as ttl from password_resets').get();
  expect(stored).toMatchObject({ by: admin.id, ttl: 24 * 60 * 60 * 1000 });
  expect((stored as { h: string }).h).not.toContain(tokenOf(url));
  expect(await users.createResetLinkAction({ userId: admin.id })).toMatchObject({ ok: false, error: 'Change your own password on your profile page' });
});

test('a reset link sets a new password once, ends every session, and goes to sign in', async () => {
  const token = tokenOf(await makeLink());
  expect(findPasswordReset(db, token)).toEqual({ email: ana.email });
  createSession(db, { id: sid(4), userId: ana.id, ip: null, userAgent: null }, Date.now());
  expect(await resetWith(token, 'password1')).toMatchObject({ ok: false, fieldErrors: { newPassword: expect.stringContaining('most common') } });
  expect(await resetWith(token, 'a-new-secret', 'other')).toMatchObject({ ok: false, fieldErrors: { confirmPassword: 'The two passwords are not the same' } });
  await expect(resetWith(token)).rejects.toMatchObject({ digest: expect.stringContaining('/login?reset=done') });
  expect(live(sid(4))).toBe(false);
  expect(passwordWorks('a-new-secret')).toBe(true);
  // Used up: the page and the action answer as for any bad link.
  expect(findPasswordReset(db, token)).toBeNull();
  expect(await resetWith(token, 'another-secret')).toEqual({ ok: false, error: 'This link is not valid or has expired.' });
});

test('used, expired, replaced, unknown and malformed links are all "not valid", before any password is checked', async () => {
  const first = tokenOf(await makeLink());
  const second = tokenOf(await makeLink());
  expect(findPasswordReset(db, first)).toBeNull();
  expect(findPasswordReset(db, second)).not.toBeNull();
  expect(findPasswordReset(db, second, Date.now() + 24 * 60 * 60 * 1000 + 1)).toBeNull();
  for (const token of [first, 'A'.repeat(43), 'short', '../../etc/passwd', `${second}x`.repeat(3)]) {
    expect(findPasswordReset(db, token)).toBeNull();
    expect((await resetWith(token)).ok).toBe(false);
  }
  expect(passwordWorks('right-password')).toBe(true);
});

test('a deactivated user’s link stops working, and no new one can be made until they are reactivated', async () => {
  const token = tokenOf(await makeLink());
  setUserActive(db, ana.id, false, admin.id);
  expect(findPasswordReset(db, token)).toBeNull();
  expect(() => createPasswordReset(db, ana.id, admin.id, Date.now())).toThrow('Reactivate this user before resetting their password');
});

test('using a link lets the user in from an address an attacker had locked for their email', async () => {
  for (let i = 0; i < 5; i++) signIn(db, ana.email, `guess-${i}`, HOME, Date.now());
  expect(signIn(db, ana.email, 'right-password', HOME, Date.now()).kind).toBe('locked');
  const token = tokenOf(await makeLink());
  await expect(resetWith(token)).rejects.toMatchObject({ digest: expect.stringContaining('NEXT_REDIRECT') });
  expect(signIn(db, ana.email, 'a-new-secret', HOME, Date.now()).kind).toBe('ok');
});

test('an admin’s initial password follows the same rules', async () => {
  session.user = admin;
  const result = await users.createUserAction({ name: 'Carla', email: 'carla@example.test', role: 'rep', password: 'iloveyou1' });
  expect(result).toMatchObject({ ok: false, fieldErrors: { password: expect.stringContaining('most common') } });
});
