import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/db/queries/users';
import { createTestDb } from './support/db';

// A workspace in Auckland (UTC+13 in November): what is logged lands on the day picked there, and its
// time reads in that zone. Only the session and Next's cache are mocked; the database is real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
let db: Db;
vi.mock('@/db', () => ({ getDb: () => db }));

const { logActivityAction } = await import('@/app/(app)/contacts/actions');
const { listTimeline } = await import('@/db/queries/timeline');
const { seedEmptyWorkspace } = await import('@/db/seed');
const { formatInstant } = await import('@/lib/dates');

const ZONE = 'Pacific/Auckland';
const admin: SessionUser = { id: 1, name: 'Boss', email: 'boss@example.test', role: 'admin' };
let contactId: number;

beforeAll(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Boss', email: 'boss@example.test', password: 'password1' });
  db.$client.prepare('update workspace set timezone = ? where id = 1').run(ZONE);
  contactId = Number(db.$client.prepare(`insert into contacts (first_name, last_name) values ('Kiri', 'Tane')`).run().lastInsertRowid);
  session.user = admin;
  // 11:30 UTC on Nov 22 is 00:30 on Nov 23 in Auckland.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2026, 10, 22, 11, 30));
});

afterAll(() => {
  vi.useRealTimers();
});

test('an activity logged for today in the workspace zone keeps the time; one for an earlier day sits at that day’s midday there', async () => {
  const log = (subject: string, date: string) => logActivityAction({ type: 'note', subject, date, contactId: String(contactId), companyId: '', dealId: '', followUp: '' });
  expect(await log('Just now', '2026-11-23')).toMatchObject({ ok: true });
  expect(await log('Yesterday', '2026-11-22')).toMatchObject({ ok: true });

  const shown = listTimeline(db, { contactId }).entries.map((e) => [e.title, e.at, formatInstant(e.at, ZONE)]);
  expect(shown).toEqual([
    ['Just now', Date.UTC(2026, 10, 22, 11, 30), 'Nov 23, 2026, 12:30 AM GMT+13'],
    ['Yesterday', Date.UTC(2026, 10, 21, 23), 'Nov 22, 2026, 12:00 PM GMT+13'],
  ]);
});
