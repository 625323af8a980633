import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn, USERS } from './helpers';

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** Adds a deal through the full form (company picked by typing), and lands on its page. */
async function createDeal(page: Page, title: string, options: { owner?: string } = {}) {
  await page.goto('/deals/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Value').fill('4,000');
  await page.getByLabel('Expected close').fill('2030-03-31');
  await page.getByRole('combobox', { name: 'Company' }).fill('a');
  await page.getByRole('listbox').getByRole('option').first().click();
  if (options.owner) await page.getByLabel('Owner').selectOption({ label: options.owner });
  await page.getByRole('button', { name: 'Create deal' }).click();
  await expect(page).toHaveURL(/\/deals\/\d+$/);
  await expect(page.getByTestId('deal-header').getByRole('heading', { name: title })).toBeVisible();
}

async function asUser(browser: Browser, email: string, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, undefined, new URL(url).pathname);
  return { page, close: () => context.close() };
}

test('edit a deal’s value and see it saved after a reload, with a value entry in its history', async ({ page }) => {
  const title = unique('Detail value');
  await signIn(page, USERS.manager.email);
  await createDeal(page, title);
  const history = page.getByTestId('timeline-item');
  await expect(history.filter({ hasText: 'Deal created at $4,000.00' })).toHaveAttribute('data-type', 'created');

  const form = page.getByRole('form', { name: 'Deal details' });
  await form.getByLabel('Value').fill('5,250.50');
  await form.getByLabel('Probability override %').fill('12.5');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByText('Saved.')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('deal-value')).toHaveText('$5,250.50');
  await expect(form.getByLabel('Value')).toHaveValue('5250.50');
  await expect(form.getByLabel('Probability override %')).toHaveValue('12.5');
  await expect(history.filter({ hasText: 'Value changed from $4,000.00 to $5,250.50' })).toHaveAttribute('data-type', 'value');
  await expect(history.filter({ hasText: 'Probability changed' })).toHaveAttribute('data-type', 'probability');
});

test('a stage bar click moves the deal; a call with an outcome and a follow-up task land on the timeline', async ({ page }) => {
  const title = unique('Detail stage');
  await signIn(page, USERS.manager.email);
  await createDeal(page, title);
  const history = page.getByTestId('timeline-item');
  const stages = page.getByRole('list', { name: 'Stages' });
  await expect(stages.getByRole('button', { name: /Lead/ })).toHaveAttribute('aria-current', 'step');

  await stages.getByRole('button', { name: /Proposal/ }).click();
  await expect(history.filter({ hasText: 'Moved from Lead to Proposal' })).toHaveAttribute('data-type', 'stage');
  await expect(stages.getByRole('button', { name: /Proposal/ })).toHaveAttribute('aria-current', 'step');
  await expect(page.getByTestId('deal-header')).toContainText('Sales · Proposal');

  const log = page.getByRole('form', { name: 'Log activity' });
  await log.getByLabel('Type').selectOption('call');
  await log.getByLabel('Subject').fill('Tried to reach the buyer');
  await log.getByLabel('Outcome').selectOption({ label: 'No answer' });
  await log.getByLabel('Notes').fill('Will try again on Monday');
  await log.getByLabel('Schedule a follow-up task').check();
  await log.getByLabel('Follow-up subject').fill('Call the buyer again');
  await log.getByLabel('Due').fill('2030-01-07');
  await log.getByRole('button', { name: 'Log activity' }).click();

  const call = history.filter({ hasText: 'Tried to reach the buyer' });
  await expect(call).toHaveAttribute('data-type', 'call');
  await expect(call).toContainText('No answer');
  await expect(call).toContainText('Will try again on Monday');
  const task = history.filter({ hasText: 'Call the buyer again' });
  await expect(task).toHaveAttribute('data-type', 'task');
  await expect(task).toContainText('Open, due Jan 7, 2030');
  // Logging touched the deal, so it is not rotting.
  await expect(page.getByTestId('deal-status')).toHaveText('Open');

  await task.getByRole('button', { name: 'Mark “Call the buyer again” done' }).click();
  await expect(task).toContainText('Done');
  await expect(task.getByRole('button', { name: /done/ })).toHaveCount(0);
});

