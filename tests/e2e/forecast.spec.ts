import { expect, test, type Page } from '@playwright/test';
import { signIn, USERS } from './helpers';

// The last month of the default six-month forecast, which no other test puts deals in.
function targetMonth(): { month: string; date: string } {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 5, 15));
  const month = d.toISOString().slice(0, 7);
  return { month, date: `${month}-15` };
}

async function weighted(page: Page, month: string): Promise<number> {
  await page.goto('/forecast');
  return Number(await page.locator(`[data-testid="forecast-row"][data-month="${month}"]`).getAttribute('data-weighted-cents'));
}

test('moving a deal on the board changes the forecast of its close month by its weighted value', async ({ page }) => {
  const { month, date } = targetMonth();
  const token = `fc${Date.now().toString(36)}`;
  await signIn(page, USERS.manager.email);
  const before = await weighted(page, month);

  await page.goto(`/deals?q=${token}`);
  await page.getByRole('button', { name: 'Add a deal to Lead' }).click();
  const form = page.getByRole('form', { name: 'Quick add to Lead' });
  await form.getByLabel('Title').fill(`Forecast deal ${token}`);
  await form.getByLabel('Value').fill('10,000');
  await form.getByLabel('Close date').fill(date);
  await form.getByRole('button', { name: 'Add deal' }).click();
  await expect(page.getByTestId('deal-card').filter({ hasText: token })).toBeVisible();

  expect(await weighted(page, month)).toBe(before + 100_000); // 10 % of $10,000

  await page.goto(`/deals?q=${token}`);
  const card = page.getByTestId('deal-card').filter({ hasText: token });
  await card.focus();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('drop-won')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('status').filter({ hasText: 'is over the Qualified column' })).toHaveCount(1);
  await page.keyboard.press('Space');
  await expect(page.getByRole('region', { name: 'Qualified column' }).getByTestId('deal-card').filter({ hasText: token })).toBeVisible();
  await expect(page.locator('[data-testid="deal-card"][aria-busy="true"]')).toHaveCount(0);

  expect(await weighted(page, month)).toBe(before + 250_000); // now 25 %

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download CSV' }).click();
  const text = (await import('node:fs')).readFileSync(await (await download).path(), 'utf8');
  const lines = text.trim().split('\r\n');
  expect(lines[0]).toBe('month,open_deals,open_value,weighted_value,won_deals,won_value,goal');
  expect(lines).toHaveLength(7);
  const row = lines.find((l) => l.startsWith(`${month},`))!;
  expect(row.split(',')[3]).toBe(((before + 250_000) / 100).toFixed(2));
});

test('a manager sets a goal and sees attainment; a rep sees only their own forecast', async ({ page, browser }) => {
  const { month } = targetMonth();
  await signIn(page, USERS.manager.email, undefined, '/forecast/goals');
  const label = new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  await page.getByLabel(`Goal for Ana Rivera, ${label}`).fill('lots');
  await page.getByRole('button', { name: 'Save goals' }).click();
  // The reason sits beside the goal that has it.
  const goal = page.getByLabel(`Goal for Ana Rivera, ${label}`);
  await expect(goal).toHaveAttribute('aria-invalid', 'true');
  await expect(goal.locator('xpath=following-sibling::p')).toHaveText('Enter an amount like 25000');
  await page.getByLabel(`Goal for Ana Rivera, ${label}`).fill('50,000');
  await page.getByRole('button', { name: 'Save goals' }).click();
  await expect(page.getByText('Goals saved.')).toBeVisible();

  const other = await browser.newContext();
  const rep = await other.newPage();
  await signIn(rep, USERS.rep.email, undefined, '/forecast?owner=all');
  await expect(rep.getByText(/for you:/)).toBeVisible();
  await expect(rep.locator(`[data-testid="forecast-row"][data-month="${month}"]`)).toContainText('$50,000');
  await expect(rep.getByRole('combobox', { name: 'Owner' })).toHaveCount(0);
  await rep.goto('/');
  await expect(rep.getByTestId('dash-month')).toBeVisible();
  await other.close();
});

test('reports show each table with numbers and a CSV per table', async ({ page }) => {
  await signIn(page, USERS.admin.email, undefined, '/reports?period=12m');
  for (const id of ['funnel', 'win-rate-by-rep', 'win-rate-by-source', 'time-in-stage', 'created-vs-won', 'lost-reasons', 'leaderboard']) {
    await expect(page.getByTestId(`report-${id}`)).toBeVisible();
  }
  await expect(page.getByTestId('report-win-rate-by-rep').locator('tbody tr')).not.toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByTestId('report-lost-reasons').getByRole('link', { name: 'Download CSV' }).click();
  const text = (await import('node:fs')).readFileSync(await (await download).path(), 'utf8');
  expect(text.split('\r\n')[0]).toBe('reason,deals,value');
});
