import { expect, test, type Browser, type Page } from '@playwright/test';
import { pdfText } from '../support/pdf-text';
import { signIn, USERS } from './helpers';
import { one } from './workspace-db';

// Runs alone, after the other specs (playwright.config.ts): it changes what every screen reads. Every
// setting it changes is put back at the end, whatever happens in between.

type Settings = {
  name: string;
  address: string;
  taxId: string;
  timezone: string;
  fiscalYearStartMonth: number;
  defaultTaxRateBp: number;
  defaultPaymentTerms: string;
  quoteValidityDays: number;
  defaultRotDays: number;
  repsSee: string;
  logoUpdatedAt: number | null;
};
const stored = () =>
  one<Settings>(
    `select name, address, tax_id as taxId, timezone, fiscal_year_start_month as fiscalYearStartMonth, default_tax_rate_bp as defaultTaxRateBp,
            default_payment_terms as defaultPaymentTerms, quote_validity_days as quoteValidityDays, default_rot_days as defaultRotDays,
            reps_see as repsSee, logo_updated_at as logoUpdatedAt from workspace where id = 1`,
  );

let original: Settings;
test.beforeAll(() => {
  original = stored();
});

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const save = async (page: Page) => {
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeEnabled();
};

/** Puts every setting this spec touches back as it was, through the form like an admin would. */
async function restore(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, USERS.admin.email, undefined, '/settings/workspace');
  await field(page, 'Company name').fill(original.name);
  await field(page, 'Address').fill(original.address);
  await field(page, 'Tax ID').fill(original.taxId);
  await field(page, 'Time zone').selectOption(original.timezone);
  await field(page, 'Fiscal year starts').selectOption(String(original.fiscalYearStartMonth));
  await field(page, 'Default tax rate').fill(String(original.defaultTaxRateBp / 100));
  await field(page, 'Payment terms').selectOption(original.defaultPaymentTerms);
  await field(page, 'Quote validity (days)').fill(String(original.quoteValidityDays));
  await field(page, 'Days before a deal rots').fill(String(original.defaultRotDays));
  await field(page, 'Reps see').selectOption(original.repsSee);
  await save(page);
  await expect(page.getByRole('status').filter({ hasText: /^(Saved\.|Nothing to save)/ })).toBeVisible();
  if (original.logoUpdatedAt === null && (await page.getByRole('button', { name: 'Remove logo' }).count())) {
    await page.getByRole('button', { name: 'Remove logo' }).click();
    await expect(page.getByTestId('current-logo')).toHaveCount(0);
  }
  await context.close();
}
test.afterAll(async ({ browser }) => restore(browser));

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><script>document.title="owned"</script><rect width="40" height="40" rx="8" fill="#0f766e"/></svg>';
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

