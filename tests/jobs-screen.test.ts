import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/db/queries/users';
import { createTestDb } from './support/db';

// The jobs screen's actions and its progress endpoint against a real migrated database (the schedules
// come from migration 0015); only the session and Next's cache are mocked.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
let db: Db;
vi.mock('@/db', () => ({ getDb: () => db }));

const { enqueueJob, getJob, getSchedule, latestJob, listJobs, scheduleNextRuns } = await import('@/db/queries/jobs');
const { seedEmptyWorkspace } = await import('@/db/seed');
const actions = await import('@/app/(app)/settings/jobs/actions');
const { KEEP_MESSAGE, TIME_MESSAGE } = await import('@/lib/jobs/schemas');
const { describeJobResult } = await import('@/app/(app)/settings/jobs/_components/job-result');
const route = await import('@/app/api/jobs/[id]/route');

const admin: SessionUser = { id: 1, name: 'Olivia Owner', email: 'owner@example.test', role: 'admin' };
const manager: SessionUser = { id: 2, name: 'Mia Manager', email: 'mia@example.test', role: 'manager' };
const rep: SessionUser = { id: 3, name: 'Ana Rep', email: 'ana@example.test', role: 'rep' };

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
};
/** The backup schedule form as the browser sends it: an unticked checkbox is left out. */
const scheduleForm = (time: string, keep: string, enabled = true) => form({ time, keep, ...(enabled ? { enabled: 'on' } : {}) });

/** Hour and minute of an instant in a time zone, as "HH:MM". */
const clock = (ms: number, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);

/** A job that used up its tries, as the worker leaves it. */
function failedJob(error = 'Disk full'): number {
  const id = enqueueJob(db, 'noop', { ms: 0 }, { createdBy: admin.id });
  db.$client.prepare(`update jobs set state = 'failed', attempts = 3, last_error = ?, started_at = ?, finished_at = ? where id = ?`).run(error, Date.now(), Date.now(), id);
  return id;
}

beforeEach(() => {
  db = createTestDb();
  // Migrations may queue one-off jobs (a backfill); these tests start from an empty queue.
  db.$client.prepare('delete from jobs').run();
  seedEmptyWorkspace(db, { name: admin.name, email: admin.email, password: 'password1' });
  db.$client.prepare(`insert into users (name, email, password_hash, role) values ('Mia Manager', 'mia@example.test', 'x', 'manager'), ('Ana Rep', 'ana@example.test', 'x', 'rep')`).run();
  db.$client.prepare(`update workspace set timezone = 'Europe/Berlin' where id = 1`).run();
  session.user = admin;
});

describe('who may use the jobs screen', () => {
  test.each([
    ['a manager', manager],
    ['a rep', rep],
  ])('%s is refused by every action, and nothing changes', async (_name, user) => {
    const failed = failedJob();
    session.user = user;
    const refused = { ok: false, error: 'You are not allowed to do that.' };
    expect(await actions.updateBackupScheduleAction(scheduleForm('03:30', '7'))).toEqual(refused);
    expect(await actions.setScheduleEnabledAction({ name: 'prune', enabled: false })).toEqual(refused);
    expect(await actions.backUpNowAction({})).toEqual(refused);
    expect(await actions.retryJobAction({ id: failed })).toEqual(refused);
    expect(getSchedule(db, 'backup')).toMatchObject({ cron: '0 2 * * *', payload: '{"keep":14}', enabled: true });
    expect(getSchedule(db, 'prune')?.enabled).toBe(true);
    expect(listJobs(db, 'queued', { limit: 10 })).toEqual([]);
    expect(getJob(db, failed)?.state).toBe('failed');
  });

  test('signed out, nothing happens either', async () => {
    session.user = null;
    expect(await actions.backUpNowAction({})).toEqual({ ok: false, error: 'Your session has ended. Sign in again.' });
    expect(listJobs(db, 'queued', { limit: 10 })).toEqual([]);
  });
});

