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
