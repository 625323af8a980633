import { expect, test, type Page } from '@playwright/test';
import { signIn, USERS } from './helpers';
import { e2eDb, one } from './workspace-db';

// Duplicates as people meet them: the form says "this looks like …" while a contact is typed, saving
// stays possible, and the pair then waits on the duplicates screen until someone decides.

/** The demo workspace's pairs come from the worker's match_keys job, a few seconds after start. */
async function waitForMatchKeys() {
  await expect
    .poll(
      () => {
        const db = e2eDb();
        try {
          return (db.prepare(`select state from jobs where kind = 'match_keys' order by id desc limit 1`).get() as { state: string } | undefined)?.state ?? 'none';
        } finally {
          db.close();
        }
      },
      { timeout: 30_000 },
    )
    .toMatch(/^(done|none)$/);
}

const warning = (page: Page) => page.getByTestId('likely-duplicates');

test('typing a known email warns beside the form; a phone match saves anyway and waits on the duplicates screen until dismissed for good', async ({ page }) => {
  await waitForMatchKeys();
  const stamp = Date.now().toString(36);
  const digits = String(Date.now()).slice(-7);
  const [exchange, line] = [digits.slice(0, 3).replace(/^[01]/, '7'), digits.slice(3)];
  const email = `dupe-${stamp}@example.com`;

  await signIn(page, USERS.admin.email, undefined, '/contacts/new');
  await page.getByLabel('First name').fill('Dora');
  await page.getByLabel('Last name').fill(`Original ${stamp}`);
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Phone', { exact: true }).fill(`+1 646 ${exchange} ${line}`);
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(page).toHaveURL(/\/contacts\/\d+$/);
  const firstId = Number(new URL(page.url()).pathname.split('/').pop());

  // The same address in other letters: the warning names the first contact, with why.
  await page.goto('/contacts/new');
  await page.getByLabel('First name').fill('Dora');
  await page.getByLabel('Last name').fill(`Again ${stamp}`);
  await page.getByLabel('Email', { exact: true }).fill(email.toUpperCase().replace('EXAMPLE.COM', 'Example.Com'));
  await expect(warning(page)).toContainText('This looks like Dora Original');
  await expect(warning(page)).toContainText(`— same email ${email}`);
  await expect(warning(page).getByRole('link', { name: `Dora Original ${stamp}` })).toHaveAttribute('href', `/contacts/${firstId}`);

  // A different email but the same number, written the national way: still a lookalike (on leaving
  // the field, without waiting), and saving is not blocked.
  await page.getByLabel('Email', { exact: true }).fill(`dora-${stamp}@elsewhere.example`);
  await page.getByLabel('Phone', { exact: true }).fill(`(646) ${exchange}-${line}`);
  await page.getByLabel('Job title').focus();
  await expect(warning(page)).toContainText(`— same phone +1 646 ${exchange} ${line}`);
  await expect(warning(page)).not.toContainText('same email');
  await page.getByRole('button', { name: 'Create contact' }).click();
  await expect(page).toHaveURL(/\/contacts\/\d+$/);
  const secondId = Number(new URL(page.url()).pathname.split('/').pop());

  // The list links to the screen with a count; the pair is there, lower id first, with its reason.
  await page.goto('/contacts');
  const link = page.getByTestId('duplicates-link');
  await expect(link).toContainText(/Duplicates \d+/);
  await link.click();
  await expect(page).toHaveURL(/\/contacts\/duplicates$/);
  await expect(page.getByRole('heading', { name: 'Duplicate contacts' })).toBeVisible();
  const pair = page.locator(`[data-testid="duplicate-pair"][data-ids="${firstId},${secondId}"]`);
  await expect(pair).toBeVisible();
  await expect(pair.getByTestId('duplicate-reasons')).toContainText(`Same phone +1 646 ${exchange} ${line}`);
  await expect(pair).toContainText('70 % match');
  await expect(pair.getByRole('link', { name: 'Compare and merge' })).toHaveAttribute('href', `/contacts/merge?ids=${firstId},${secondId}`);
  await expect(pair.getByRole('link', { name: `Dora Original ${stamp}` })).toHaveAttribute('href', `/contacts/${firstId}`);

  await pair.getByRole('button', { name: 'Not a duplicate' }).click();
  await expect(pair).toHaveCount(0);
  await expect(page.getByText(`Dora Original ${stamp} and Dora Again ${stamp}: marked as not a duplicate.`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Duplicate contacts' })).toBeVisible();
  await expect(page.locator(`[data-testid="duplicate-pair"][data-ids="${firstId},${secondId}"]`)).toHaveCount(0);
  expect(one<{ n: number }>(`select count(*) as n from duplicate_dismissals where kind = 'contact' and low_id = ? and high_id = ?`, firstId, secondId).n).toBe(1);
});

test('the company form warns about a company with the same name, legal form and case aside', async ({ page }) => {
  await waitForMatchKeys();
  // A name no other company shares: a name shared by too many says nothing (match-keys.ts BLOCK_LIMIT).
  const existing = one<{ id: number; name: string }>(
    `select co.id, co.name from companies co join company_match_keys k on k.company_id = co.id and k.type = 'name'
     where (select count(*) from company_match_keys o where o.type = 'name' and o.key = k.key) = 1 order by co.id limit 1`,
  );
  await signIn(page, USERS.manager.email, undefined, '/companies/new');
  await page.getByLabel('Name').fill(`${existing.name.toUpperCase()} GmbH`);
  await expect(warning(page)).toContainText(`This looks like ${existing.name}`);
  await expect(warning(page).getByRole('link', { name: existing.name })).toHaveAttribute('href', `/companies/${existing.id}`);
  await page.getByLabel('Name').fill('Zzyzx Unmatched Holdings');
  await expect(warning(page)).not.toContainText('This looks like');
});

test('a rep gets the forbidden page and no duplicates link', async ({ page }) => {
  await signIn(page, USERS.rep.email, undefined, '/contacts');
  await expect(page.getByRole('heading', { name: 'Contacts' })).toBeVisible();
  await expect(page.getByTestId('duplicates-link')).toHaveCount(0);
  for (const path of ['/contacts/duplicates', '/companies/duplicates']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  }
});
