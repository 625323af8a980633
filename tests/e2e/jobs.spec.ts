import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import path from 'node:path';
import { signIn, USERS } from './helpers';
import { one } from './workspace-db';

// The jobs screen against the real worker that `npm start` runs beside the web processes: a backup
// started here is made by it, and a retried job is run by it.

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const schedule = (page: Page, name: string) => page.locator(`[data-testid="schedule"][data-name="${name}"]`);

/** Writes straight into the e2e server's database, as the worker would have. */
function insertFailedJob(error: string): number {
  const db = new Database(path.resolve(`tmp/e2e-${Number(process.env.E2E_PORT ?? 3210)}/keel.db`), { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const now = Date.now();
    const { lastInsertRowid } = db
      .prepare(
        `insert into jobs (kind, payload, state, run_at, attempts, max_attempts, last_error, created_at, started_at, finished_at)
         values ('noop', '{"ms":1500}', 'failed', ?, 3, 3, ?, ?, ?, ?)`,
      )
      .run(now, error, now - 5000, now - 2000, now - 2000);
    return Number(lastInsertRowid);
  } finally {
    db.close();
  }
}

test('the admin sees the backup and prune schedules (beside the nightly lead rescore), moves the backup and keeps fewer, and it stays saved', async ({ page }) => {
  await signIn(page, USERS.admin.email, undefined, '/settings/jobs');
  await expect(page.getByRole('heading', { name: 'Jobs', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' })).toHaveAttribute('aria-current', 'page');
  const { timezone } = one<{ timezone: string }>(`select timezone from workspace where id = 1`);

  const backup = schedule(page, 'backup');
  const prune = schedule(page, 'prune');
  await expect(backup.getByRole('heading', { name: 'Database backup' })).toBeVisible();
  await expect(backup.getByTestId('schedule-when')).toHaveText(`Every day at 02:00 (${timezone})`);
  await expect(prune.getByTestId('schedule-when')).toHaveText(`Every hour at :17 (${timezone})`);
  for (const card of [backup, prune]) await expect(card.getByTestId('schedule-next-run')).toHaveText(/\d{4}, \d{1,2}:\d{2} [AP]M/);
  await expect(backup.getByTestId('schedule-next-run')).toContainText('2:00 AM');
  await expect(page.getByTestId('backup-folder')).toHaveText(/backups$/);

  await field(page, 'Time of day').fill('3:30');
  await field(page, 'Backups kept').fill('7');
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved\. Next backup: .*3:30 AM/ })).toBeVisible();

  await page.reload();
  await expect(field(page, 'Time of day')).toHaveValue('03:30');
  await expect(field(page, 'Backups kept')).toHaveValue('7');
  await expect(backup.getByTestId('schedule-when')).toHaveText(`Every day at 03:30 (${timezone})`);
  await expect(backup.getByTestId('schedule-next-run')).toContainText('3:30 AM');
  expect(one<{ cron: string; payload: string }>(`select cron, payload from job_schedules where name = 'backup'`)).toEqual({ cron: '30 3 * * *', payload: '{"keep":7}' });

  // A time that is not one is refused beside the field, and nothing is saved.
  await field(page, 'Time of day').fill('25:00');
  await field(page, 'Backups kept').fill('0');
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await expect(page.getByText('Enter a time of day as HH:MM on the 24-hour clock, such as 02:00 or 23:30')).toBeVisible();
  await expect(page.getByText('Keep between 1 and 365 backups')).toBeVisible();
  await expect(field(page, 'Time of day')).toHaveAttribute('aria-invalid', 'true');
  expect(one<{ cron: string }>(`select cron from job_schedules where name = 'backup'`).cron).toBe('30 3 * * *');

  // The clean-up turns off (no next run) and on again.
  await prune.getByRole('button', { name: 'Turn off' }).click();
  await expect(prune.getByTestId('schedule-next-run')).toHaveText('Off');
  await prune.getByRole('button', { name: 'Turn on' }).click();
  await expect(prune.getByTestId('schedule-next-run')).toHaveText(/\d{1,2}:17 [AP]M/);

  // Put the nightly backup back as the demo had it.
  await field(page, 'Time of day').fill('02:00');
  await field(page, 'Backups kept').fill('14');
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved\./ })).toBeVisible();
});

