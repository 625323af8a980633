import { expect, test, type Page } from '@playwright/test';
import { signIn, USERS } from './helpers';
import { one } from './workspace-db';

const group = (page: Page, key: string) => page.locator(`[data-testid="task-group"][data-group="${key}"]`);
const taskRow = (page: Page, id: string) => page.locator(`[data-testid="task-row"][data-task-id="${id}"]`);

/** The overdue count in the navigation badge; 0 when there is no badge. */
async function badgeCount(page: Page): Promise<number> {
  const badge = page.getByRole('navigation', { name: 'Main' }).getByTestId('overdue-badge');
  return (await badge.count()) ? Number(await badge.textContent()) : 0;
}

test('a rep sees their tasks by due date, completes one with a click and snoozes another', async ({ page }) => {
  await signIn(page, USERS.rep.email, undefined, '/tasks');
  await expect(page.getByRole('heading', { name: 'Tasks', level: 1 })).toBeVisible();
  // The demo gives every rep overdue tasks and tasks due later; Today always has its place.
  await expect(group(page, 'overdue').getByRole('heading', { name: /^Overdue/ })).toBeVisible();
  await expect(group(page, 'today').getByRole('heading', { name: /^Today/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Tasks/ })).toHaveAttribute('aria-current', 'page');

  const overdueRows = group(page, 'overdue').getByTestId('task-row');
  await expect(overdueRows.first()).toBeVisible();
  await expect(overdueRows.first().getByTestId('task-due')).toContainText(/overdue|yesterday/);
  // Each task links to what it is about.
  await expect(overdueRows.first().getByRole('link', { name: /^Deal: / })).toHaveAttribute('href', /^\/deals\/\d+$/);
  const before = await badgeCount(page);
  expect(before).toBeGreaterThan(0);
  await expect(page.getByTestId('overdue-badge')).toHaveAccessibleName(`${before} overdue`);

  // Complete: one click, the task leaves the list and the badge counts one fewer.
  const done = overdueRows.first();
  const doneId = (await done.getAttribute('data-task-id'))!;
  const doneSubject = (await done.locator('div.font-medium').first().textContent())!;
  await done.getByRole('button', { name: /^Complete/ }).click();
  await expect(taskRow(page, doneId)).toHaveCount(0);
  await expect.poll(() => badgeCount(page)).toBe(before - 1);
  await page.reload();
  await expect(taskRow(page, doneId)).toHaveCount(0);

  // Snooze an overdue task to tomorrow: it is no longer overdue.
  const snoozed = group(page, 'overdue').getByTestId('task-row').first();
  const snoozedId = (await snoozed.getAttribute('data-task-id'))!;
  await snoozed.getByRole('button', { name: 'Snooze to tomorrow' }).click();
  await expect(group(page, 'overdue').locator(`[data-task-id="${snoozedId}"]`)).toHaveCount(0);
  await expect(taskRow(page, snoozedId).getByTestId('task-due')).toHaveText('Due tomorrow');
  await expect.poll(() => badgeCount(page)).toBe(before - 2);

  // What was finished today can be shown again.
  await page.getByRole('link', { name: 'Show completed today' }).click();
  await expect(page.getByTestId('completed-task-row').filter({ hasText: doneSubject })).not.toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Hide completed today' })).toBeVisible();

  // A rep never sees anyone else's tasks, whatever the URL asks for.
  await page.goto('/tasks?owner=all');
  await expect(page.getByLabel('Whose tasks')).toHaveCount(0);
  await expect(page.getByText('Your open tasks')).toBeVisible();
});

test('the calendar feed link works until it is revoked', async ({ page, request }) => {
  await signIn(page, USERS.rep2.email);
  // The name in the shell footer leads to the profile.
  await page.getByTestId('current-user').getByRole('link', { name: USERS.rep2.name }).click();
  await expect(page.getByRole('heading', { name: 'Your profile' })).toBeVisible();
  const feed = page.getByTestId('calendar-feed');
  await feed.getByRole('button', { name: 'Create feed link' }).click();
  const input = feed.getByLabel('Calendar feed URL');
  await expect(input).toHaveValue(/^http:\/\/localhost:\d+\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const first = await input.inputValue();

  const ics = await request.get(first);
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  const body = await ics.text();
  expect(body).toContain('BEGIN:VCALENDAR\r\n');
  expect(body).toMatch(/\r\nSUMMARY:Task: /);

  await feed.getByRole('button', { name: 'Revoke and create a new link' }).click();
  await expect(feed.getByText('New link created. The old link no longer works')).toBeVisible();
  await expect(input).not.toHaveValue(first);
  const second = await input.inputValue();
  const old = await request.get(first);
  expect(old.status()).toBe(404);
  expect(await old.text()).toBe('');
  expect((await request.get(second)).status()).toBe(200);
});

test('a manager looks at a rep\'s tasks and reassigns one', async ({ page }) => {
  await signIn(page, USERS.manager.email, undefined, '/tasks');
  await page.getByLabel('Whose tasks').selectOption({ label: USERS.rep2.name });
  await expect(page).toHaveURL(/owner=\d+/);
  await expect(page.getByText(`${USERS.rep2.name}’s open tasks`)).toBeVisible();
  const row = page.getByTestId('task-row').first();
  const id = (await row.getAttribute('data-task-id'))!;
  const subject = (await row.locator('div.font-medium').first().textContent())!;
  await row.getByLabel(`Reassign ${subject} to`).selectOption({ label: USERS.manager.name });
  await expect(taskRow(page, id)).toHaveCount(0);
  await page.getByLabel('Whose tasks').selectOption('me');
  await expect(taskRow(page, id)).toBeVisible();
  await expect(taskRow(page, id).getByLabel(`Reassign ${subject} to`).locator('option:checked')).toHaveText(USERS.manager.name);

  // The task's deal and contact pages say who gave it to whom, and when.
  const links = one<{ dealId: number | null; contactId: number | null }>('select deal_id as dealId, contact_id as contactId from activities where id = ?', Number(id));
  const pages = [links.dealId && `/deals/${links.dealId}`, links.contactId && `/contacts/${links.contactId}`].filter((p): p is string => Boolean(p));
  expect(pages.length).toBeGreaterThan(0);
  for (const path of pages) {
    await page.goto(path);
    const entry = page.getByTestId('timeline-item').filter({ hasText: `Task “${subject}” reassigned from ${USERS.rep2.name} to ${USERS.manager.name}` });
    await expect(entry).toHaveAttribute('data-type', 'reassigned');
    await expect(entry.locator('time')).toHaveText(/\d{1,2}:\d{2} [AP]M \S+$/);
  }
});

test('with nothing to do, the page says so; a full list fits a phone', async ({ page, browser }) => {
  // The admin owns no demo tasks.
  await signIn(page, USERS.admin.email, undefined, '/tasks');
  await expect(page.getByText('Nothing to do.')).toBeVisible();
  await expect(page.getByText('Tasks you schedule from a deal or contact show up here.')).toBeVisible();

  // A rep's list at 390 px: no sideways scrolling, and Complete is within reach.
  const phone = await (await browser.newContext()).newPage();
  await signIn(phone, USERS.rep.email, undefined, '/tasks');
  await phone.setViewportSize({ width: 390, height: 844 });
  await expect(group(phone, 'overdue').getByTestId('task-row').first()).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(phone.getByTestId('task-row').first().getByRole('button', { name: /^Complete/ })).toBeInViewport();
  // The badge is in the menu.
  await phone.getByRole('button', { name: 'Open menu' }).click();
  await expect(phone.getByTestId('overdue-badge')).toBeVisible();
  await phone.context().close();
});
