import { beforeEach, expect, test } from 'vitest';
import type { Db } from '@/db/client';
import { changeUserRole, createUser, listUsers, setUserActive } from '@/db/queries/users';
import { AppError } from '@/lib/errors';
import { createUserSchema } from '@/lib/users/schemas';
import { createTestDb } from './support/db';

let db: Db;
/** The user as a session would see them: present only while active. */
const activeUser = (id: number) => listUsers(db).find((u) => u.id === id && u.active) ?? null;
beforeEach(() => {
  db = createTestDb();
});

test('an email can have only one account', () => {
  createUser(db, { name: 'Ana', email: 'ana@example.test', role: 'rep', password: 'password1' });
  expect(() => createUser(db, { name: 'Ana 2', email: 'ana@example.test', role: 'rep', password: 'password1' })).toThrow(
    'That email already has an account',
  );
  expect(listUsers(db)).toHaveLength(1);
});

test('the last active admin cannot be demoted or deactivated; another admin makes it possible', () => {
  const owner = createUser(db, { name: 'Olivia', email: 'o@example.test', role: 'admin', password: 'password1' });
  const mia = createUser(db, { name: 'Mia', email: 'm@example.test', role: 'manager', password: 'password1' });
  expect(() => changeUserRole(db, owner.id, 'rep')).toThrow(AppError);
  expect(() => setUserActive(db, owner.id, false, mia.id)).toThrow('Keel needs at least one active admin');
  expect(() => setUserActive(db, owner.id, false, owner.id)).toThrow('You cannot deactivate your own account');
  changeUserRole(db, mia.id, 'admin');
  changeUserRole(db, owner.id, 'rep');
  expect(activeUser(owner.id)?.role).toBe('rep');
});

test('a deactivated user keeps their row but no longer counts as signed in', () => {
  const owner = createUser(db, { name: 'Olivia', email: 'o@example.test', role: 'admin', password: 'password1' });
  const ana = createUser(db, { name: 'Ana', email: 'a@example.test', role: 'rep', password: 'password1' });
  setUserActive(db, ana.id, false, owner.id);
  expect(activeUser(ana.id)).toBeNull();
  expect(listUsers(db).find((u) => u.id === ana.id)).toMatchObject({ name: 'Ana', active: false });
  setUserActive(db, ana.id, true, owner.id);
  expect(activeUser(ana.id)).toMatchObject({ name: 'Ana' });
});

test.each([
  ['a name of invisible characters only', { name: '\u200B\u3164\u200B' }, 'name'],
  ['a name with a NUL', { name: 'Ana\u0000Rivera' }, 'name'],
  ['a name with a lone surrogate', { name: 'Ana \uD800' }, 'name'],
  ['an email with a control character', { email: 'ana\u0007@example.test' }, 'email'],
  ['an email past 254 characters', { email: `${'a'.repeat(250)}@example.test` }, 'email'],
])('a new user with %s is refused beside the field', (_label, change, field) => {
  const parsed = createUserSchema.safeParse({ name: 'Ana Rivera', email: 'ana@example.test', role: 'rep', password: 'a-long-passphrase', ...change });
  expect(parsed.success).toBe(false);
  expect(parsed.error?.issues.map((i) => i.path.join('.'))).toContain(field);
});
