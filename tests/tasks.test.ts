import ICAL from 'ical.js';
import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { SessionUser } from '@/db/queries/users';
import { seedWorkspace } from '@/db/seed';
import { createTestDb } from './support/db';

// Only the session and Next's cache are mocked; the database is real, with the real migrations.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
const db = createTestDb();
vi.mock('@/db', () => ({ getDb: () => db }));

const { completeTask, countOverdueTasks, listCompletedToday, listTaskGroups, reassignTask, snoozeTask } = await import('@/db/queries/tasks');
const { listDealTimeline } = await import('@/db/queries/deal-detail');
const { listTimeline } = await import('@/db/queries/timeline');
const { findCalendarOwner, getCalendarSecret, listFeedActivities, renewCalendarSecret } = await import('@/db/queries/calendar');
const { completeTaskAction, reassignTaskAction, snoozeTaskAction } = await import('@/app/(app)/tasks/actions');
const { GET: calendarFeed } = await import('@/app/api/calendar/[file]/route');
const { feedEvents } = await import('@/lib/calendar/feed');
const { serializeCalendar } = await import('@/lib/calendar/ical');
const { AppError } = await import('@/lib/errors');

const TODAY = '2026-11-25'; // a Wednesday; the week ends on Sunday 2026-11-29
const mia: SessionUser = { id: 2, name: 'Mia Manager', email: 'mia@demo.local', role: 'manager' };
const ana: SessionUser = { id: 3, name: 'Ana Rivera', email: 'ana@demo.local', role: 'rep' };
let tess: SessionUser;
let dealId: number;
let contactId: number;
let companyId: number;

