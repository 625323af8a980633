import { beforeEach, expect, test, vi } from 'vitest';
import type { Db } from '@/db/client';
import { createTestDb } from './support/db';

let db: Db;
vi.mock('@/db', () => ({ getDb: () => db }));

const { attemptHistory, pruneLoginAttempts, recordAttempt, signIn } = await import('@/db/queries/auth');
const { createUser, setUserActive } = await import('@/db/queries/users');
const { authOptions } = await import('@/lib/auth/options');

const now = Date.UTC(2026, 10, 22, 12);
const min = 60_000;
const HOME = '198.51.100.7';
const ATTACKER = '203.0.113.66';
const LOCKED_15 = { kind: 'locked', minutes: 15 };

beforeEach(() => {
  db = createTestDb();
  createUser(db, { name: 'Ana', email: 'ana@example.test', role: 'rep', password: 'right-password' });
  createUser(db, { name: 'Olivia', email: 'olivia@example.test', role: 'admin', password: 'admin-password' });
});

test('the right password signs in; a wrong one and an unknown email give the same answer', () => {
  expect(signIn(db, 'ana@example.test', 'right-password', HOME, now)).toMatchObject({ kind: 'ok', user: { name: 'Ana', role: 'rep' } });
  expect(signIn(db, 'ana@example.test', 'wrong', HOME, now)).toEqual({ kind: 'wrong' });
  expect(signIn(db, 'nobody@example.test', 'wrong', HOME, now)).toEqual({ kind: 'wrong' });
});

test('five failures from one address refuse that address for that email only: the real user elsewhere still signs in', () => {
  for (let i = 0; i < 5; i++) expect(signIn(db, 'ana@example.test', `guess-${i}`, ATTACKER, now + i * min).kind).toBe('wrong');
  // Refused even with the right password, from the attacker's address...
  expect(signIn(db, 'ana@example.test', 'right-password', ATTACKER, now + 5 * min)).toEqual({ kind: 'locked', minutes: 10 });
  // ...but not from Ana's, nor for another email from the attacker's.
  expect(signIn(db, 'ana@example.test', 'right-password', HOME, now + 5 * min).kind).toBe('ok');
  expect(signIn(db, 'olivia@example.test', 'admin-password', ATTACKER, now + 5 * min).kind).toBe('ok');
  // Fifteen minutes after the first failure, one attempt is allowed again.
  expect(signIn(db, 'ana@example.test', 'right-password', ATTACKER, now + 15 * min + 1).kind).toBe('ok');
});

test('an unknown email is throttled exactly like a known one, with the same answer', () => {
  for (let i = 0; i < 5; i++) {
    expect(signIn(db, 'ana@example.test', `guess-${i}`, ATTACKER, now + i).kind).toBe('wrong');
    expect(signIn(db, 'nobody@example.test', `guess-${i}`, ATTACKER, now + i).kind).toBe('wrong');
  }
  expect(signIn(db, 'ana@example.test', 'x', ATTACKER, now + 10)).toEqual(LOCKED_15);
  expect(signIn(db, 'nobody@example.test', 'x', ATTACKER, now + 10)).toEqual(LOCKED_15);
});

test('a success from an address clears that address’s earlier failures for the email', () => {
  for (let i = 0; i < 4; i++) signIn(db, 'ana@example.test', 'nope', HOME, now + i);
  expect(signIn(db, 'ana@example.test', 'right-password', HOME, now + 10).kind).toBe('ok');
  for (let i = 0; i < 4; i++) expect(signIn(db, 'ana@example.test', 'nope', HOME, now + 20 + i).kind).toBe('wrong');
  expect(signIn(db, 'ana@example.test', 'right-password', HOME, now + 30).kind).toBe('ok');
});

test('an address that fails for ten different emails is refused for every email, even with a right password', () => {
  for (let i = 0; i < 10; i++) expect(signIn(db, `user${i}@example.test`, 'password1', ATTACKER, now + i * 1000).kind).toBe('wrong');
  expect(signIn(db, 'olivia@example.test', 'admin-password', ATTACKER, now + 10_000)).toEqual({ kind: 'locked', minutes: 15 });
  expect(signIn(db, 'olivia@example.test', 'admin-password', HOME, now + 10_000).kind).toBe('ok');
  // A success from the address does not reset the address's own limit.
  expect(signIn(db, 'olivia@example.test', 'admin-password', ATTACKER, now + 15 * min + 1).kind).toBe('ok');
});

