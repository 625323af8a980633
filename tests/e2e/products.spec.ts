import path from 'node:path';
import { expect, test } from '@playwright/test';
import { signIn, USERS } from './helpers';

const FIXTURE = path.resolve(__dirname, '../fixtures/datablist-products-100.csv');
// Line 2 of the fixture; its name is unique in the file.
const PRODUCT = 'Compact Printer Air Advanced Digital';

test('an admin imports the datablist catalogue, finds a product, prices it in a new list with a tier and puts a company on that list', async ({ page }) => {
  await signIn(page, USERS.admin.email, undefined, '/products');
  await page.getByRole('main').getByRole('link', { name: 'Import', exact: true }).click();
  // Products import through the one import screen, with Products already chosen.
  await expect(page).toHaveURL(/\/import\?kind=products$/);
  await expect(page.getByRole('radio', { name: /^Products/ })).toBeChecked();
  await page.getByLabel('2. The file').setInputFiles(FIXTURE);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/import\/\d+$/);

  // The columns are matched from the file's headers: the EAN is the SKU, Availability says whether it is sold.
  await expect(page.getByLabel('Field for EAN')).toHaveValue('sku');
  await expect(page.getByLabel('Field for Price')).toHaveValue('unitPrice');
  await expect(page.getByLabel('Field for Availability')).toHaveValue('active');
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const counts = page.getByTestId('import-counts');
  await expect(counts).toHaveAttribute('data-create', '100');
  await expect(counts).toHaveAttribute('data-error', '0');
  await page.getByRole('button', { name: 'Import 100 rows' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-state')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await page.getByRole('link', { name: 'See the products' }).click();

  // Find one of them by typing part of its name.
  await page.getByRole('searchbox', { name: 'Search products' }).fill('Printer Air Adv');
  await expect(page).toHaveURL(/q=Printer/);
  await expect(page.getByTestId('product-row')).toHaveCount(1);
  await expect(page.getByTestId('product-row')).toContainText('2091465262179');
  await page.getByTestId('product-row').getByRole('link', { name: PRODUCT }).click();
  await expect(page.getByRole('heading', { name: PRODUCT, level: 1 })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Product details' }).getByLabel('Unit price')).toHaveValue('265.00');
  const productUrl = page.url();

  // A new price list.
  const list = `Partners ${Date.now().toString(36)}`;
  await page.goto('/products/price-lists');
  const create = page.getByRole('form', { name: 'Create a price list' });
  await create.getByLabel('Name').fill(list);
  await create.getByLabel('Description').fill('Resellers with a signed agreement');
  await create.getByRole('button', { name: 'Create price list' }).click();
  const row = page.getByTestId('price-list-row').filter({ hasText: list });
  await expect(row).toContainText('No product prices yet · no companies on it');

  // The product's price in that list, and a tier: 10 % off from 10 units.
  await page.goto(productUrl);
  const block = page.getByRole('region', { name: list });
  await expect(block).toContainText('companies on it pay the catalogue price');
  await block.getByLabel('List price').fill('199');
  await block.getByRole('button', { name: 'Set price' }).click();
  await expect(block.getByTestId('price-current')).toContainText('$199.00');
  await block.getByLabel('From quantity').fill('10');
  await block.getByLabel('Tier gives').selectOption('discount');
  await block.getByLabel('% off').fill('10');
  await block.getByRole('button', { name: 'Add tier' }).click();
  const tier = block.getByTestId('tier');
  await expect(tier).toHaveCount(1);
  await expect(tier).toContainText('From 10');
  await expect(tier).toContainText('10% off ($179.10 per unit)');
  // The catalogue price is untouched.
  await expect(page.getByRole('region', { name: 'Catalogue price' }).getByTestId('price-current')).toContainText('$265.00');

  await page.goto('/products/price-lists');
  await expect(row).toContainText('1 product price · no companies on it');

  // Put a company on the list.
  await page.goto('/companies');
  const company = page.getByTestId('company-row').first().getByRole('link').first();
  const companyName = (await company.textContent())!.trim();
  await company.click();
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.getByLabel('Price list').selectOption({ label: list });
  await page.getByRole('button', { name: 'Save company' }).click();
  const header = page.getByTestId('company-header');
  await expect(header.getByRole('heading', { name: companyName })).toBeVisible();
  await expect(header).toContainText(`Price list${list}`);

  await page.goto('/products/price-lists');
  await expect(row).toContainText('1 product price · 1 company on it');
});

test('a price typed as "1,2,3" is refused beside the field; "$1,234.5" is 1,234.50', async ({ page }) => {
  await signIn(page, USERS.manager.email);
  await page.goto('/products/new');
  const sku = `G-${Date.now().toString(36)}`;
  await page.getByLabel('Name').fill('Garbage-priced widget');
  await page.getByLabel('SKU').fill(sku);
  await page.getByLabel('Unit price').fill('1,2,3');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByText('Enter a price like 120 or 1,250.50')).toBeVisible();
  await expect(page.getByLabel('Unit price')).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/products\/new$/);

  await page.getByLabel('Name').fill('\u200B\u200B');
  await page.getByLabel('Unit price').fill('$1,234.5');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page.getByText('Use visible letters or digits, not only blank or invisible characters')).toBeVisible();

  await page.getByLabel('Name').fill('Fairly priced widget');
  await page.getByRole('button', { name: 'Create product' }).click();
  await expect(page).toHaveURL(/\/products\/\d+$/);
  await expect(page.getByText('$1,234.50').first()).toBeVisible();
});

test('a rep reads products but cannot import, create or open price lists', async ({ page }) => {
  await signIn(page, USERS.rep.email, undefined, '/products');
  await expect(page.getByRole('heading', { name: 'Products', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Export CSV' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('link', { name: 'Import', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'New product' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Price lists' })).toHaveCount(0);

  for (const url of ['/products/import', '/products/new', '/products/price-lists']) {
    const response = await page.goto(url);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  }
});