test('Back up now: the worker makes the backup, and its file name stays after a reload', async ({ page }) => {
  await signIn(page, USERS.admin.email, undefined, '/settings/jobs');
  await page.getByRole('button', { name: 'Back up now' }).click();
  const current = page.getByTestId('current-backup');
  await expect(current.getByTestId('job-progress')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(current.getByTestId('job-result')).toHaveText(/^keel-\d{4}-\d{2}-\d{2}T\d{6}Z(-\d+)?\.db \(\d/);
  const file = ((await current.getByTestId('job-result').textContent()) ?? '').split(' ')[0];
  await expect(current).toContainText(`by ${USERS.admin.name}`);
  await expect(page.getByRole('button', { name: 'Back up now' })).toBeEnabled();

  await page.reload();
  await expect(page.getByTestId('current-backup').getByTestId('job-result')).toContainText(file);
  // Recent, newest first: the backup is there too, by the admin, with its file.
  const row = page.getByTestId('job-row').filter({ hasText: file });
  await expect(row).toHaveAttribute('data-kind', 'backup');
  await expect(row.getByTestId('job-created-by')).toHaveText(`by ${USERS.admin.name}`);
  await expect(row.getByTestId('job-attempts')).toHaveText('Attempt 1 of 3');
  const job = one<{ id: number; createdBy: number; state: string }>(`select id, created_by as createdBy, state from jobs where kind = 'backup' and schedule is null order by id desc limit 1`);
  expect(job.state).toBe('done');
  expect(job.createdBy).toBe(one<{ id: number }>(`select id from users where email = ?`, USERS.admin.email).id);

  // Its progress is the admin's to read; a rep is told nothing, not even that it exists.
  const api = await page.request.get(`/api/jobs/${job.id}`);
  expect(api.headers()['cache-control']).toBe('no-store');
  expect(await api.json()).toMatchObject({ id: job.id, kind: 'backup', state: 'done', progress: 1, result: { file: expect.stringContaining(file) } });
});

test('a failed job shows under Failed with its error; Retry runs it to the end', async ({ page }) => {
  const error = 'Simulated failure: the disk was full';
  const id = insertFailedJob(error);
  await signIn(page, USERS.admin.email, undefined, '/settings/jobs');
  await expect(page.locator('[data-testid="job-state-tab"][data-state="failed"] [data-testid="job-count"]')).not.toHaveText('0');
  await page.locator('[data-testid="job-state-tab"][data-state="failed"]').click();
  await expect(page).toHaveURL(/\?state=failed$/);
  const row = page.locator(`[data-testid="job-row"][data-job-id="${id}"]`);
  await expect(row.getByTestId('job-error')).toHaveText(error);
  await expect(row.getByTestId('job-state')).toHaveText('Failed');
  await expect(row.getByTestId('job-attempts')).toHaveText('Attempt 3 of 3');

  await row.getByRole('button', { name: 'Retry' }).click();
  const retried = page.locator(`[data-testid="retried-job"][data-job-id="${id}"]`);
  await expect(retried).toContainText(`Retried Test job #${id}`);
  await expect(retried.getByTestId('job-progress')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(row).toHaveCount(0);

  await page.goto('/settings/jobs');
  const done = page.locator(`[data-testid="job-row"][data-job-id="${id}"]`);
  await expect(done).toHaveAttribute('data-state', 'done');
  await expect(done.getByTestId('job-attempts')).toHaveText('Attempt 1 of 3');
});

test('reps and managers get the forbidden page and no Jobs link; a rep cannot read a job', async ({ browser }) => {
  const id = insertFailedJob('Left failed for the rep and the manager not to see');
  for (const who of [USERS.rep, USERS.manager]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, who.email);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' })).toHaveCount(0);
    const response = await page.goto('/settings/jobs');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    const api = await page.request.get(`/api/jobs/${id}`);
    expect(api.status()).toBe(404);
    expect(await api.text()).toBe('');
    await context.close();
  }
});