function insertActivity(fields: { type?: string; subject?: string; due?: string | null; doneAt?: number | null; ownerId: number; dealId?: number | null; contactId?: number | null; companyId?: number | null }): number {
  const result = db.$client
    .prepare(
      `insert into activities (type, subject, due_date, done_at, owner_id, deal_id, contact_id, company_id) values (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(fields.type ?? 'task', fields.subject ?? 'A task', fields.due ?? null, fields.doneAt ?? null, fields.ownerId, fields.dealId ?? null, fields.contactId ?? null, fields.companyId ?? null);
  return Number(result.lastInsertRowid);
}

const task = (id: number) =>
  db.$client.prepare('select due_date as dueDate, done_at as doneAt, owner_id as ownerId from activities where id = ?').get(id) as { dueDate: string | null; doneAt: number | null; ownerId: number };

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
}

const ids = {} as Record<string, number>;

beforeAll(() => {
  seedWorkspace(db, { companies: 10, contacts: 30, deals: 40, seed: 5, today: TODAY });
  const tessId = Number(db.$client.prepare(`insert into users (name, email, password_hash, role) values ('Tess Tasks', 'tess@demo.local', 'x', 'rep')`).run().lastInsertRowid);
  tess = { id: tessId, name: 'Tess Tasks', email: 'tess@demo.local', role: 'rep' };
  const deal = db.$client.prepare('select id, title, contact_id as contactId, company_id as companyId from deals where contact_id is not null and company_id is not null limit 1').get() as { id: number; contactId: number; companyId: number };
  ({ id: dealId, contactId, companyId } = deal);
  const t = (key: string, due: string | null, extra: Partial<Parameters<typeof insertActivity>[0]> = {}) => (ids[key] = insertActivity({ subject: key, due, ownerId: tessId, ...extra }));
  t('old', '2026-11-20', { dealId, contactId, companyId });
  t('yesterday', '2026-11-24', { contactId });
  t('today', '2026-11-25', { companyId });
  t('tomorrow', '2026-11-26');
  t('sunday', '2026-11-29');
  t('monday', '2026-11-30');
  t('january', '2027-01-10');
  t('undated', null);
  // None of these is an open task of Tess's.
  t('done', '2026-11-24', { doneAt: Date.UTC(2026, 10, 24, 12) });
  t('meeting', '2026-11-25', { type: 'meeting', subject: 'Board meeting' });
  t('call', null, { type: 'call', doneAt: Date.UTC(2026, 10, 25, 9) });
  t('someone else', '2026-11-24', { ownerId: ana.id });
});

const groupIds = (groups: { key: string; rows: { id: number }[] }[]) => Object.fromEntries(groups.map((g) => [g.key, g.rows.map((r) => r.id)]));

describe('my tasks, grouped from the database', () => {
  test('open tasks fall into Overdue, Today, This week, Later and No due date, with counts', () => {
    const { groups, totalOpen } = listTaskGroups(db, { scope: { ownerId: tess.id }, today: TODAY, limit: 100 });
    expect(groupIds(groups)).toEqual({
      overdue: [ids.old, ids.yesterday],
      today: [ids.today],
      week: [ids.tomorrow, ids.sunday],
      later: [ids.monday, ids.january],
      none: [ids.undated],
    });
    expect(groups.map((g) => g.total)).toEqual([2, 1, 2, 2, 1]);
    expect(totalOpen).toBe(8);
    expect(countOverdueTasks(db, tess.id, TODAY)).toBe(2);
  });

  test('each row names what it is linked to', () => {
    const { groups } = listTaskGroups(db, { scope: { ownerId: tess.id }, today: TODAY, limit: 100 });
    const old = groups[0].rows[0];
    const deal = db.$client.prepare('select title from deals where id = ?').get(dealId) as { title: string };
    const contact = db.$client.prepare(`select first_name || ' ' || last_name as name from contacts where id = ?`).get(contactId) as { name: string };
    const company = db.$client.prepare('select name from companies where id = ?').get(companyId) as { name: string };
    expect(old).toMatchObject({ subject: 'old', dueDate: '2026-11-20', dealId, dealTitle: deal.title, contactId, contactName: contact.name.trim(), companyId, companyName: company.name, ownerName: 'Tess Tasks' });
    expect(groups[0].rows[1]).toMatchObject({ dealId: null, dealTitle: null, contactName: contact.name.trim(), companyName: null });
  });

  test('on a Sunday "This week" is empty and Monday is later', () => {
    const { groups } = listTaskGroups(db, { scope: { ownerId: tess.id }, today: '2026-11-29', limit: 100 });
    expect(groupIds(groups)).toMatchObject({ today: [ids.sunday], week: [], later: [ids.monday, ids.january] });
    expect(groupIds(groups).overdue).toEqual([ids.old, ids.yesterday, ids.today, ids.tomorrow]);
  });

  test('each group is capped with an exact count of the rest; one group can show more', () => {
    const capped = listTaskGroups(db, { scope: { ownerId: tess.id }, today: TODAY, limit: 1 });
    expect(groupIds(capped.groups)).toEqual({ overdue: [ids.old], today: [ids.today], week: [ids.tomorrow], later: [ids.monday], none: [ids.undated] });
    expect(capped.groups.map((g) => g.total)).toEqual([2, 1, 2, 2, 1]);
    const more = listTaskGroups(db, { scope: { ownerId: tess.id }, today: TODAY, limit: 1, more: { key: 'later', limit: 10 } });
    expect(groupIds(more.groups).later).toEqual([ids.monday, ids.january]);
  });

  test('everyone\'s tasks are the sum of each person\'s', () => {
    const all = listTaskGroups(db, { scope: 'all', today: TODAY, limit: 10_000 });
    const owners = db.$client.prepare('select id from users').all() as { id: number }[];
    const perOwner = owners.map((o) => listTaskGroups(db, { scope: { ownerId: o.id }, today: TODAY, limit: 1 }).totalOpen);
    expect(all.totalOpen).toBe(perOwner.reduce((a, b) => a + b, 0));
    expect(all.totalOpen).toBeGreaterThan(8);
    const overdue = all.groups[0].rows;
    expect(overdue.map((r) => r.id)).toEqual(expect.arrayContaining([ids.old, ids['someone else']]));
    expect(overdue.every((r, i) => i === 0 || overdue[i - 1].dueDate! <= r.dueDate!)).toBe(true);
  });
});

describe('complete, snooze and reassign', () => {
  beforeEach(() => {
    session.user = null;
  });

  test('completing a task sets done_at, touches its deal, and it leaves the list', () => {
    const now = Date.UTC(2026, 10, 25, 15, 30);
    completeTask(db, ids.old, tess, now);
    expect(task(ids.old).doneAt).toBe(now);
    expect((db.$client.prepare('select last_activity_at as at from deals where id = ?').get(dealId) as { at: number }).at).toBe(now);
    const { groups } = listTaskGroups(db, { scope: { ownerId: tess.id }, today: TODAY, limit: 100 });
    expect(groupIds(groups).overdue).toEqual([ids.yesterday]);
    expect(countOverdueTasks(db, tess.id, TODAY)).toBe(1);
    // A second click changes nothing.
    completeTask(db, ids.old, tess, now + 60_000);
    expect(task(ids.old).doneAt).toBe(now);
    // It shows under "completed today", in the workspace's day; not tomorrow.
    expect(listCompletedToday(db, { scope: { ownerId: tess.id }, now: now + 3_600_000, timeZone: 'UTC' }).map((r) => r.id)).toEqual([ids.old]);
    expect(listCompletedToday(db, { scope: { ownerId: tess.id }, now: now + 86_400_000, timeZone: 'UTC' })).toEqual([]);
  });

  test('a rep cannot complete, snooze or reassign someone else\'s task; a manager can', async () => {
    expect(refusal(() => completeTask(db, ids.yesterday, ana, Date.now()))).toBe('You can only change your own tasks.');
    expect(refusal(() => snoozeTask(db, ids.yesterday, 'tomorrow', ana, TODAY))).toBe('You can only change your own tasks.');
    expect(refusal(() => reassignTask(db, ids.yesterday, ana.id, ana))).toBe('Only managers and admins can reassign tasks.');
    expect(task(ids.yesterday)).toEqual({ dueDate: '2026-11-24', doneAt: null, ownerId: tess.id });

    // The same through the server actions, which take the user from the session.
    session.user = ana;
    expect(await completeTaskAction({ taskId: ids.yesterday })).toEqual({ ok: false, error: 'You can only change your own tasks.' });
    expect(await snoozeTaskAction({ taskId: ids.yesterday, until: 'next-week' })).toEqual({ ok: false, error: 'You can only change your own tasks.' });
    expect(await reassignTaskAction({ taskId: ids.yesterday, ownerId: ana.id })).toEqual({ ok: false, error: 'You are not allowed to do that.' });
    expect(task(ids.yesterday)).toEqual({ dueDate: '2026-11-24', doneAt: null, ownerId: tess.id });
    // Not a task at all (a meeting) is treated as gone.
    expect(await completeTaskAction({ taskId: ids.meeting })).toEqual({ ok: false, error: 'This task no longer exists.' });

    session.user = tess;
    expect(await snoozeTaskAction({ taskId: ids.yesterday, until: 'tomorrow' })).toMatchObject({ ok: true, data: { dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
  });

  test('snooze moves the due date to tomorrow or next Monday', () => {
    snoozeTask(db, ids.today, 'tomorrow', tess, TODAY);
    expect(task(ids.today).dueDate).toBe('2026-11-26');
    snoozeTask(db, ids.today, 'next-week', tess, TODAY);
    expect(task(ids.today).dueDate).toBe('2026-11-30');
    snoozeTask(db, ids.tomorrow, 'next-week', mia, '2026-12-31');
    expect(task(ids.tomorrow).dueDate).toBe('2027-01-04');
    expect(refusal(() => snoozeTask(db, ids.old, 'tomorrow', tess, TODAY))).toBe('This task is already done.');
  });

  test('a manager reassigns a task to another active user only', async () => {
    reassignTask(db, ids.sunday, ana.id, mia);
    expect(task(ids.sunday).ownerId).toBe(ana.id);
    expect(listTaskGroups(db, { scope: { ownerId: ana.id }, today: TODAY, limit: 100 }).groups[2].rows.map((r) => r.id)).toContain(ids.sunday);

    db.$client.prepare(`insert into users (name, email, password_hash, role, active) values ('Gone', 'gone@demo.local', 'x', 'rep', 0)`).run();
    const gone = (db.$client.prepare(`select id from users where email = 'gone@demo.local'`).get() as { id: number }).id;
    expect(refusal(() => reassignTask(db, ids.sunday, gone, mia))).toBe('Choose an active user.');
    expect(refusal(() => reassignTask(db, 999_999, ana.id, mia))).toBe('This task no longer exists.');

    session.user = mia;
    expect(await reassignTaskAction({ taskId: ids.sunday, ownerId: tess.id })).toEqual({ ok: true, data: undefined });
    expect(task(ids.sunday).ownerId).toBe(tess.id);
  });

  test('a reassignment leaves history (who, when, from whom to whom) on every timeline that shows the task', async () => {
    const name = (id: number) => (db.$client.prepare('select name from users where id = ?').get(id) as { name: string }).name;
    const taskId = insertActivity({ subject: 'Send the contract', due: '2026-11-27', ownerId: tess.id, dealId, contactId, companyId });
    const at = Date.UTC(2026, 10, 25, 14, 5);
    reassignTask(db, taskId, ana.id, mia, at);
    reassignTask(db, taskId, ana.id, mia, at + 60_000); // already Ana's: nothing changed, nothing recorded
    const history = () =>
      db.$client.prepare('select from_user_id as fromId, to_user_id as toId, at, user_id as userId from task_reassignments where task_id = ? order by id').all(taskId);
    expect(history()).toEqual([{ fromId: tess.id, toId: ana.id, at, userId: mia.id }]);

    const entry = { type: 'reassigned', at, title: `Task “Send the contract” reassigned from Tess Tasks to ${name(ana.id)}`, userName: name(mia.id), activityId: null };
    const onDeal = listDealTimeline(db, dealId, { limit: 500, currency: 'USD' }).entries.filter((e) => e.type === 'reassigned');
    expect(onDeal).toEqual([expect.objectContaining(entry)]);
    for (const scope of [{ contactId }, { companyId }]) {
      expect(listTimeline(db, scope, { types: ['reassigned'] }).entries).toEqual([expect.objectContaining({ ...entry, dealId })]);
    }
    // A task elsewhere is not on these timelines.
    reassignTask(db, insertActivity({ subject: 'Elsewhere', ownerId: tess.id }), ana.id, mia, at);
    expect(listTimeline(db, { contactId }, { types: ['reassigned'] }).entries).toHaveLength(1);

    // Through the action too, with the time it happened.
    session.user = mia;
    const before = Date.now();
    expect(await reassignTaskAction({ taskId, ownerId: tess.id })).toEqual({ ok: true, data: undefined });
    const last = history().at(-1) as { fromId: number; toId: number; at: number; userId: number };
    expect(last).toMatchObject({ fromId: ana.id, toId: tess.id, userId: mia.id });
    expect(last.at).toBeGreaterThanOrEqual(before);
  });
});

describe('calendar feed', () => {
  const feedRequest = (secret: string) => calendarFeed(new Request(`http://crm.example/api/calendar/${secret}.ics`, { headers: { host: 'crm.example' } }), { params: Promise.resolve({ file: `${secret}.ics` }) });

  test('rotating the secret makes the old link invalid at once', async () => {
    expect(getCalendarSecret(db, tess.id)).toBeNull();
    const first = renewCalendarSecret(db, tess.id);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(findCalendarOwner(db, first)).toEqual({ id: tess.id, name: 'Tess Tasks', role: 'rep' });
    expect((await feedRequest(first)).status).toBe(200);

    const second = renewCalendarSecret(db, tess.id);
    expect(second).not.toBe(first);
    expect(getCalendarSecret(db, tess.id)).toBe(second);
    expect(findCalendarOwner(db, first)).toBeNull();
    const old = await feedRequest(first);
    expect(old.status).toBe(404);
    expect(await old.text()).toBe('');
    expect((await feedRequest(second)).status).toBe(200);
    // Anything that is not a secret is simply not found.
    expect((await calendarFeed(new Request('http://crm.example/api/calendar/x.ics'), { params: Promise.resolve({ file: 'x.ics' }) })).status).toBe(404);
    // A deactivated user's feed stops too.
    db.$client.prepare('update users set active = 0 where id = ?').run(tess.id);
    expect((await feedRequest(second)).status).toBe(404);
    db.$client.prepare('update users set active = 1 where id = ?').run(tess.id);
  });

  test('the feed lists open tasks from the last 30 days on and meetings, as valid iCalendar', async () => {
    const heldMeeting = insertActivity({ type: 'meeting', subject: 'Kick-off, on site; bring NDA', doneAt: Date.UTC(2026, 10, 10, 14), ownerId: tess.id, dealId });
    const ancient = insertActivity({ subject: 'Ancient task', due: '2026-09-01', ownerId: tess.id });
    const ancientMeeting = insertActivity({ type: 'meeting', subject: 'Ancient meeting', doneAt: Date.UTC(2026, 8, 1), ownerId: tess.id });
    const since = '2026-10-26';
    const events = feedEvents(listFeedActivities(db, tess, since), { origin: 'http://crm.example', timeZone: 'UTC', since });
    const uids = events.map((e) => e.uid);
    expect(uids).toEqual(expect.arrayContaining([`activity-${ids.yesterday}@keel`, `activity-${ids.monday}@keel`, `activity-${ids.meeting}@keel`, `activity-${heldMeeting}@keel`]));
    for (const excluded of [ids.old /* done */, ids.undated /* no date */, ids.call, ids['someone else'], ancient, ancientMeeting]) expect(uids).not.toContain(`activity-${excluded}@keel`);
    const held = events.find((e) => e.uid === `activity-${heldMeeting}@keel`)!;
    expect(held).toMatchObject({ date: '2026-11-10', summary: 'Kick-off, on site; bring NDA', url: `http://crm.example/deals/${dealId}`, transparent: false });
    expect(events.find((e) => e.uid === `activity-${ids.monday}@keel`)).toMatchObject({ date: '2026-11-30', summary: 'Task: monday', url: 'http://crm.example/tasks', transparent: true });

    const parsed = new ICAL.Component(ICAL.parse(serializeCalendar({ name: 'Keel — Tess', events, now: Date.now() })));
    const vevents = parsed.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(vevents.find((e) => e.uid === `activity-${heldMeeting}@keel`)?.summary).toBe('Kick-off, on site; bring NDA');

    // Served by the route as text/calendar.
    const response = await feedRequest(getCalendarSecret(db, tess.id)!);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const body = await response.text();
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(body).toMatch(/\r\nX-WR-CALNAME:.+ — Tess Tasks\r\n/);
    expect(body).toContain(`\r\nUID:activity-${heldMeeting}@keel\r\n`);
  });
});

