import { beforeEach, expect, test, vi } from 'vitest';
import type { Db } from '@/db/client';
import { createTestDb } from './support/db';

// The real session check (lib/auth/session.ts) over a real database; only next-auth's cookie
// reading is replaced by the token it would have decoded.
let db: Db;
vi.mock('@/db', () => ({ getDb: () => db }));
const jwt = vi.hoisted(() => ({ token: null as Record<string, unknown> | null }));
vi.mock('next-auth', async (original) => ({
  ...(await original<typeof import('next-auth')>()),
  getServerSession: async (options: import('next-auth').NextAuthOptions) => {
    if (!jwt.token) return null;
    const token = await options.callbacks!.jwt!({ token: jwt.token } as never);
    return options.callbacks!.session!({ session: { user: {}, expires: '' }, token } as never);
  },
}));
vi.mock('next/headers', () => ({ headers: async () => new Headers() }));

const { createUser, setUserActive } = await import('@/db/queries/users');
const { countActiveSessions, createSession, revokeUserSessions } = await import('@/db/queries/sessions');
const { authOptions } = await import('@/lib/auth/options');
const { getSessionId, getSessionUser } = await import('@/lib/auth/session');

let ana: { id: number };
let admin: { id: number };
const row = (id: string) => db.$client.prepare('select * from sessions where id = ?').get(id) as Record<string, number | string | null>;

/** Signs in the way next-auth does: authorize, then the jwt callback on the user it returned. */
async function signInToken(email: string, password: string, ip = '198.51.100.7') {
  type Authorize = (c: Record<string, string>, r: { headers: Record<string, string> }) => Promise<import('next-auth').User | null>;
  const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;
  const user = await authorize({ email, password }, { headers: { 'x-keel-client-ip': ip, 'user-agent': 'Test browser' } });
  if (!user) throw new Error('sign-in refused');
  return authOptions.callbacks!.jwt!({ token: { name: user.name, email: user.email }, user } as never) as Promise<Record<string, unknown>>;
}

beforeEach(() => {
  db = createTestDb();
  ana = createUser(db, { name: 'Ana', email: 'ana@example.test', role: 'rep', password: 'right-password' });
  admin = createUser(db, { name: 'Olivia', email: 'olivia@example.test', role: 'admin', password: 'admin-password' });
  jwt.token = null;
});

test('signing in creates a session row whose random id the token carries', async () => {
  const token = await signInToken('ana@example.test', 'right-password');
  expect(token.sid).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(token.sub).toBe(String(ana.id));
  const s = row(token.sid as string);
  expect(s).toMatchObject({ user_id: ana.id, ip: '198.51.100.7', user_agent: 'Test browser', revoked_at: null });
  expect(Number(s.expires_at) - Number(s.created_at)).toBe(30 * 24 * 60 * 60 * 1000);
  const again = await signInToken('ana@example.test', 'right-password');
  expect(again.sid).not.toBe(token.sid);
  jwt.token = token;
  expect(await getSessionUser()).toMatchObject({ id: ana.id, name: 'Ana', role: 'rep' });
  expect(await getSessionId()).toBe(token.sid);
});

test('signing out ends that session on the server: the same token no longer counts, other sessions do', async () => {
  const token = await signInToken('ana@example.test', 'right-password');
  const other = await signInToken('ana@example.test', 'right-password');
  await authOptions.events!.signOut!({ token } as never);
  jwt.token = token;
  expect(await getSessionUser()).toBeNull();
  jwt.token = other;
  expect(await getSessionUser()).toMatchObject({ id: ana.id });
});

test('tokens without a session id, with an unknown one, or naming another user are refused', async () => {
  const token = await signInToken('ana@example.test', 'right-password');
  for (const t of [{ sub: String(ana.id) }, { sub: String(ana.id), sid: 'x'.repeat(43) }, { ...token, sub: String(admin.id) }, { sid: token.sid }]) {
    jwt.token = t;
    expect(await getSessionUser()).toBeNull();
  }
});

test('an expired session is refused', async () => {
  const token = await signInToken('ana@example.test', 'right-password');
  db.$client.prepare('update sessions set expires_at = ? where id = ?').run(Date.now() - 1, token.sid);
  jwt.token = token;
  expect(await getSessionUser()).toBeNull();
});

test('deactivating ends every session, and reactivating does not bring them back', async () => {
  const token = await signInToken('ana@example.test', 'right-password');
  setUserActive(db, ana.id, false, admin.id);
  setUserActive(db, ana.id, true, admin.id);
  jwt.token = token;
  expect(await getSessionUser()).toBeNull();
  expect(countActiveSessions(db, ana.id, Date.now())).toBe(0);
  // A new sign-in works as usual.
  jwt.token = await signInToken('ana@example.test', 'right-password');
  expect(await getSessionUser()).toMatchObject({ id: ana.id });
});

test('last_seen_at is written at most once a minute per session', async () => {
  const t0 = Date.UTC(2026, 10, 22, 12);
  createSession(db, { id: 's'.repeat(43), userId: ana.id, ip: null, userAgent: null }, t0);
  const { getSessionUser: lookup } = await import('@/db/queries/sessions');
  expect(lookup(db, 's'.repeat(43), ana.id, t0 + 59_999)).toMatchObject({ id: ana.id });
  expect(row('s'.repeat(43)).last_seen_at).toBe(t0);
  lookup(db, 's'.repeat(43), ana.id, t0 + 60_000);
  expect(row('s'.repeat(43)).last_seen_at).toBe(t0 + 60_000);
  lookup(db, 's'.repeat(43), ana.id, t0 + 90_000);
  expect(row('s'.repeat(43)).last_seen_at).toBe(t0 + 60_000);
});

test('ending the other sessions keeps the one named', async () => {
  const mine = await signInToken('ana@example.test', 'right-password');
  const elsewhere = await signInToken('ana@example.test', 'right-password');
  expect(revokeUserSessions(db, ana.id, Date.now(), mine.sid as string)).toBe(1);
  jwt.token = elsewhere;
  expect(await getSessionUser()).toBeNull();
  jwt.token = mine;
  expect(await getSessionUser()).toMatchObject({ id: ana.id });
});
