import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { pdfText } from '../support/pdf-text';
import { signIn, USERS } from './helpers';

const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const cents = (locator: Locator) => locator.getAttribute('data-cents').then(Number);

/** A company of our own (so no price list applies) and a deal for it; lands on the deal page. */
async function dealWithCompany(page: Page) {
  const company = unique('Quote Co');
  await page.goto('/companies/new');
  await page.getByLabel('Name').fill(company);
  await page.getByRole('button', { name: 'Create company' }).click();
  await expect(page).toHaveURL(/\/companies\/\d+$/);
  const title = unique('Deck for');
  await page.goto('/deals/new');
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Value').fill('1,000');
  await page.getByLabel('Expected close').fill('2030-03-31');
  await page.getByRole('combobox', { name: 'Company' }).fill(company);
  await page.getByRole('listbox').getByRole('option', { name: company }).click();
  await page.getByRole('button', { name: 'Create deal' }).click();
  await expect(page).toHaveURL(/\/deals\/\d+$/);
  return { company, title, dealUrl: page.url() };
}

async function expectTotals(page: Page) {
  // Line 1: 120 cedar boards at the tier price 8.50 (from 100) = 1,020.00, 5 % off → 969.00, tax 8.25 % → 79.9425 → 79.94.
  // Line 2: 1.5 × 333.33 = 499.995 → 500.00 (half away from zero), tax 20 % → 100.00.
  await expect(page.getByTestId('quote-subtotal')).toHaveAttribute('data-cents', '152000');
  await expect(page.getByTestId('quote-discount')).toHaveAttribute('data-cents', '5100');
  await expect(page.getByTestId('quote-net')).toHaveAttribute('data-cents', '146900');
  await expect(page.locator('[data-testid="quote-tax"][data-rate="8.25"]')).toHaveAttribute('data-cents', '7994');
  await expect(page.locator('[data-testid="quote-tax"][data-rate="20"]')).toHaveAttribute('data-cents', '10000');
  await expect(page.getByTestId('quote-total')).toHaveAttribute('data-cents', '164894');
  await expect(page.getByTestId('quote-total')).toHaveText('$1,648.94');
}

test('a quote from a deal: tiered product, free-text line, two tax rates, PDF, and the customer accepts it', async ({ page, browser }) => {
  await signIn(page, USERS.manager.email);
  const { company, dealUrl } = await dealWithCompany(page);

  await page.getByRole('link', { name: 'Create quote' }).click();
  await expect(page).toHaveURL(/\/quotes\/new\?deal=\d+/);
  await expect(page.getByRole('combobox', { name: 'Company' })).toHaveValue(company);

  const lines = page.getByTestId('quote-line');
  const first = lines.nth(0);
  await first.getByLabel('Product').fill('cedar');
  await page.getByRole('option', { name: /Cedar decking board/ }).click();
  await expect(first.getByLabel('Description')).toHaveValue('Cedar decking board');
  await expect(first.getByLabel('Unit price')).toHaveValue('9.25');
  await expect(first.getByLabel('Tax %')).toHaveValue('8.25');
  await first.getByLabel('Quantity').fill('120');
  await expect(first.getByLabel('Unit price')).toHaveValue('8.50');
  await first.getByLabel('Discount %').fill('5');

  await page.getByRole('button', { name: 'Add line' }).click();
  const second = lines.nth(1);
  await second.getByLabel('Description').fill('Site survey and set-out');
  await second.getByLabel('Quantity').fill('1.5');
  await second.getByLabel('Unit price').fill('333.33');
  await second.getByLabel('Tax %').fill('20');
  await expectTotals(page);

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/quotes\/\d+$/);
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toHaveText(/^Q-\d{4}-\d{4}$/);
  const number = (await heading.textContent())!.trim();
  await expect(page.getByTestId('quote-status')).toHaveText('Draft');
  await expectTotals(page);
  expect(await cents(page.getByTestId('quote-total'))).toBe(164894);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);
  const text = await pdfText(new Uint8Array(fs.readFileSync(await download.path())));
  expect(text).toContain(number);
  expect(text).toContain(company);
  expect(text).toContain('$1,648.94');

  await page.getByRole('button', { name: 'Send quote' }).click();
  await expect(page.getByTestId('quote-status')).toHaveText('Sent');
  await expect(page.getByRole('link', { name: 'Edit' })).toHaveCount(0);
  const link = await page.getByTestId('quote-public-link').inputValue();
  expect(link).toMatch(/^\/q\/[A-Za-z0-9_-]{32}$/);

  // The customer: a fresh browser with no session.
  const customer = await browser.newContext();
  const pub = await customer.newPage();
  await pub.goto(link);
  await expect(pub.getByText(`Quote ${number} from`)).toBeVisible();
  await expect(pub.getByTestId('quote-total')).toHaveAttribute('data-cents', '164894');
  await pub.getByLabel('Full name').fill('Jordan Customer');
  await pub.getByRole('button', { name: 'Accept quote' }).click();
  await expect(pub.getByText('Tick the box to confirm you accept this quote')).toBeVisible();
  await pub.getByRole('checkbox').check();
  await pub.getByRole('button', { name: 'Accept quote' }).click();
  await expect(pub.getByText('Accepted by Jordan Customer.')).toBeVisible();
  await pub.reload();
  await expect(pub.getByRole('button', { name: 'Accept quote' })).toHaveCount(0);
  // The link opens this quote only: the signed-in PDF route gives a stranger nothing.
  const quoteId = new URL(page.url()).pathname.split('/').pop();
  expect((await pub.request.get(`/quotes/${quoteId}/pdf`)).status()).toBe(401);
  expect((await pub.request.get(`${link}/pdf`)).headers()['content-type']).toBe('application/pdf');
  await customer.close();

  await page.goto(dealUrl);
  await expect(page.getByTestId('deal-status')).toHaveText('Won');
  await expect(page.getByTestId('deal-value')).toHaveText('$1,469.00');
  const history = page.getByTestId('timeline-item');
  await expect(history.filter({ hasText: `Quote ${number} accepted by Jordan Customer` })).toHaveAttribute('data-type', 'quote');
  await expect(page.getByTestId('deal-quotes').getByTestId('quote-status')).toHaveText('Accepted');
});

