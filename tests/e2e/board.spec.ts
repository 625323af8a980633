import { expect, test, type Locator, type Page } from '@playwright/test';
import { signIn, USERS } from './helpers';

// Each test adds its own deals with a unique word in the title and filters the board by it, so the
// column figures are exact whatever other tests do to the shared demo data.
function token() {
  return `bt${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

const column = (scope: Page | Locator, name: string) => scope.getByRole('region', { name: `${name} column` });

/** Picks a card up with the keyboard, moves it one column right, and drops it, as a keyboard user does. */
async function keyboardMoveRight(page: Page, card: ReturnType<Page['getByTestId']>, target: string) {
  // Right after signing in the login form refreshes the route; a refresh landing mid-drag re-renders
  // the board under the held card. A person is never that quick, so wait for the page to settle.
  await page.waitForLoadState('networkidle');
  await card.focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('drop-won')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('status').filter({ hasText: `is over the ${target} column` })).toHaveCount(1);
  await page.keyboard.press('Space');
  // The card pulses while the move is being saved.
  await expect(page.locator('[data-testid="deal-card"][aria-busy="true"]')).toHaveCount(0);
}

async function quickAdd(page: Page, stage: string, deal: { title: string; value: string; company?: string; close?: string }) {
  await page.getByRole('button', { name: `Add a deal to ${stage}` }).click();
  const form = page.getByRole('form', { name: `Quick add to ${stage}` });
  await form.getByLabel('Title').fill(deal.title);
  await form.getByLabel('Value').fill(deal.value);
  if (deal.company) await form.getByLabel('Company').fill(deal.company);
  if (deal.close) await form.getByLabel('Close date').fill(deal.close);
  await form.getByRole('button', { name: 'Add deal' }).click();
  await expect(form).toBeHidden();
  await expect(column(page, stage).getByTestId('deal-card').filter({ hasText: deal.title })).toBeVisible();
}

async function figures(page: Page, stage: string) {
  const col = column(page, stage);
  return {
    count: Number(await col.getAttribute('data-count')),
    sum: Number(await col.getAttribute('data-sum-cents')),
    weighted: Number(await col.getAttribute('data-weighted-cents')),
  };
}

test('add a deal from a column, then drag it with the mouse; the figures follow and it stays after reload', async ({ page }) => {
  const t = token();
  await signIn(page, USERS.manager.email, undefined, `/deals?q=${t}`);
  await expect(column(page, 'Lead')).toHaveAttribute('data-count', '0');

  await quickAdd(page, 'Lead', { title: `Acme rollout ${t}`, value: '12,345.67', company: `Acme ${t}`, close: '2027-01-15' });
  await quickAdd(page, 'Lead', { title: `Globex pilot ${t}`, value: '1000', company: `Globex ${t}` });
  expect(await figures(page, 'Lead')).toEqual({ count: 2, sum: 1_334_567, weighted: 123_457 + 10_000 });

  const card = column(page, 'Lead').getByTestId('deal-card').filter({ hasText: `Acme rollout ${t}` });
  const target = column(page, 'Proposal');
  const from = (await card.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + 30, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 140, { steps: 15 });
  await page.mouse.up();

  await expect(target.getByTestId('deal-card').filter({ hasText: `Acme rollout ${t}` })).toBeVisible();
  await expect(page.locator('[data-testid="deal-card"][aria-busy="true"]')).toHaveCount(0);
  await expect(column(page, 'Proposal')).toHaveAttribute('data-sum-cents', '1234567');
  expect(await figures(page, 'Proposal')).toEqual({ count: 1, sum: 1_234_567, weighted: 617_284 }); // 617283.5 rounds up
  expect(await figures(page, 'Lead')).toEqual({ count: 1, sum: 100_000, weighted: 10_000 });

  await page.reload();
  await expect(column(page, 'Proposal').getByTestId('deal-card').filter({ hasText: `Acme rollout ${t}` })).toBeVisible();
  expect(await figures(page, 'Proposal')).toEqual({ count: 1, sum: 1_234_567, weighted: 617_284 });
  await expect(column(page, 'Proposal').getByTestId('deal-card').first()).toContainText(`Acme ${t}`);
});

test('move a deal with the keyboard', async ({ page }) => {
  const t = token();
  await signIn(page, USERS.rep.email, undefined, `/deals?q=${t}`);
  await quickAdd(page, 'Qualified', { title: `Keyboard deal ${t}`, value: '500' });
  const card = column(page, 'Qualified').getByTestId('deal-card').filter({ hasText: `Keyboard deal ${t}` });
  await keyboardMoveRight(page, card, 'Proposal');
  await expect(column(page, 'Proposal').getByTestId('deal-card').filter({ hasText: `Keyboard deal ${t}` })).toBeVisible();
  await expect(column(page, 'Qualified')).toHaveAttribute('data-count', '0');
  await page.reload();
  await expect(column(page, 'Proposal').getByTestId('deal-card').filter({ hasText: `Keyboard deal ${t}` })).toBeVisible();
  expect(await figures(page, 'Proposal')).toEqual({ count: 1, sum: 50_000, weighted: 25_000 });
});

test('drop a deal on Lost, give a reason, and it leaves the board', async ({ page }) => {
  const t = token();
  await signIn(page, USERS.manager.email, undefined, `/deals?q=${t}`);
  await quickAdd(page, 'Negotiation', { title: `Lost cause ${t}`, value: '2500' });
  const card = column(page, 'Negotiation').getByTestId('deal-card').filter({ hasText: `Lost cause ${t}` });
  const from = (await card.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + 40, { steps: 5 });
  const zone = page.getByTestId('drop-lost');
  await expect(zone).toBeVisible();
  await expect(page.getByTestId('drop-won')).toBeVisible();
  const z = (await zone.boundingBox())!;
  await page.mouse.move(z.x + z.width / 2, z.y + z.height / 2, { steps: 15 });
  await page.mouse.up();

  const dialog = page.getByRole('dialog', { name: 'Mark as lost' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Reason').selectOption('Other…');
  await dialog.getByLabel('Other reason').fill(`Went with a spreadsheet ${t}`);
  await dialog.getByRole('button', { name: 'Mark as lost' }).click();
  await expect(page.getByTestId('board-toast')).toContainText('marked lost');
  await expect(card).toHaveCount(0);
  expect(await figures(page, 'Negotiation')).toEqual({ count: 0, sum: 0, weighted: 0 });
  await page.reload();
  await expect(page.getByTestId('deal-card')).toHaveCount(0);
});

test('a rep cannot move someone else’s deal: the card goes back and the board says why', async ({ page }) => {
  const t = token();
  await signIn(page, USERS.manager.email, undefined, `/deals?q=${t}`);
  await quickAdd(page, 'Lead', { title: `Mia owns this ${t}`, value: '10' });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, USERS.rep.email, undefined, `/deals?q=${t}&owner=all`);
  const card = column(page, 'Lead').getByTestId('deal-card').filter({ hasText: `Mia owns this ${t}` });
  await keyboardMoveRight(page, card, 'Qualified');
  await expect(page.getByTestId('board-toast')).toHaveText(/You can only change your own deals\./);
  await expect(column(page, 'Lead').getByTestId('deal-card').filter({ hasText: `Mia owns this ${t}` })).toBeVisible();
  await expect(column(page, 'Qualified')).toHaveAttribute('data-count', '0');
});

// The demo board as it is, dozens of cards to a column: keys go by column order, not by whatever
// shape happens to be nearest.
test('on the full demo board the keys move a deal to the next stage at the same height and within its column; escape cancels', async ({ page }) => {
  await signIn(page, USERS.manager.email, undefined, '/deals');
  const lead = column(page, 'Lead');
  const qualified = column(page, 'Qualified');
  expect(Number(await lead.getAttribute('data-count'))).toBeGreaterThan(20);
  expect(Number(await qualified.getAttribute('data-count'))).toBeGreaterThan(20);
  await page.waitForLoadState('networkidle');
  const status = (text: string) => page.getByRole('status').filter({ hasText: text });

  // The third card of Lead, so that there are cards above it and a neighbour to each side.
  const id = await lead.getByTestId('deal-card').nth(2).getAttribute('data-deal-id');
  const deal = (col: ReturnType<typeof column>) => col.locator(`[data-testid="deal-card"][data-deal-id="${id}"]`);

  await deal(lead).focus();
  await page.keyboard.press('Space');
  await expect(status('is over the Lead column, position 3 of')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(status('is over the Qualified column, position 3 of')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(status('Cancelled moving')).toHaveCount(1);
  await expect(page.getByTestId('drop-won')).toBeHidden();
  await expect(deal(lead)).toBeVisible();
  await expect(deal(qualified)).toHaveCount(0);

  await deal(lead).focus();
  await page.keyboard.press('Space');
  await expect(status('is over the Lead column, position 3 of')).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(status('is over the Qualified column, position 3 of')).toHaveCount(1);
  await page.keyboard.press('Space');
  await expect(deal(qualified)).toBeVisible();
  await expect(deal(lead)).toHaveCount(0);
  await expect(page.locator('[data-testid="deal-card"][aria-busy="true"]')).toHaveCount(0);
  await page.reload();
  await expect(deal(qualified)).toBeVisible();
  await expect(deal(lead)).toHaveCount(0);

  // Down within Qualified: it changes places with the card below it, and stays so.
  const order = () => qualified.getByTestId('deal-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-deal-id')));
  const before = await order();
  const below = before[before.indexOf(id) + 1];
  await page.waitForLoadState('networkidle');
  await deal(qualified).focus();
  await page.keyboard.press('Space');
  await expect(status(`is over the Qualified column, position ${before.indexOf(id) + 1} of`)).toHaveCount(1);
  await page.keyboard.press('ArrowDown');
  await expect(status(`is over the Qualified column, position ${before.indexOf(id) + 2} of`)).toHaveCount(1);
  await page.keyboard.press('Space');
  await expect(page.locator('[data-testid="deal-card"][aria-busy="true"]')).toHaveCount(0);
  const isBelow = async () => {
    const now = await order();
    return now.indexOf(id) === now.indexOf(below) + 1;
  };
  await expect.poll(isBelow).toBe(true);
  await page.reload();
  await expect(deal(qualified)).toBeVisible();
  expect(await isBelow()).toBe(true);
});

test('“All pipelines” shows each pipeline’s board under its name, and a keyboard move stays within its pipeline; old links keep one pipeline', async ({ page }) => {
  const t = token();
  const name = `Renewals ${t}`;
  await signIn(page, USERS.admin.email, undefined, '/settings/pipelines');
  const create = page.getByRole('form', { name: 'Create a pipeline' });
  await create.getByLabel('New pipeline').fill(name);
  await create.getByRole('button', { name: 'Create pipeline' }).click();
  await expect(page.locator(`[data-testid="pipeline-card"][data-pipeline-name="${name}"]`)).toBeVisible();

  await page.goto('/deals');
  await expect(page.getByLabel('Pipeline')).toHaveValue(/^\d+$/);
  await page.getByLabel('Pipeline').selectOption({ label: 'All pipelines' });
  await expect(page).toHaveURL(/[?&]pipeline=all(&|$)/);
  const sales = page.getByRole('region', { name: 'Sales', exact: true });
  const renewals = page.getByRole('region', { name, exact: true });
  for (const board of [sales, renewals]) {
    for (const stage of ['Lead', 'Qualified', 'Proposal', 'Negotiation']) await expect(column(board, stage)).toBeVisible();
  }
  expect(Number(await column(sales, 'Lead').getAttribute('data-count'))).toBeGreaterThan(20);
  await expect(renewals.getByTestId('deal-card')).toHaveCount(0);

  // A deal added to the new pipeline's Lead goes there only.
  await renewals.getByRole('button', { name: 'Add a deal to Lead' }).click();
  const form = renewals.getByRole('form', { name: 'Quick add to Lead' });
  await form.getByLabel('Title').fill(`Renewal ${t}`);
  await form.getByLabel('Value').fill('800');
  await form.getByRole('button', { name: 'Add deal' }).click();
  const card = renewals.getByTestId('deal-card').filter({ hasText: `Renewal ${t}` });
  await expect(card).toBeVisible();
  await expect(sales.getByTestId('deal-card').filter({ hasText: `Renewal ${t}` })).toHaveCount(0);

  // Right past its last stage it stays in its own pipeline's last column.
  await page.waitForLoadState('networkidle');
  await card.focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('status').filter({ hasText: 'is over the Lead column, position 1 of 1' })).toHaveCount(1);
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('status').filter({ hasText: 'is over the Negotiation column, position 1 of 1' })).toHaveCount(1);
  await page.keyboard.press('Space');
  await expect(page.locator('[data-testid="deal-card"][aria-busy="true"]')).toHaveCount(0);
  await page.reload();
  await expect(column(renewals, 'Negotiation').getByTestId('deal-card').filter({ hasText: `Renewal ${t}` })).toBeVisible();
  await expect(column(renewals, 'Negotiation')).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('deal-card').filter({ hasText: `Renewal ${t}` })).toHaveCount(1);

  // The list takes the same choice, and a link naming one pipeline (or none) still shows one.
  await page.getByRole('link', { name: 'List' }).click();
  await expect(page).toHaveURL(/\/deals\/list\?pipeline=all$/);
  await expect(page.getByLabel('Pipeline')).toHaveValue('all');
  await expect(page.getByText(/open deals? in all pipelines\./)).toBeVisible();
  const pipelineId = await page.getByLabel('Pipeline').locator('option', { hasText: name }).getAttribute('value');
  await page.goto(`/deals/list?pipeline=${pipelineId}&q=${t}`);
  await expect(page.getByTestId('deal-row')).toHaveCount(1);
  await page.goto(`/deals?pipeline=${pipelineId}`);
  await expect(page.getByRole('region', { name, exact: true })).toHaveCount(0);
  await expect(column(page, 'Negotiation').getByTestId('deal-card').filter({ hasText: `Renewal ${t}` })).toBeVisible();
  await page.goto('/deals');
  await expect(page.getByText(/open deals in Sales\./)).toBeVisible();
  await expect(page.getByTestId('deal-card').filter({ hasText: `Renewal ${t}` })).toHaveCount(0);
});
