import { beforeEach, expect, test } from 'vitest';
import { signIn } from '@/db/queries/auth';
import { createUser, setUserActive } from '@/db/queries/users';
import type { Db } from '@/db/client';
import { createTestDb } from './support/db';

let db: Db;
const now = Date.UTC(2026, 10, 22, 12);
const min = 60_000;

beforeEach(() => {
  db = createTestDb();
  createUser(db, { name: 'Ana', email: 'ana@example.test', role: 'rep', password: 'right-password' });
  createUser(db, { name: 'Olivia', email: 'olivia@example.test', role: 'admin', password: 'admin-password' });
});

test('the right password signs in; a wrong one and an unknown email give the same answer', () => {
  expect(signIn(db, 'ana@example.test', 'right-password', now)).toMatchObject({ kind: 'ok', user: { name: 'Ana', role: 'rep' } });
  expect(signIn(db, 'ana@example.test', 'wrong', now)).toEqual({ kind: 'wrong' });
  expect(signIn(db, 'nobody@example.test', 'wrong', now)).toEqual({ kind: 'wrong' });
});

test('five failures within 15 minutes lock the email, even against the right password, until the window passes', () => {
  for (let i = 0; i < 5; i++) expect(signIn(db, 'ana@example.test', `guess-${i}`, now + i * min).kind).toBe('wrong');
  expect(signIn(db, 'ana@example.test', 'right-password', now + 5 * min)).toEqual({ kind: 'locked', minutes: 10 });
  // Another email is unaffected.
  expect(signIn(db, 'olivia@example.test', 'admin-password', now + 5 * min).kind).toBe('ok');
  // Fifteen minutes after the first failure, one attempt is allowed again.
  expect(signIn(db, 'ana@example.test', 'right-password', now + 15 * min + 1).kind).toBe('ok');
});

test('a successful sign-in clears earlier failures', () => {
  for (let i = 0; i < 4; i++) signIn(db, 'ana@example.test', 'nope', now + i);
  expect(signIn(db, 'ana@example.test', 'right-password', now + 10).kind).toBe('ok');
  for (let i = 0; i < 4; i++) expect(signIn(db, 'ana@example.test', 'nope', now + 20 + i).kind).toBe('wrong');
  expect(signIn(db, 'ana@example.test', 'right-password', now + 30).kind).toBe('ok');
});

test('a deactivated user cannot sign in, and is told the same as for a wrong password', () => {
  const ana = signIn(db, 'ana@example.test', 'right-password', now);
  if (ana.kind !== 'ok') throw new Error('expected sign-in');
  const admin = signIn(db, 'olivia@example.test', 'admin-password', now);
  if (admin.kind !== 'ok') throw new Error('expected sign-in');
  setUserActive(db, ana.user.id, false, admin.user.id);
  expect(signIn(db, 'ana@example.test', 'right-password', now + 1)).toEqual({ kind: 'wrong' });
});