test('revising a sent quote makes -v2; the old link can no longer be accepted', async ({ page, browser }) => {
  await signIn(page, USERS.rep.email);
  await dealWithCompany(page);
  await page.getByRole('link', { name: 'Create quote' }).click();
  const line = page.getByTestId('quote-line').first();
  await line.getByLabel('Description').fill('Deck design consultation');
  await line.getByLabel('Quantity').fill('3');
  await line.getByLabel('Unit price').fill('120');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/quotes\/\d+$/);
  const number = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
  await page.getByRole('button', { name: 'Send quote' }).click();
  const oldLink = await page.getByTestId('quote-public-link').inputValue();

  await page.getByRole('button', { name: 'Revise' }).click();
  await expect(page).toHaveURL(/\/quotes\/\d+\/edit$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Edit ${number}-v2`);
  await page.getByTestId('quote-line').first().getByLabel('Quantity').fill('4');
  await expect(page.getByTestId('quote-total')).toHaveAttribute('data-cents', '48000');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${number}-v2`);

  const customer = await browser.newContext();
  const pub = await customer.newPage();
  await pub.goto(oldLink);
  await expect(pub.getByText('replaced by a newer version')).toBeVisible();
  await expect(pub.getByRole('button', { name: 'Accept quote' })).toHaveCount(0);
  await customer.close();

  await page.goto(`/quotes?status=draft&owner=me`);
  await expect(page.getByTestId('quote-row').filter({ hasText: `${number}-v2` })).toBeVisible();
});

test('bad line input is refused beside the field and nothing is saved', async ({ page }) => {
  await signIn(page, USERS.rep.email);
  await page.goto('/quotes/new');
  const line = page.getByTestId('quote-line').first();
  await line.getByLabel('Description').fill('Something');
  await line.getByLabel('Quantity').fill('1.2345');
  await expect(line.getByText('Above 0, up to 3 decimals')).toBeVisible();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(line.getByText('Enter a quantity above 0 and up to 1,000,000, with at most 3 decimals')).toBeVisible();
  await expect(page).toHaveURL(/\/quotes\/new$/);
});

test('the builder drops the untouched blank line it opened with; lines added and filled are saved', async ({ page }) => {
  await signIn(page, USERS.rep.email);
  await page.goto('/quotes/new');
  await page.getByRole('button', { name: 'Add line' }).click();
  const filled = page.getByTestId('quote-line').nth(1);
  await filled.getByLabel('Description').fill('Onboarding workshop');
  await filled.getByLabel('Unit price').fill('1,200');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/quotes\/\d+$/);
  await expect(page.getByTestId('quote-doc-line')).toHaveCount(1);
  await expect(page.getByTestId('quote-doc-line')).toContainText('Onboarding workshop');
  await expect(page.getByTestId('quote-total')).toHaveAttribute('data-cents', '120000');
});

