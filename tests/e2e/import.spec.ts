import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { signIn, USERS } from './helpers';
import { e2eDb, one } from './workspace-db';

// The /import screen as an admin uses it: choose what the file holds and the file, read the report
// (counts, the rejected row by its file line), confirm, watch the job finish, then undo it.

async function upload(page: Page, kind: RegExp, file: { name: string; buffer: Buffer }) {
  await page.goto('/import');
  await page.getByRole('radio', { name: kind }).check();
  await page.getByLabel('2. The file').setInputFiles({ name: file.name, mimeType: 'text/csv', buffer: file.buffer });
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/import\/\d+$/);
}

const countContacts = (lastName: string) => {
  const db = e2eDb();
  try {
    return (db.prepare('select count(*) as n from contacts where last_name = ?').get(lastName) as { n: number }).n;
  } finally {
    db.close();
  }
};

test('a file with a duplicate of a known contact and a bad row: report, import with progress, undo', async ({ page }) => {
  test.setTimeout(90_000);
  const stamp = Date.now().toString(36);
  const lastName = `Imported${stamp}`;
  // A demo contact with an email, not the longest-named one other specs open.
  const known = one<{ firstName: string; lastName: string; email: string }>(
    `select first_name as firstName, last_name as lastName, email from contacts where email is not null and email <> '' order by length(first_name || last_name), id limit 1`,
  );
  const csv = [
    'First Name,Last Name,Email,Phone,Company',
    `Ada,${lastName},ada.${stamp}@example.com,,Importers ${stamp}`,
    `${known.firstName},${known.lastName},${known.email.toUpperCase()},+1 212 555 0147,`,
    `Bad,${lastName},not-an-email,,`,
    `Grace,${lastName},grace.${stamp}@example.com,,Importers ${stamp}`,
  ].join('\n');

  await signIn(page, USERS.admin.email);
  await upload(page, /Contacts with their companies/, { name: `people-${stamp}.csv`, buffer: Buffer.from(csv) });

  // The guessed mapping: one select per column of the file.
  await expect(page.getByTestId('mapping-row')).toHaveCount(5);
  await expect(page.getByLabel('Field for Email')).toHaveValue('email');
  await page.getByRole('button', { name: 'Check', exact: true }).click();

  const counts = page.getByTestId('import-counts');
  await expect(counts).toHaveAttribute('data-create', '2');
  await expect(counts).toHaveAttribute('data-update', '1');
  await expect(counts).toHaveAttribute('data-error', '1');
  const rejected = page.getByTestId('import-error');
  await expect(rejected).toHaveCount(1);
  await expect(rejected).toHaveAttribute('data-line', '4');
  await expect(rejected).toContainText(/email/i);
  expect(countContacts(lastName)).toBe(0);

  await page.getByRole('button', { name: 'Import 3 rows' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('job-progress').first()).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('import-state')).toHaveAttribute('data-state', 'done');
  await expect(counts).toHaveAttribute('data-create', '2');
  await expect(counts).toHaveAttribute('data-update', '1');
  expect(countContacts(lastName)).toBe(2);
  // The created records are linked from their rows.
  await expect(page.getByTestId('import-row').getByRole('link', { name: 'Open' }).first()).toBeVisible();

  // The history lists it.
  await page.goto('/import');
  await expect(page.getByTestId('import-batch').filter({ hasText: `people-${stamp}.csv` })).toContainText('Imported');
  await page.getByTestId('import-batch').filter({ hasText: `people-${stamp}.csv` }).getByRole('link').click();

  await page.getByRole('button', { name: 'Undo this import' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Undo the import' }).click();
  await expect(page.getByTestId('import-state')).toHaveAttribute('data-state', 'undone', { timeout: 30_000 });
  // Two contacts and the company they brought are deleted; the known contact loses the phone it gained.
  await expect(page.getByText(/3 records deleted, 1 record restored/)).toBeVisible();
  expect(countContacts(lastName)).toBe(0);
  await page.goto(`/contacts?q=${lastName}`);
  await expect(page.getByText('Ada')).toHaveCount(0);
});

/** Logs a call on the contact page that is open, through its form. */
async function logCall(page: Page, subject: string) {
  const form = page.getByRole('form', { name: 'Log activity' });
  await form.getByLabel('Type').selectOption('call');
  await form.getByLabel('Subject').fill(subject);
  await form.getByRole('button', { name: 'Log activity' }).click();
  await expect(form.getByText('Logged.')).toBeVisible();
}

test('the whole way: a file with a likely duplicate and a bad row, its report, the import with progress, then a merge that keeps both timelines', async ({ page }) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  await signIn(page, USERS.admin.email, undefined, '/contacts');

  // A contact a rep already works with, with a call on their timeline.
  await page.goto('/contacts/new');
  await page.getByLabel('First name', { exact: true }).fill('Lina');
  await page.getByLabel('Last name', { exact: true }).fill(`Marsh ${stamp}`);
  await page.getByLabel('Email', { exact: true }).fill(`lina.${stamp}@old.example`);
  await page.getByLabel('Phone', { exact: true }).fill('+1 303 555 0199');
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(page).toHaveURL(/\/contacts\/\d+$/);
  const knownId = Number(new URL(page.url()).pathname.split('/').pop());
  await logCall(page, `Call before the import ${stamp}`);

  // The file brings the same person under a new email (the same phone, written another way), a
  // row with a broken email, and someone new.
  const csv = [
    'First Name,Last Name,Email,Phone,Company',
    `Lina,Marsh ${stamp},lina.${stamp}@new.example,(303) 555-0199,`,
    `Broken,Row ${stamp},lina-at-example,,`,
    `Otto,Fresh ${stamp},otto.${stamp}@example.com,,Fresh Co ${stamp}`,
  ].join('\n');
  await upload(page, /Contacts with their companies/, { name: `fair-${stamp}.csv`, buffer: Buffer.from(csv) });
  await page.getByRole('button', { name: 'Check', exact: true }).click();

  // The report: two to create, the bad row by its line, and the likely duplicate named with why.
  const counts = page.getByTestId('import-counts');
  await expect(counts).toHaveAttribute('data-create', '2');
  await expect(counts).toHaveAttribute('data-update', '0');
  await expect(counts).toHaveAttribute('data-error', '1');
  await expect(page.getByTestId('import-error')).toHaveAttribute('data-line', '3');
  await expect(page.getByTestId('import-error')).toContainText('is not a valid email address');
  const linaRow = page.getByTestId('import-row').filter({ hasText: `lina.${stamp}@new.example` });
  await expect(linaRow).toContainText(`Looks like Lina Marsh ${stamp}`);
  await expect(linaRow).toContainText(/same phone/i);

  // Confirm, and watch the job finish.
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('job-progress').first()).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.getByTestId('import-state')).toHaveAttribute('data-state', 'done');
  const batchUrl = page.url();

  // The new record gets a call of its own before anyone notices it is the same person.
  await linaRow.getByRole('link', { name: 'Open' }).click();
  await expect(page).toHaveURL(/\/contacts\/\d+$/);
  const importedId = Number(new URL(page.url()).pathname.split('/').pop());
  expect(importedId).not.toBe(knownId);
  await logCall(page, `Call after the import ${stamp}`);

  // Back on the import's page, the report's row links to the merge of the two.
  await page.goto(batchUrl);
  await page.getByTestId('import-row').filter({ hasText: `lina.${stamp}@new.example` }).getByRole('link', { name: 'Compare and merge' }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/merge\\?ids=${knownId},${importedId}$`));
  await expect(page.getByRole('radio', { name: `Keep Lina Marsh ${stamp}` }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Merge' }).click();

  // One contact, with both histories and the merge itself on its timeline; both emails kept.
  await expect(page).toHaveURL(new RegExp(`/contacts/${knownId}$`));
  await expect(page.getByTestId('timeline-item').filter({ hasText: `Call before the import ${stamp}` })).toBeVisible();
  await expect(page.getByTestId('timeline-item').filter({ hasText: `Call after the import ${stamp}` })).toBeVisible();
  await expect(page.getByTestId('timeline-item').filter({ hasText: `Merged with Lina Marsh ${stamp} (#${importedId})` })).toBeVisible();
  await expect(page.getByRole('main')).toContainText(`lina.${stamp}@new.example`);
  await page.goto(`/contacts/${importedId}`);
  await expect(page).toHaveURL(new RegExp(`/contacts/${knownId}$`));
});

test('the datablist customers sample imports as it is: 100 contacts to create', async ({ page }) => {
  await signIn(page, USERS.admin.email);
  const file = 'datablist-customers-100.csv';
  await upload(page, /Contacts with their companies/, { name: file, buffer: fs.readFileSync(path.resolve('tests/fixtures/import', file)) });
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const counts = page.getByTestId('import-counts');
  await expect(counts).toHaveAttribute('data-create', '100');
  await expect(counts).toHaveAttribute('data-error', '0');
  await expect(page.getByRole('button', { name: 'Import 100 rows' })).toBeEnabled();
});

test('a rep has no import screen', async ({ page }) => {
  await signIn(page, USERS.rep.email);
  const response = await page.goto('/import');
  expect(response?.status()).toBe(403);
});
