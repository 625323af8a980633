import { expect, test, type Page } from '@playwright/test';
import { signIn, USERS } from './helpers';

/** Creates a contact through the form, logs a call on it, and returns its id. */
async function contactWithCall(page: Page, fields: Record<string, string>, call: string): Promise<number> {
  await page.goto('/contacts/new');
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(page).toHaveURL(/\/contacts\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  const form = page.getByRole('form', { name: 'Log activity' });
  await form.getByLabel('Type').selectOption('call');
  await form.getByLabel('Subject').fill(call);
  await form.getByRole('button', { name: 'Log activity' }).click();
  await expect(form.getByText('Logged.')).toBeVisible();
  return id;
}

test('merge two contacts: keep one, pick values, survive a concurrent edit, land on the kept contact with both histories; the old link follows', async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  await signIn(page, USERS.admin.email, undefined, '/contacts');
  // Two records of one person, with the same phone: the older one will be kept by default.
  const keptId = await contactWithCall(
    page,
    { 'First name': 'Merle', 'Last name': `Keeper ${stamp}`, Email: `merle.${stamp}@one.example`, Phone: '+1 415 555 0142', 'Job title': 'Buyer' },
    `Call on the keeper ${stamp}`,
  );
  const otherId = await contactWithCall(
    page,
    { 'First name': 'Merle', 'Last name': `Copy ${stamp}`, Email: `merle.${stamp}@two.example`, Phone: '(415) 555-0142', Source: 'Trade fair' },
    `Call on the copy ${stamp}`,
  );

  await page.goto(`/contacts/merge?ids=${otherId},${keptId}`);
  await expect(page.getByRole('heading', { name: 'Merge contacts' })).toBeVisible();
  await expect(page.getByRole('radio', { name: `Keep Merle Keeper ${stamp}` })).toBeChecked();
  await expect(page.getByTestId('merge-side').filter({ hasText: `Copy ${stamp}` })).toContainText('0 deals · 1 activity · 0 tasks');

  // Email: take the copy's. Job title is blank on the copy, source blank on the keeper: each takes the filled side.
  const email = page.getByRole('group', { name: 'Email', exact: true });
  await email.getByRole('radio', { name: new RegExp(`two\\.example`) }).check();
  const title = page.getByRole('group', { name: 'Job title', exact: true });
  await expect(title.getByRole('radio', { name: /Buyer/ })).toBeChecked();
  await expect(title.getByRole('radio', { name: /Blank/ })).toBeDisabled();
  await expect(page.getByRole('group', { name: 'Source' }).getByRole('radio', { name: /Trade fair/ })).toBeChecked();

  // Meanwhile someone edits the copy in another tab.
  const other = await page.context().newPage();
  await other.goto(`/contacts/${otherId}/edit`);
  await other.getByLabel('Job title', { exact: true }).fill('Head of buying');
  await other.getByRole('button', { name: 'Save contact' }).click();
  await expect(other).toHaveURL(new RegExp(`/contacts/${otherId}$`));
  await other.close();

  await page.getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByTestId('merge-summary').getByRole('alert')).toContainText('Someone else changed one of these contacts meanwhile.');
  await expect(email.getByRole('radio', { name: /two\.example/ })).toBeChecked();
  await page.getByRole('button', { name: 'Reload the contacts, keeping my picks' }).click();
  // The new title is there to pick from; the email pick survived.
  await expect(title.getByRole('radio', { name: /Head of buying/ })).toBeEnabled();
  await title.getByRole('radio', { name: /Head of buying/ }).check();
  await expect(email.getByRole('radio', { name: /two\.example/ })).toBeChecked();

  await page.getByRole('button', { name: 'Merge' }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${keptId}$`));
  const header = page.getByTestId('contact-header');
  await expect(header.getByRole('heading', { name: `Merle Keeper ${stamp}` })).toBeVisible();
  await expect(header).toContainText(`merle.${stamp}@two.example`);
  await expect(header).toContainText('Trade fair');
  await expect(page.getByTestId('timeline-item').filter({ hasText: `Call on the keeper ${stamp}` })).toBeVisible();
  await expect(page.getByTestId('timeline-item').filter({ hasText: `Call on the copy ${stamp}` })).toBeVisible();
  const merged = page.getByTestId('timeline-item').filter({ hasText: `Merged with Merle Copy ${stamp} (#${otherId})` });
  await expect(merged).toHaveAttribute('data-type', 'merge');
  await expect(merged).toContainText(USERS.admin.name);
  await expect(merged).toContainText('Moved 1 activity or task.');

  // Only merges, through the timeline's filter.
  await page.getByRole('link', { name: 'Merges' }).click();
  await expect(page.getByTestId('timeline-item')).toHaveCount(1);

  // The old link, and its edit page, lead to the kept contact.
  await page.goto(`/contacts/${otherId}`);
  await expect(page).toHaveURL(new RegExp(`/contacts/${keptId}$`));
  await page.goto(`/contacts/${otherId}/edit`);
  await expect(page).toHaveURL(new RegExp(`/contacts/${keptId}/edit$`));

  // Coming back to the merge page now says what happened.
  await page.goto(`/contacts/merge?ids=${otherId},${keptId}`);
  await expect(page.getByTestId('merge-problem')).toContainText('no longer exists');
  await page.getByRole('link', { name: 'Open the contact it was merged into' }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${keptId}$`));
});

test('a rep may not open the merge page; a bad link explains itself', async ({ page }) => {
  await signIn(page, USERS.rep.email, undefined, '/contacts');
  const res = await page.goto('/contacts/merge?ids=1,2');
  expect(res?.status()).toBe(403);
  await page.context().clearCookies();
  await signIn(page, USERS.manager.email, undefined, '/companies');
  await page.goto('/companies/merge?ids=5');
  await expect(page.getByTestId('merge-problem')).toContainText('Pick two different companies to merge.');
  await expect(page.getByRole('link', { name: 'Back to duplicate companies' })).toHaveAttribute('href', '/companies/duplicates');
});
