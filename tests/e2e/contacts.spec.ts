import { expect, test } from '@playwright/test';
import { signIn, USERS } from './helpers';

test('find a contact by typing part of their name, log a call with a follow-up, and see both on the timeline', async ({ page }) => {
  await signIn(page, USERS.rep.email, undefined, '/contacts');
  // Pick a real person from the first page, then find them by the first letters of their last name.
  const first = page.getByTestId('contact-row').first().getByRole('link').first();
  const fullName = (await first.textContent())!.trim();
  const lastName = fullName.split(' ').slice(-1)[0];
  await page.getByRole('searchbox', { name: 'Search contacts' }).fill(lastName.slice(0, 4));
  await expect(page).toHaveURL(new RegExp(`q=${lastName.slice(0, 4)}`));
  const match = page.getByTestId('contact-row').filter({ hasText: fullName }).first();
  await expect(match).toBeVisible();
  await match.getByRole('link', { name: fullName }).click();

  const header = page.getByTestId('contact-header');
  await expect(header.getByRole('heading', { name: fullName })).toBeVisible();
  await expect(header).toContainText('Open pipeline');

  const stamp = Date.now().toString(36);
  const form = page.getByRole('form', { name: 'Log activity' });
  await form.getByLabel('Type').selectOption('call');
  await form.getByLabel('Subject').fill(`Budget check ${stamp}`);
  await form.getByLabel('Outcome').selectOption('left_voicemail');
  await form.getByLabel('Notes').fill('Asked for a call back on Tuesday.');
  await form.getByLabel('Schedule a follow-up task').check();
  await form.getByLabel('Follow-up subject').fill(`Call back ${stamp}`);
  await form.getByLabel('Due').fill('2030-01-15');
  await form.getByRole('button', { name: 'Log activity' }).click();
  await expect(form.getByText('Logged, and the follow-up is on your task list.')).toBeVisible();

  const call = page.getByTestId('timeline-item').filter({ hasText: `Budget check ${stamp}` });
  await expect(call).toHaveAttribute('data-type', 'call');
  await expect(call).toContainText('Left voicemail');
  const task = page.getByTestId('timeline-item').filter({ hasText: `Call back ${stamp}` });
  await expect(task).toHaveAttribute('data-type', 'task');
  await expect(task).toContainText('Due Jan 15, 2030');
  await expect(page.getByTestId('open-task').filter({ hasText: `Call back ${stamp}` })).toBeVisible();

  // Only calls: the task is filtered out.
  await page.getByRole('link', { name: 'Calls' }).click();
  await expect(page.getByTestId('timeline-item').filter({ hasText: `Budget check ${stamp}` })).toBeVisible();
  await expect(page.getByTestId('timeline-item').filter({ hasText: `Call back ${stamp}` })).toHaveCount(0);

  // Fix a typo in your own entry, then delete it.
  await call.getByRole('button', { name: 'Edit' }).click();
  await call.getByLabel('Subject').fill(`Budget check (edited) ${stamp}`);
  await call.getByRole('button', { name: 'Save' }).click();
  const edited = page.getByTestId('timeline-item').filter({ hasText: `Budget check (edited) ${stamp}` });
  await expect(edited).toBeVisible();
  await edited.getByRole('button', { name: 'Delete' }).click();
  await edited.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByTestId('timeline-item').filter({ hasText: `Budget check (edited) ${stamp}` })).toHaveCount(0);
});

test('a rep adding a contact with an email someone already has is refused, with a link to that contact', async ({ page }) => {
  await signIn(page, USERS.rep2.email, undefined, '/contacts');
  const existing = page.getByTestId('contact-row').nth(2);
  const name = (await existing.getByRole('link').first().textContent())!.trim();
  const email = (await existing.locator('td').nth(2).locator('div').first().textContent())!.trim();

  await page.getByRole('link', { name: 'New contact' }).first().click();
  await page.getByLabel('First name').fill('Duplicate');
  await page.getByLabel('Last name').fill('Person');
  await page.getByLabel('Email', { exact: true }).fill(email.toUpperCase());
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(page.getByText(`${name} already has this email.`)).toBeVisible();
  await expect(page.getByLabel('First name')).toHaveValue('Duplicate');
  await page.getByRole('link', { name: `Open ${name}` }).click();
  await expect(page.getByTestId('contact-header').getByRole('heading', { name })).toBeVisible();
});

test('create a contact with a new company and tags, then find the company and its person', async ({ page }) => {
  const stamp = Date.now().toString(36);
  await signIn(page, USERS.manager.email, undefined, '/contacts/new');
  await page.getByLabel('First name').fill('Quinn');
  await page.getByLabel('Last name').fill(`Newcomer${stamp}`);
  await page.getByLabel('Email', { exact: true }).fill(`quinn.${stamp}@example.test`);
  await page.getByLabel('Company').fill(`Lattice ${stamp}`);
  await page.getByLabel('Tags').fill('VIP, Trade show');
  await page.getByRole('button', { name: 'Create contact' }).click();
  const header = page.getByTestId('contact-header');
  await expect(header.getByRole('heading', { name: `Quinn Newcomer${stamp}` })).toBeVisible();
  await expect(header).toContainText('Trade show');
  await header.getByRole('link', { name: `Lattice ${stamp}` }).click();
  await expect(page.getByTestId('company-header').getByRole('heading', { name: `Lattice ${stamp}` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Quinn Newcomer${stamp}` })).toBeVisible();

  await page.goto(`/companies?q=lattice ${stamp}`);
  await expect(page.getByTestId('company-row')).toHaveCount(1);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const text = (await import('node:fs')).readFileSync(file, 'utf8');
  expect(text.split('\r\n')[0]).toBe('id,name,domain,industry,size,address,owner,tags,created_at');
  expect(text).toContain(`Lattice ${stamp}`);
});