describe('the backup schedule', () => {
  test('saving a time and a number kept changes the expression, the payload and the next run', async () => {
    const before = scheduleNextRuns(db, Date.now()).get('backup')!;
    expect(clock(before, 'Europe/Berlin')).toBe('02:00');

    const result = await actions.updateBackupScheduleAction(scheduleForm('3:30', '7'));
    expect(result.ok).toBe(true);
    expect(getSchedule(db, 'backup')).toMatchObject({ cron: '30 3 * * *', payload: '{"keep":7}', enabled: true, updatedBy: admin.id });
    const next = scheduleNextRuns(db, Date.now()).get('backup')!;
    expect(clock(next, 'Europe/Berlin')).toBe('03:30');
    expect(next).toBeGreaterThan(Date.now());
    expect(next - Date.now()).toBeLessThanOrEqual(25 * 60 * 60_000);
    expect(result.ok && result.data.nextRunAt).toBe(next);
  });

  test('switched off, it has no next run; switched on again, it has', async () => {
    expect(await actions.updateBackupScheduleAction(scheduleForm('02:00', '14', false))).toEqual({ ok: true, data: { nextRunAt: null } });
    expect(getSchedule(db, 'backup')?.enabled).toBe(false);
    expect(scheduleNextRuns(db, Date.now()).get('backup')).toBeNull();
    const on = await actions.updateBackupScheduleAction(scheduleForm('02:00', '14'));
    expect(on.ok && on.data.nextRunAt).toBeGreaterThan(Date.now());
  });

  test.each([
    ['25:00', '7', 'time', TIME_MESSAGE],
    ['12:60', '7', 'time', TIME_MESSAGE],
    ['noon', '7', 'time', TIME_MESSAGE],
    ['', '7', 'time', TIME_MESSAGE],
    ['0330', '7', 'time', TIME_MESSAGE],
    ['03:30', '0', 'keep', KEEP_MESSAGE],
    ['03:30', '366', 'keep', KEEP_MESSAGE],
    ['03:30', '1.5', 'keep', KEEP_MESSAGE],
    ['03:30', '-3', 'keep', KEEP_MESSAGE],
    ['03:30', '', 'keep', KEEP_MESSAGE],
  ])('time %j, keep %j: refused beside the %s field, nothing saved', async (time, keep, field, message) => {
    const result = await actions.updateBackupScheduleAction(scheduleForm(time, keep));
    expect(result).toMatchObject({ ok: false, fieldErrors: { [field]: message } });
    expect(getSchedule(db, 'backup')).toMatchObject({ cron: '0 2 * * *', payload: '{"keep":14}' });
  });

  test('both wrong at once: both fields say so', async () => {
    const result = await actions.updateBackupScheduleAction(scheduleForm('99:99', '1000'));
    expect(result).toMatchObject({ ok: false, fieldErrors: { time: TIME_MESSAGE, keep: KEEP_MESSAGE } });
  });

  test('the clean-up turns off and on', async () => {
    expect(await actions.setScheduleEnabledAction({ name: 'prune', enabled: false })).toEqual({ ok: true, data: { enabled: false } });
    expect(scheduleNextRuns(db, Date.now()).get('prune')).toBeNull();
    expect(await actions.setScheduleEnabledAction({ name: 'prune', enabled: true })).toEqual({ ok: true, data: { enabled: true } });
    expect(scheduleNextRuns(db, Date.now()).get('prune')).not.toBeNull();
    expect(await actions.setScheduleEnabledAction({ name: 'nope', enabled: true })).toEqual({ ok: false, error: 'That schedule no longer exists.' });
  });
});