test('thirty failures from one address, four per email, refuse that address everywhere', () => {
  // Recorded directly: a password check each would make the test slow, and signIn's part is shown above.
  for (let i = 0; i < 29; i++) recordAttempt(db, `user${i % 8}@example.test`, ATTACKER, false, now + i);
  expect(signIn(db, 'user0@example.test', 'nope', ATTACKER, now + 29).kind).toBe('wrong');
  expect(attemptHistory(db, 'olivia@example.test', ATTACKER, now + 30).address).toHaveLength(30);
  expect(signIn(db, 'olivia@example.test', 'admin-password', ATTACKER, now + 30).kind).toBe('locked');
});

test('100 failures an hour for one email from many addresses refuse it everywhere except addresses that signed in to it lately', () => {
  expect(signIn(db, 'ana@example.test', 'right-password', HOME, now - 20 * 24 * 60 * min).kind).toBe('ok');
  // A botnet: four guesses from each of 25 addresses, under every per-address limit.
  for (let i = 0; i < 99; i++) recordAttempt(db, 'ana@example.test', `192.0.2.${i % 25}`, false, now + i * 1000);
  expect(signIn(db, 'ana@example.test', 'nope', '192.0.2.99', now + 99_000).kind).toBe('wrong');
  expect(signIn(db, 'ana@example.test', 'right-password', '192.0.2.200', now + 100_000).kind).toBe('locked');
  expect(signIn(db, 'ana@example.test', 'right-password', HOME, now + 100_000).kind).toBe('ok');
  // After the hour, new addresses may try again.
  expect(signIn(db, 'ana@example.test', 'right-password', '192.0.2.200', now + 60 * min + 1).kind).toBe('ok');
});

test('a deactivated user cannot sign in, and is told the same as for a wrong password', () => {
  const ana = signIn(db, 'ana@example.test', 'right-password', HOME, now);
  const admin = signIn(db, 'olivia@example.test', 'admin-password', HOME, now);
  if (ana.kind !== 'ok' || admin.kind !== 'ok') throw new Error('expected sign-in');
  setUserActive(db, ana.user.id, false, admin.user.id);
  expect(signIn(db, 'ana@example.test', 'right-password', HOME, now + 1)).toEqual({ kind: 'wrong' });
});

test('attempts older than 30 days are pruned a bounded batch at a time, and never during sign-in', () => {
  const old = now - 31 * 24 * 60 * min;
  const insert = db.$client.prepare('insert into login_attempts (email, ip, success, at) values (?, ?, 0, ?)');
  for (let i = 0; i < 150; i++) insert.run('old@example.test', ATTACKER, old + i);
  insert.run('recent@example.test', ATTACKER, now - 29 * 24 * 60 * min);
  const count = () => (db.$client.prepare(`select count(*) as n from login_attempts where email like '%old%'`).get() as { n: number }).n;
  signIn(db, 'ana@example.test', 'right-password', HOME, now);
  expect(count()).toBe(150);
  expect(pruneLoginAttempts(db, now)).toBe(100);
  expect(pruneLoginAttempts(db, now)).toBe(50);
  expect(pruneLoginAttempts(db, now)).toBe(0);
  expect(db.$client.prepare(`select count(*) as n from login_attempts where email = 'recent@example.test'`).get()).toEqual({ n: 1 });
});

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const authorize = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

test('the sign-in endpoint throttles by the address the front door passes, and shares one bucket when there is none', async () => {
  const from = (ip?: string): { headers: Record<string, string> } => ({ headers: ip ? { 'x-keel-client-ip': ip } : {} });
  for (let i = 0; i < 5; i++) expect(await authorize({ email: 'ana@example.test', password: 'nope' }, from(ATTACKER))).toBeNull();
  await expect(authorize({ email: 'ana@example.test', password: 'right-password' }, from(ATTACKER))).rejects.toThrow(/^LOCKED:\d+$/);
  expect(await authorize({ email: 'Ana@Example.test', password: 'right-password' }, from(HOME))).toMatchObject({ id: expect.any(String), ip: HOME });
  for (let i = 0; i < 5; i++) await authorize({ email: 'olivia@example.test', password: 'nope' }, from());
  await expect(authorize({ email: 'olivia@example.test', password: 'admin-password' }, from('not an address'))).rejects.toThrow('LOCKED');
  const ips = db.$client.prepare(`select distinct ip from login_attempts where email = 'olivia@example.test'`).all();
  expect(ips).toEqual([{ ip: 'unknown' }]);
});
