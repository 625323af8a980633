import { beforeEach, expect, test, vi } from 'vitest';
import { z } from 'zod';
import type { SessionUser } from '@/db/queries/users';
import { createTestDb } from './support/db';

// Only the session is mocked; the database is real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
const testDb = createTestDb();
vi.mock('@/db', () => ({ getDb: () => testDb }));

const { defineAction } = await import('@/lib/actions');
const { AppError } = await import('@/lib/errors');

const schema = z.object({ name: z.string().trim().min(1, 'Enter a name'), amount: z.coerce.number().int('Whole numbers only') });
const handler = vi.fn((input: z.output<typeof schema>, ctx: unknown) => ({ echoed: input, signedIn: Boolean(ctx) }));
const action = defineAction({ schema, roles: ['admin', 'manager'] }, handler);

beforeEach(() => {
  handler.mockClear();
  session.user = { id: 1, name: 'Mia', email: 'mia@example.test', role: 'manager' };
});

test('without a session nothing runs', async () => {
  session.user = null;
  expect(await action({ name: 'x', amount: 1 })).toEqual({ ok: false, error: 'Your session has ended. Sign in again.' });
  expect(handler).not.toHaveBeenCalled();
});

test('a role outside the list is refused before parsing', async () => {
  session.user = { id: 2, name: 'Ana', email: 'ana@example.test', role: 'rep' };
  expect(await action({ name: 'x', amount: 1 })).toEqual({ ok: false, error: 'You are not allowed to do that.' });
  expect(handler).not.toHaveBeenCalled();
});

test('bad input comes back as field errors', async () => {
  const result = await action({ name: ' ', amount: 1.5 } as never);
  expect(result).toEqual({ ok: false, error: 'Enter a name', fieldErrors: { name: 'Enter a name', amount: 'Whole numbers only' } });
  expect(handler).not.toHaveBeenCalled();
});

test('FormData is parsed with coercion and the handler gets the user and database', async () => {
  const form = new FormData();
  form.append('name', ' Deal ');
  form.append('amount', '42');
  expect(await action(form)).toEqual({ ok: true, data: { echoed: { name: 'Deal', amount: 42 }, signedIn: true } });
  const ctx = handler.mock.calls[0][1] as { user: SessionUser; db: unknown };
  expect(ctx.user).toMatchObject({ name: 'Mia' });
  // The very database, compared by identity: a structural walk of drizzle's schema graph never ends.
  expect(ctx.db).toBe(testDb);
});

test('an AppError is shown as it is; anything else becomes a generic message', async () => {
  const failing = defineAction({ schema: z.object({}) }, () => {
    throw new AppError('That deal was changed by someone else', { title: 'Changed' });
  });
  expect(await failing({})).toEqual({ ok: false, error: 'That deal was changed by someone else', fieldErrors: { title: 'Changed' } });

  const crashing = defineAction({ schema: z.object({}) }, () => {
    throw new Error('SQLITE_BUSY: secret internals');
  });
  const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
  expect(await crashing({})).toEqual({ ok: false, error: 'Something went wrong and nothing was saved. Try again.' });
  expect(spy).toHaveBeenCalled();
  spy.mockRestore();
});