describe('every task and feed query walks activities_owner_due_idx', () => {
  test('EXPLAIN QUERY PLAN of each statement', () => {
    const seen: { sql: string; args: unknown[] }[] = [];
    const prepare = db.$client.prepare.bind(db.$client);
    const spy = vi.spyOn(db.$client, 'prepare').mockImplementation(((sql: string) => {
      const statement = prepare(sql);
      if (!/\bactivities\b/.test(sql) || /^\s*(insert|update)/i.test(sql)) return statement;
      const record = (method: 'get' | 'all') => {
        const original = statement[method].bind(statement);
        return (...args: unknown[]) => {
          seen.push({ sql, args });
          return (original as (...a: unknown[]) => unknown)(...args);
        };
      };
      return Object.assign(statement, { get: record('get'), all: record('all') });
    }) as typeof db.$client.prepare);
    try {
      listTaskGroups(db, { scope: { ownerId: ana.id }, today: TODAY, limit: 100 });
      listTaskGroups(db, { scope: 'all', today: TODAY, limit: 100 });
      countOverdueTasks(db, ana.id, TODAY);
      listCompletedToday(db, { scope: { ownerId: ana.id }, now: Date.now(), timeZone: 'UTC' });
      listCompletedToday(db, { scope: 'all', now: Date.now(), timeZone: 'UTC' });
      listFeedActivities(db, ana, '2026-10-26');
    } finally {
      spy.mockRestore();
    }
    expect(seen.length).toBeGreaterThanOrEqual(15);
    for (const { sql, args } of seen) {
      const plan = (db.$client.prepare(`explain query plan ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
      const onActivities = plan.filter((d) => /^(SEARCH|SCAN) (activities|a)\b/.test(d) && !/INTEGER PRIMARY KEY/.test(d));
      expect(onActivities, `${sql}\n${plan.join('\n')}`).not.toEqual([]);
      for (const step of onActivities) expect(step, sql).toMatch(/^SEARCH .*USING INDEX activities_owner_due_idx \(owner_id=\? AND done_at/);
    }
  });
});
