import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { fillLogin, signIn, USERS } from './helpers';

const HEADER = 'id,title,value,currency,pipeline,stage,probability,weighted_value,status,expected_close_date,owner,company,contact,source,created_at,closed_at,lost_reason';

/** Adds a deal through the full form, picking the first company that starts with "a". */
async function createDeal(page: Page, title: string, value: string) {
  await page.goto('/deals/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Value').fill(value);
  await page.getByLabel('Expected close').fill('2031-01-15');
  await page.getByLabel('Source').fill('=1+2');
  await page.getByRole('combobox', { name: 'Company' }).fill('a');
  await page.getByRole('listbox').getByRole('option').first().click();
  await page.getByRole('button', { name: 'Create deal' }).click();
  await expect(page.getByTestId('deal-header').getByRole('heading', { name: title })).toBeVisible();
}

const cents = (texts: string[]) => texts.map((v) => Number(v.replace(/[^0-9]/g, '')));

test('the list sorts by a column both ways and pages through the deals', async ({ page }) => {
  await signIn(page, USERS.manager.email, undefined, '/deals/list');
  await expect(page.getByRole('link', { name: 'List', exact: true })).toHaveAttribute('aria-current', 'page');
  const rows = page.getByTestId('deal-row');
  await expect(rows).toHaveCount(50);
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText(/^1–50 of \d[\d,]*/);

  const values = page.locator('[data-testid="deal-row"] [data-col="value"]');
  await page.getByRole('link', { name: /^Value/ }).click();
  await expect(page).toHaveURL(/[?&]sort=value(&|$)/);
  await expect(page.getByRole('columnheader', { name: /Value/ })).toHaveAttribute('aria-sort', 'ascending');
  const ascending = cents(await values.allTextContents());
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

  await page.getByRole('link', { name: /^Value/ }).click();
  await expect(page).toHaveURL(/sort=value&dir=desc/);
  await expect(page.getByRole('columnheader', { name: /Value/ })).toHaveAttribute('aria-sort', 'descending');
  const descending = cents(await values.allTextContents());
  expect(descending).toHaveLength(50);
  expect(descending).toEqual([...descending].sort((a, b) => b - a));

  await page.getByRole('link', { name: 'Next' }).click();
  await expect(page).toHaveURL(/sort=value&dir=desc&page=2/);
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText(/^51–\d+ of/);
  const secondPage = cents(await values.allTextContents());
  // Sorted across pages: nothing on page 2 is worth more than the last deal on page 1.
  expect(Math.max(...secondPage)).toBeLessThanOrEqual(descending[descending.length - 1]);
  await page.getByRole('link', { name: 'Previous' }).click();
  await expect(page.getByRole('navigation', { name: 'Pages' })).toContainText(/^1–50 of/);

  // Junk in the URL falls back to the defaults instead of failing.
  await page.goto('/deals/list?sort=evil&dir=up&page=-3');
  await expect(rows).toHaveCount(50);
});

test('the CSV export downloads what the filters show, and refuses without a session', async ({ page, playwright, baseURL }) => {
  const title = `Export me ${Date.now().toString(36)}`;
  await signIn(page, USERS.manager.email);
  await createDeal(page, title, '4,321.50');
  await page.goto(`/deals/list?q=${encodeURIComponent(title)}`);
  await expect(page.getByTestId('deal-row')).toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', new RegExp(`q=${encodeURIComponent(title).replace(/%20/g, '\\+')}`));

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^deals-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await file.path())!, 'utf8');
  expect(text.split('\r\n')[0]).toBe(HEADER);
  const { data } = Papa.parse<Record<string, string>>(text.trim(), { header: true });
  expect(data).toHaveLength(1);
  const company = data[0].company;
  expect(company).not.toBe('');
  expect(data[0]).toEqual({
    id: expect.stringMatching(/^\d+$/),
    title,
    value: '4321.50',
    currency: 'USD',
    pipeline: 'Sales',
    stage: 'Lead',
    probability: '10',
    weighted_value: '432.15',
    status: 'open',
    expected_close_date: '2031-01-15',
    owner: 'Mia Manager',
    company,
    contact: '',
    source: "'=1+2",
    created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    closed_at: '',
    lost_reason: '',
  });

  const anonymous = await playwright.request.newContext({ baseURL });
  const refused = await anonymous.get(`/deals/export.csv?q=${encodeURIComponent(title)}`, { maxRedirects: 0 });
  expect(refused.status()).toBe(401);
  expect(await refused.text()).toBe('');
  await anonymous.dispose();
});

test('on a phone the list is stacked cards without sideways scrolling', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`/login?next=${encodeURIComponent('/deals/list?owner=all')}`);
  await fillLogin(page, USERS.rep.email);
  await expect(page).toHaveURL(/\/deals\/list\?owner=all$/);
  const first = page.getByTestId('deal-row').first();
  await expect(first).toBeVisible();
  await expect(page.getByRole('columnheader')).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const box = (await first.boundingBox())!;
  expect(box.width).toBeLessThanOrEqual(390);
  expect(box.height).toBeGreaterThan(60);
  await context.close();
});

test('an empty result says what to do next', async ({ page }) => {
  await signIn(page, USERS.rep.email, undefined, '/deals/list?q=nothing-is-called-this-zzz');
  await expect(page.getByText('No open deals match these filters.')).toBeVisible();
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/deals\/list$/);
  await expect(page.getByTestId('deal-row').first()).toBeVisible();
});