test('mark a deal lost with a reason, then reopen it', async ({ page }) => {
  const title = unique('Detail lost');
  await signIn(page, USERS.manager.email);
  await createDeal(page, title);
  const history = page.getByTestId('timeline-item');

  await page.getByRole('button', { name: 'Mark lost' }).click();
  const dialog = page.getByRole('dialog', { name: 'Mark as lost' });
  await dialog.getByLabel('Reason').selectOption('Other…');
  await dialog.getByLabel('Other reason').fill('Went with a spreadsheet');
  await dialog.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(page.getByTestId('deal-status')).toHaveText('Lost: Went with a spreadsheet');
  await expect(history.filter({ hasText: 'Marked lost: Went with a spreadsheet' })).toHaveAttribute('data-type', 'lost');
  await expect(page.getByRole('list', { name: 'Stages' }).getByRole('button').first()).toBeDisabled();

  await page.getByRole('button', { name: 'Reopen deal' }).click();
  await expect(page.getByTestId('deal-status')).toHaveText(/^Open/);
  await expect(history.first()).toHaveAttribute('data-type', 'reopened');
  await expect(page.getByRole('button', { name: 'Mark won' })).toBeVisible();
});

test('a concurrent edit shows the stale message beside the form instead of overwriting', async ({ page, browser }) => {
  const title = unique('Detail stale');
  await signIn(page, USERS.manager.email);
  await createDeal(page, title);
  const other = await asUser(browser, USERS.admin.email, page.url());
  const theirs = other.page.getByRole('form', { name: 'Deal details' });
  await theirs.getByLabel('Value').fill('7,000');
  await theirs.getByRole('button', { name: 'Save changes' }).click();
  await expect(theirs.getByText('Saved.')).toBeVisible();
  await other.close();

  const mine = page.getByRole('form', { name: 'Deal details' });
  await mine.getByLabel('Value').fill('1');
  await mine.getByRole('button', { name: 'Save changes' }).click();
  await expect(mine.getByRole('alert')).toHaveText('Someone else changed this deal meanwhile. Reload to see their change, then try again.');
  await page.reload();
  await expect(page.getByTestId('deal-value')).toHaveText('$7,000.00');
});

test('a rep can look at another rep’s deal but not change it, and is told why', async ({ page, browser }) => {
  const title = unique('Ben keeps this');
  await signIn(page, USERS.manager.email);
  await createDeal(page, title, { owner: USERS.rep2.name });
  await expect(page.getByTestId('deal-header')).toContainText(USERS.rep2.name);

  const ana = await asUser(browser, USERS.rep.email, page.url());
  await ana.page.goto(page.url());
  await expect(ana.page.getByTestId('deal-header').getByRole('heading', { name: title })).toBeVisible();
  await expect(ana.page.getByText(`This is ${USERS.rep2.name}’s deal: you can see it and log activities on it, but only its owner, a manager or an admin can change it.`)).toBeVisible();
  const form = ana.page.getByRole('form', { name: 'Deal details' });
  await expect(form.getByLabel('Value')).toBeDisabled();
  await expect(form.getByLabel('Owner')).toBeDisabled();
  await expect(form.getByRole('button', { name: 'Save changes' })).toHaveCount(0);
  await expect(ana.page.getByRole('button', { name: 'Mark won' })).toHaveCount(0);
  await expect(ana.page.getByRole('list', { name: 'Stages' }).getByRole('button', { name: /Proposal/ })).toBeDisabled();
  await ana.close();
});

test('a missing or malformed deal id is a 404', async ({ page }) => {
  await signIn(page, USERS.rep.email);
  for (const path of ['/deals/99999999', '/deals/abc', '/deals/1.5', '/deals/0']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { name: 'Nothing here' })).toBeVisible();
  }
});