describe('Back up now', () => {
  test('queues a backup by the admin, keeping as many as the schedule, once at a time', async () => {
    await actions.updateBackupScheduleAction(scheduleForm('03:30', '7'));
    const result = await actions.backUpNowAction({});
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data.id : 0;
    expect(getJob(db, id)).toMatchObject({ kind: 'backup', state: 'queued', payload: '{"keep":7}', createdBy: admin.id, schedule: null });
    expect(latestJob(db, 'backup')?.id).toBe(id);

    expect(await actions.backUpNowAction({})).toEqual({ ok: false, error: 'A backup is already under way: its progress shows below.' });
    expect(listJobs(db, 'queued', { limit: 10 })).toHaveLength(1);

    // Once it is done, another may start; the finished one is still the one shown until then.
    db.$client.prepare(`update jobs set state = 'done', finished_at = ?, result = ? where id = ?`).run(Date.now(), JSON.stringify({ file: '/srv/keel/backups/keel-1.db', size: '1.2 MB', pruned: 2, warnings: [] }), id);
    expect(latestJob(db, 'backup')?.id).toBe(id);
    expect((await actions.backUpNowAction({})).ok).toBe(true);
  });

  test('a backup result is told by its file name and size', () => {
    expect(describeJobResult('backup', { file: '/srv/keel/backups/keel-2026.db', size: '1.2 MB', pruned: 2, warnings: ['w'] })).toEqual({
      summary: 'keel-2026.db (1.2 MB); 2 old backups removed',
      warnings: ['w'],
    });
    expect(describeJobResult('prune', { signInAttempts: 0, sessions: 1, rateLimitWindows: 0, jobs: 3 }).summary).toBe('Cleared out 1 ended session, 3 finished jobs');
    expect(describeJobResult('backup', 'garbage')).toEqual({ summary: null, warnings: [] });
  });
});


describe('Retry', () => {
  test('queues a failed job again with fresh tries', async () => {
    const id = failedJob();
    const result = await actions.retryJobAction({ id });
    expect(result).toMatchObject({ ok: true, data: { label: 'Test job', job: { id, kind: 'noop', state: 'queued', attempts: 0 } } });
    expect(getJob(db, id)).toMatchObject({ state: 'queued', attempts: 0, finishedAt: null });
  });

  test('refuses a job that is no longer failed, saying why', async () => {
    const id = failedJob();
    await actions.retryJobAction({ id });
    const again = await actions.retryJobAction({ id });
    expect(again).toMatchObject({ ok: false, error: expect.stringMatching(/^This job is queued now, not failed/) });
    db.$client.prepare(`update jobs set state = 'done', finished_at = ? where id = ?`).run(Date.now(), id);
    expect(await actions.retryJobAction({ id })).toMatchObject({ ok: false, error: expect.stringMatching(/^This job is done now, not failed/) });
    expect(getJob(db, id)?.state).toBe('done');
    expect(await actions.retryJobAction({ id: 9999 })).toEqual({ ok: false, error: 'This job is no longer kept, so it cannot be retried.' });
    expect(await actions.retryJobAction({ id: 'x' as unknown as number })).toMatchObject({ ok: false, fieldErrors: { id: expect.any(String) } });
  });
});

describe('GET /api/jobs/[id]', () => {
  const get = (id: string) => route.GET(new Request(`http://keel.test/api/jobs/${id}`), { params: Promise.resolve({ id }) });

  test('an admin reads any job, never cached', async () => {
    const id = enqueueJob(db, 'backup', { keep: 3 }, { createdBy: rep.id });
    db.$client.prepare(`update jobs set state = 'running', attempts = 1, progress = 0.5, progress_message = 'Copying the database' where id = ?`).run(id);
    const res = await get(String(id));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ id, kind: 'backup', state: 'running', progress: 0.5, message: 'Copying the database', error: null, result: null, attempts: 1, maxAttempts: 3 });
  });

  test('anyone else reads only the jobs they started', async () => {
    const mine = enqueueJob(db, 'noop', {}, { createdBy: rep.id });
    const theirs = enqueueJob(db, 'noop', {}, { createdBy: manager.id });
    const scheduled = enqueueJob(db, 'prune', {}, { schedule: 'prune' });
    session.user = rep;
    expect((await get(String(mine))).status).toBe(200);
    for (const id of [theirs, scheduled]) {
      const res = await get(String(id));
      expect(res.status).toBe(404);
      expect(await res.text()).toBe('');
    }
  });

  test.each(['abc', '0', '-1', '1e3', '1.5', '99999', `${'9'.repeat(30)}`])('%j: a bare 404', async (id) => {
    enqueueJob(db, 'noop', {}, { createdBy: admin.id });
    const res = await get(id);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  test('signed out, even a job that exists is a bare 404', async () => {
    const id = enqueueJob(db, 'noop', {}, { createdBy: admin.id });
    session.user = null;
    const res = await get(String(id));
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('');
  });
});