test('the admin changes the workspace settings and every screen, new quote and PDF follows', async ({ page, browser }) => {
  test.setTimeout(150_000);
  await signIn(page, USERS.admin.email, undefined, '/settings/workspace');
  await expect(page.getByRole('heading', { name: 'Workspace', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workspace' })).toHaveAttribute('aria-current', 'page');

  // The fiscal year starts next month (or this one, if next month is where it starts already), so
  // this month is the last of its year (or the first).
  const now = new Date();
  const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const nextMonth = ((now.getUTCMonth() + 1) % 12) + 1;
  const startMonth = nextMonth === original.fiscalYearStartMonth ? now.getUTCMonth() + 1 : nextMonth;
  const yearStart = thisMonth - ((now.getUTCMonth() + 1 - startMonth + 12) % 12);

  await field(page, 'Company name').fill('Harbor & Pine Trading Co.');
  await field(page, 'Address').fill('9 Dock Road\nSuite 4\nPortland, ME 04101');
  await field(page, 'Tax ID').fill('EIN 84-5550123');
  await field(page, 'Fiscal year starts').selectOption(String(startMonth));
  await field(page, 'Default tax rate').fill('7.5');
  await field(page, 'Payment terms').selectOption('net_15');
  await field(page, 'Quote validity (days)').fill('10');
  await field(page, 'Days before a deal rots').fill('9');
  await field(page, 'Logo').setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(SVG) });
  await save(page);
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveText('Saved. 9 settings changed.');
  const history = page.getByTestId('workspace-history');
  await expect(history).toContainText('Default tax rate: 0% → 7.5%');
  await expect(history).toContainText('Logo: an SVG image uploaded');
  await expect(history).toContainText(USERS.admin.name);

  // The shell shows the logo as an image, served as one: its own type, no script, no sniffing.
  // The sidebar's (the phone's top bar has its own, hidden here).
  const logo = page.getByTestId('shell-logo').filter({ visible: true });
  await expect(logo).toBeVisible();
  const src = (await logo.getAttribute('src'))!;
  expect(src).toMatch(/^\/api\/logo\?v=\d+$/);
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(await page.title()).not.toBe('owned');
  const served = await page.request.get(src);
  expect(served.headers()['content-type']).toBe('image/svg+xml');
  expect(served.headers()['content-security-policy']).toMatch(/^default-src 'none'; style-src 'unsafe-inline'/);
  expect(served.headers()['x-content-type-options']).toBe('nosniff');
  expect(await served.text()).toBe(SVG);

  // The forecast's fiscal year follows the new start month.
  await page.goto('/forecast?range=year');
  const months = page.getByTestId('forecast-row');
  await expect(months).toHaveCount(12);
  await expect(months.first()).toHaveAttribute('data-month', monthOf(yearStart));
  await expect(months.last()).toHaveAttribute('data-month', monthOf(yearStart + 11));

  // A new quote starts from the defaults.
  await page.goto('/quotes/new');
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  await expect(page.getByLabel('Valid until')).toHaveValue(new Date(today + 10 * 86_400_000).toISOString().slice(0, 10));
  await expect(page.getByLabel('Payment terms')).toHaveValue('net_15');
  await expect(page.getByTestId('quote-line').first().getByLabel('Tax %')).toHaveValue('7.5');
  await page.getByRole('button', { name: 'Add line' }).click();
  await expect(page.getByTestId('quote-line').nth(1).getByLabel('Tax %')).toHaveValue('7.5');

  // So does a new product, whose rate its quote lines then take.
  await page.goto('/products/new');
  await expect(page.getByLabel('Tax %')).toHaveValue('7.5');

  // The quote's PDF and its public page carry the company's details (an SVG logo: the name, on the PDF).
  const quote = one<{ id: number; token: string }>(
    `select id, public_token as token from quotes where status = 'sent' and superseded_by_id is null and valid_until >= date('now') order by id limit 1`,
  );
  const pdf = await page.request.get(`/quotes/${quote.id}/pdf`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  const text = (await pdfText(new Uint8Array(await pdf.body()))).replace(/\s+/g, ' ');
  for (const expected of ['Harbor & Pine Trading Co.', '9 Dock Road', 'Suite 4', 'Portland, ME 04101', 'Tax ID EIN 84-5550123']) expect(text).toContain(expected);

  const customer = await browser.newContext();
  const pub = await customer.newPage();
  await pub.goto(`/q/${quote.token}`);
  const company = pub.getByTestId('quote-company');
  await expect(company).toContainText('Harbor & Pine Trading Co.');
  await expect(company).toContainText('Tax ID EIN 84-5550123');
  await expect(company.getByRole('img', { name: 'Harbor & Pine Trading Co. logo' })).toBeVisible();
  expect(await company.getByRole('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await customer.close();

  // A PNG logo is drawn on the PDF itself; the new logo makes a new PDF rather than the cached one.
  await page.goto('/settings/workspace');
  await field(page, 'Logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await save(page);
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toHaveText('Saved. 1 setting changed.');
  const withLogo = Buffer.from(await (await page.request.get(`/quotes/${quote.id}/pdf`)).body());
  expect(withLogo.includes('/Subtype /Image')).toBe(true);

  // Removing the logo brings back Keel's mark.
  await page.getByRole('button', { name: 'Remove logo' }).click();
  await expect(page.getByTestId('current-logo')).toHaveCount(0);
  await expect(page.getByTestId('shell-logo')).toHaveCount(0);
  await expect(page.getByTestId('workspace-history')).toContainText('Logo removed');
});

test('bad input is refused beside each field, the currency stays while documents hold it, and nothing is saved', async ({ page }) => {
  await signIn(page, USERS.admin.email, undefined, '/settings/workspace');
  const before = stored();
  const counts = one<{ quotes: number; deals: number }>(`select (select count(*) from quotes where currency = 'USD') as quotes, (select count(*) from deals where value_cents != 0) as deals`);

  await field(page, 'Company name').fill('  ');
  await field(page, 'Default tax rate').fill('120');
  await field(page, 'Quote validity (days)').fill('0');
  await field(page, 'Days before a deal rots').fill('-3');
  await field(page, 'Payment terms').selectOption('custom');
  await field(page, 'Custom terms').fill('');
  await save(page);
  await expect(field(page, 'Company name')).toHaveAccessibleDescription('Give the company a name');
  await expect(field(page, 'Default tax rate')).toHaveAccessibleDescription('Enter a tax rate from 0 to 100 with at most 2 decimals');
  await expect(field(page, 'Quote validity (days)')).toHaveAccessibleDescription('Enter whole days from 1 to 365');
  await expect(field(page, 'Days before a deal rots')).toHaveAccessibleDescription('Enter whole days, 0 or more');
  await expect(field(page, 'Custom terms')).toHaveAccessibleDescription('Describe the payment terms');
  await expect(page.getByText('Nothing was saved: see the messages beside the fields.')).toBeVisible();

  // Fixed, but with another currency and a file that only calls itself a PNG.
  await page.reload();
  await field(page, 'Currency').selectOption('EUR');
  await field(page, 'Logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
  await save(page);
  await expect(field(page, 'Logo')).toHaveAccessibleDescription('Upload a PNG, JPEG or SVG image');
  await field(page, 'Logo').setInputFiles([]);
  await save(page);
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
  await expect(field(page, 'Currency')).toHaveAccessibleDescription(
    new RegExp(`^There are ${plural(counts.quotes, 'quote', 'quotes')} and ${plural(counts.deals, 'deal with a value', 'deals with a value')} in USD; changing the currency would relabel`),
  );

  // Over 1 MB is refused before it is sent.
  await page.reload();
  await field(page, 'Logo').setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]) });
  await expect(field(page, 'Logo')).toHaveAccessibleDescription(/^The logo can be at most 1 MB/);

  await page.reload();
  await expect(field(page, 'Currency')).toHaveValue('USD');
  await expect(field(page, 'Company name')).toHaveValue(before.name);
  expect(stored()).toEqual(before);
});

test('the board counts days in the workspace time zone: a task due on a date is overdue once that date has passed there', async ({ page }) => {
  // A zone whose date differs from UTC's at this hour: 14 hours ahead from 10:00 UTC on, 11 behind before.
  const hour = new Date().getUTCHours();
  const ahead = hour >= 10;
  const zone = ahead ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
  // A deal whose next open task is due today in UTC (ahead: overdue once the zone is a day on) or
  // yesterday (behind: no longer overdue once the zone is still on yesterday).
  const deal = one<{ title: string; pipelineId: number }>(
    `select d.title, d.pipeline_id as pipelineId from deals d
     join (select deal_id, min(due_date) as due from activities where type = 'task' and done_at is null and deal_id is not null group by deal_id) t on t.deal_id = d.id
     where d.status = 'open' and t.due = date('now', ?) and d.title not like '%"%' order by d.id limit 1`,
    ahead ? '+0 days' : '-1 day',
  );
  const card = page.getByTestId('deal-card').filter({ hasText: deal.title }).first();
  const board = `/deals?pipeline=${deal.pipelineId}&owner=all&q=${encodeURIComponent(deal.title)}`;
  await signIn(page, USERS.admin.email, undefined, '/deals');
  await page.goto(board);
  await expect(card).toBeVisible();
  await expect(card.getByTestId('overdue-task')).toHaveCount(ahead ? 0 : 1);

  await page.goto('/settings/workspace');
  await field(page, 'Time zone').selectOption(zone);
  await save(page);
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await page.goto(board);
  await expect(card).toBeVisible();
  await expect(card.getByTestId('overdue-task')).toHaveCount(ahead ? 1 : 0);
});

test('managers and reps get the forbidden page, and no Workspace link', async ({ browser }) => {
  for (const who of [USERS.rep, USERS.manager]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, who.email);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workspace' })).toHaveCount(0);
    const response = await page.goto('/settings/workspace');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
    await context.close();
  }
});
