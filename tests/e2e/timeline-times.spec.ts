import { expect, test } from '@playwright/test';
import { formatInstant } from '../../lib/dates';
import { signIn, USERS } from './helpers';
import { one } from './workspace-db';

test('a logged call shows the time it was logged in the workspace’s time zone, named, on the contact and its company', async ({ page }) => {
  const subject = `Zone check ${Date.now().toString(36)}`;
  const contact = one<{ id: number; companyId: number }>('select id, company_id as companyId from contacts where company_id is not null order by id limit 1');
  await signIn(page, USERS.rep.email, undefined, `/contacts/${contact.id}`);
  const log = page.getByRole('form', { name: 'Log activity' });
  await log.getByLabel('Type').selectOption('call');
  await log.getByLabel('Subject').fill(subject);
  await log.getByRole('button', { name: 'Log activity' }).click();
  const entry = page.getByTestId('timeline-item').filter({ hasText: subject });
  await expect(entry).toHaveAttribute('data-type', 'call');

  // What the server stored and the zone the workspace is set to (the demo seed leaves the default, UTC).
  const { doneAt } = one<{ doneAt: number }>('select done_at as doneAt from activities where subject = ?', subject);
  const { timezone } = one<{ timezone: string }>('select timezone from workspace where id = 1');
  const shown = formatInstant(doneAt, timezone);
  expect(shown).toMatch(timezone === 'UTC' ? / UTC$/ : /\S$/);
  await expect(entry.locator('time')).toHaveText(shown);
  await expect(entry.locator('time')).toHaveAttribute('datetime', new Date(doneAt).toISOString());

  await page.goto(`/companies/${contact.companyId}`);
  await expect(page.getByTestId('timeline-item').filter({ hasText: subject }).locator('time')).toHaveText(shown);
});
