import { expect, test, type Page } from '@playwright/test';
import { signIn, USERS } from './helpers';

async function createDeal(page: Page, title: string) {
  await page.goto('/deals/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Value').fill('4,000');
  await page.getByLabel('Expected close').fill('2030-03-31');
  await page.getByRole('combobox', { name: 'Company' }).fill('a');
  await page.getByRole('listbox').getByRole('option').first().click();
  await page.getByRole('button', { name: 'Create deal' }).click();
  await expect(page.getByTestId('deal-header').getByRole('heading', { name: title })).toBeVisible();
}

test('a deal page: edit a field, move by the stage bar, log a call, lose and reopen it — all on its history', async ({ page }) => {
  const title = `Detail deal ${Date.now().toString(36)}`;
  await signIn(page, USERS.manager.email);
  await createDeal(page, title);
  const history = page.getByTestId('timeline-item');
  await expect(history.filter({ hasText: 'Deal created at $4,000.00' })).toHaveAttribute('data-type', 'deal');

  const form = page.getByRole('form', { name: 'Deal details' });
  await form.getByLabel('Value').fill('5,250.50');
  await form.getByLabel('Probability override %').fill('40');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByText('Saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('deal-value')).toHaveText('$5,250.50');
  await expect(history.filter({ hasText: 'Value changed from $4,000.00 to $5,250.50' })).toHaveAttribute('data-type', 'change');

  await page.getByRole('list', { name: 'Stages' }).getByRole('button', { name: /Proposal/ }).click();
  await expect(history.filter({ hasText: 'Moved from Lead to Proposal' })).toHaveAttribute('data-type', 'stage');
  await expect(page.getByTestId('deal-header')).toContainText('Proposal');

  const log = page.getByRole('form', { name: 'Log activity' });
  await log.getByLabel('Subject').fill('Walked through the proposal');
  await log.getByLabel('Outcome').selectOption('connected');
  await log.getByRole('button', { name: 'Log activity' }).click();
  await expect(history.filter({ hasText: 'Walked through the proposal' })).toHaveAttribute('data-type', 'call');

  await page.getByRole('button', { name: 'Mark lost' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark as lost' });
  await dialog.getByLabel('Reason').selectOption('Timing');
  await dialog.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(page.getByTestId('deal-status')).toHaveText('Lost: Timing');
  await expect(history.filter({ hasText: 'Marked lost: Timing' })).toHaveAttribute('data-type', 'lost');
  await page.getByRole('button', { name: 'Reopen deal' }).click();
  await expect(page.getByTestId('deal-status')).toHaveText(/^Open/);
});

test('a rep sees another rep’s deal but cannot change it', async ({ page, browser }) => {
  const title = `Mia keeps this ${Date.now().toString(36)}`;
  await signIn(page, USERS.manager.email);
  await createDeal(page, title);
  const url = page.url();

  const other = await browser.newContext();
  const rep = await other.newPage();
  await signIn(rep, USERS.rep.email);
  await rep.goto(url);
  await expect(rep.getByTestId('deal-header').getByRole('heading', { name: title })).toBeVisible();
  await expect(rep.getByText('Only the deal’s owner, a manager or an admin can change it.')).toBeVisible();
  await expect(rep.getByRole('form', { name: 'Deal details' }).getByLabel('Value')).toBeDisabled();
  await expect(rep.getByRole('button', { name: 'Mark won' })).toHaveCount(0);
  await other.close();
});

test('the deal list sorts, pages and exports what the filters show', async ({ page }) => {
  await signIn(page, USERS.manager.email, undefined, '/deals/list');
  await page.getByRole('link', { name: /^Value/ }).click();
  await expect(page).toHaveURL(/sort=value$/);
  await page.getByRole('link', { name: /^Value/ }).click();
  await expect(page).toHaveURL(/sort=value&dir=desc/);
  const values = await page.locator('[data-testid="deal-row"] [data-col="value"]').allTextContents();
  const cents = values.map((v) => Number(v.replace(/[^0-9]/g, '')));
  expect(cents.length).toBe(50);
  expect([...cents].sort((a, b) => b - a)).toEqual(cents);
  await page.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/^51–/)).toBeVisible();

  const title = `Export me ${Date.now().toString(36)}`;
  await createDeal(page, title);
  await page.goto(`/deals/list?q=${encodeURIComponent(title)}`);
  await expect(page.getByTestId('deal-row')).toHaveCount(1);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const text = (await import('node:fs')).readFileSync(await (await download).path(), 'utf8');
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe('id,title,value,currency,pipeline,stage,probability,weighted_value,status,expected_close_date,owner,company,contact,source,created_at,closed_at,lost_reason');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`${title},4000.00,USD,Sales,Lead,10,400.00,open,2030-03-31,Mia Manager,`);
});