test('garbage money is refused beside the line field, and a negative or oversized total beside the totals', async ({ page }) => {
  await signIn(page, USERS.rep.email);
  await page.goto('/quotes/new');
  const line = page.getByTestId('quote-line').first();
  await line.getByLabel('Description').fill('Garbage');
  // "1,2,3" used to be stored as 123.00.
  await line.getByLabel('Unit price').fill('1,2,3');
  await expect(line.getByText('An amount like 1,250.50')).toBeVisible();
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(line.getByText('Enter a price like 120 or 1,250.50, up to 1,000,000,000.00')).toBeVisible();
  await expect(line.getByLabel('Unit price')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/quotes\/new$/);

  // A line priced −500 alone would make the quote (and the deal it wins) negative.
  await line.getByLabel('Unit price').fill('-500');
  await expect(page.getByTestId('quote-totals-error')).toHaveText(/cannot be below zero/);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText('Some lines need attention: see the messages beside them.')).toBeVisible();
  await expect(page).toHaveURL(/\/quotes\/new$/);

  // 1,000,000 × 1,000,000,000.00 is far past the bound: said beside the line's amount.
  await line.getByLabel('Quantity').fill('1,000,000');
  await line.getByLabel('Unit price').fill('1,000,000,000.00');
  await expect(line.getByTestId('quote-line-amount-error')).toHaveText(/at most 1,000,000,000.00/);

  // What people really type is fine.
  await line.getByLabel('Quantity').fill('2');
  await line.getByLabel('Unit price').fill('$1,234.5');
  await expect(page.getByTestId('quote-totals-error')).toHaveCount(0);
  await expect(page.getByTestId('quote-net')).toHaveAttribute('data-cents', '246900');
});

/** The e2e server's own database (playwright.config.ts), opened to let time pass on a row. */
function e2eDbWritable() {
  return new Database(path.resolve(`tmp/e2e-${Number(process.env.E2E_PORT ?? 3210)}/keel.db`), { fileMustExist: true });
}

test('a valid-until date in the past is refused beside the date field, on save and on send', async ({ page }) => {
  await signIn(page, USERS.rep.email);
  await page.goto('/quotes/new');
  const line = page.getByTestId('quote-line').first();
  await line.getByLabel('Description').fill('Dated');
  await line.getByLabel('Unit price').fill('100');
  await page.getByLabel('Valid until').fill('2020-01-31');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByText(/^Pick today \(\d{4}-\d{2}-\d{2}\) or a later date/)).toBeVisible();
  await expect(page.getByLabel('Valid until')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/quotes\/new$/);

  await page.getByLabel('Valid until').fill('2099-12-31');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/quotes\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split('/').pop());

  // The draft waited while its date passed.
  const db = e2eDbWritable();
  try {
    db.prepare(`update quotes set valid_until = '2020-01-31' where id = ?`).run(id);
  } finally {
    db.close();
  }
  await page.reload();
  await page.getByRole('button', { name: 'Send quote' }).click();
  const sendDate = page.getByTestId('quote-send-date');
  await expect(sendDate.getByText(/a quote valid until a past date is expired already/)).toBeVisible();
  await expect(sendDate.getByLabel('Valid until')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('quote-public-link')).toHaveCount(0);

  await sendDate.getByLabel('Valid until').fill('2099-06-30');
  await sendDate.getByRole('button', { name: 'Send with this date' }).click();
  await expect(page.getByTestId('quote-public-link')).toBeVisible();
});

test('choosing a company on a price list re-prices catalogue lines, but not prices typed by hand', async ({ page }) => {
  await signIn(page, USERS.manager.email);
  const company = unique('Trade Co');
  await page.goto('/companies/new');
  await page.getByLabel('Name').fill(company);
  await page.getByLabel('Price list').selectOption({ label: 'Trade partners' });
  await page.getByRole('button', { name: 'Create company' }).click();
  await expect(page).toHaveURL(/\/companies\/\d+$/);

  await page.goto('/quotes/new');
  const lines = page.getByTestId('quote-line');
  await lines.nth(0).getByLabel('Product').fill('cedar');
  await page.getByRole('option', { name: /Cedar decking board/ }).click();
  await expect(lines.nth(0).getByLabel('Unit price')).toHaveValue('9.25');
  await page.getByRole('button', { name: 'Add line' }).click();
  await lines.nth(1).getByLabel('Product').fill('joist');
  await page.getByRole('option', { name: /Treated pine joist/ }).click();
  await lines.nth(1).getByLabel('Unit price').fill('17');

  await page.getByRole('combobox', { name: 'Company' }).fill(company);
  await page.getByRole('listbox').getByRole('option', { name: company }).click();
  await expect(page.getByText('Prices from the Trade partners price list')).toBeVisible();
  await expect(lines.nth(0).getByLabel('Unit price')).toHaveValue('8.60');
  await expect(lines.nth(1).getByLabel('Unit price')).toHaveValue('17');
  await lines.nth(0).getByLabel('Quantity').fill('200');
  // The list's own tier: 12 % off its 8.60 = 7.568 → 7.57.
  await expect(lines.nth(0).getByLabel('Unit price')).toHaveValue('7.57');
});
