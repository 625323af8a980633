import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkProductFile, csvPreview, guessMapping, importRequestSchema, mapProductRows, mappingProblems, parseCsv } from './import';

const datablist = fs.readFileSync(path.resolve(__dirname, '../../tests/fixtures/datablist-products-100.csv'), 'utf8');

describe('the datablist products file, as it is', () => {
  const csv = parseCsv(datablist);
  const mapping = guessMapping(csv.headers);

  test('its columns map without help: EAN is the SKU, Availability the active flag', () => {
    expect(mapping).toMatchObject({ name: 'Name', sku: 'EAN', unitPrice: 'Price', description: 'Description', active: 'Availability', currency: 'Currency', unit: null, taxRate: null });
    expect(mappingProblems(mapping, csv.headers)).toEqual([]);
  });

  test('all 100 rows import; discontinued products come in inactive', () => {
    const { rows, rejected } = mapProductRows(csv, mapping, 'USD');
    expect(rejected).toEqual([]);
    expect(rows).toHaveLength(100);
    expect(rows[0]).toEqual({
      line: 2,
      product: { name: 'Compact Printer Air Advanced Digital', sku: '2091465262179', description: 'Situation organization these memory much off.', unit: 'unit', unitPriceCents: 26500, taxRateBp: 0, active: true },
    });
    expect(rows.find((r) => r.product.sku === '3879177514583')?.product.active).toBe(false);
  });

  test('a workspace in another currency refuses every row, naming the line', () => {
    const { rows, rejected } = mapProductRows(csv, mapping, 'EUR');
    expect(rows).toHaveLength(0);
    expect(rejected[0]).toEqual({ line: 2, reason: 'Priced in USD, but this workspace uses EUR' });
  });
});

describe('bad rows', () => {
  const text = [
    'SKU,Product Name,Unit Price,Tax Rate,Notes',
    'A-1,Widget,12.50,20,fine',
    'A-2,,5,0,no name',
    'A-3,"Gadget, large",abc,0,bad price',
    'A-1,Widget again,3,0,duplicate sku',
    'A 4,Spaced,3,0,bad sku',
    'A-5,"Two',
    'line name",7,7.5,multi-line name',
    'A-6,Taxed,1,150,bad tax',
  ].join('\n');
  const csv = parseCsv(text);
  const mapping = guessMapping(csv.headers);

  test('are reported by line with the reason, the good rows kept', () => {
    const { rows, rejected } = mapProductRows(csv, mapping, 'USD');
    expect(rows.map((r) => [r.line, r.product.sku, r.product.unitPriceCents, r.product.taxRateBp])).toEqual([
      [2, 'A-1', 1250, 2000],
    ]);
    expect(rejected).toEqual([
      { line: 3, reason: 'Name: Enter the product name' },
      { line: 4, reason: 'Unit price: Enter a price like 120 or 1,250.50' },
      { line: 5, reason: 'SKU A-1 already appears on line 2' },
      { line: 6, reason: 'SKU: Use letters, digits and dashes, no spaces' },
      // A quoted cell spanning two lines: the row is named by the line it starts on, and a name is one line.
      { line: 7, reason: 'Name: Keep this on one line, without tabs or line breaks' },
      { line: 9, reason: 'Tax %: Enter a tax rate from 0 to 100 with at most 2 decimals' },
    ]);
  });

  test('garbage money and text in a file are refused with the same rules as the form', () => {
    const garbage = parseCsv(
      [
        'SKU,Name,Unit Price',
        'G-1,Commas,"1,2,3"',
        'G-2,Spaces,$ 1 0',
        'G-3,Negative,-5',
        'G-4,Huge,"1,000,000,000.01"',
        'G-5,Wide,１２３',
        'G-6,Exp,1e5',
        'G-7,"\u200B\u200B",5',
        'G-8,"Nul\u0000",5',
        'G-9,Fine,"$1,234.5"',
      ].join('\n'),
    );
    const { rows, rejected } = mapProductRows(garbage, guessMapping(garbage.headers), 'USD');
    expect(rows.map((r) => [r.product.sku, r.product.unitPriceCents])).toEqual([['G-9', 123450]]);
    expect(rejected.map((r) => r.reason)).toEqual([
      'Unit price: Enter a price like 120 or 1,250.50',
      'Unit price: Enter a price like 120 or 1,250.50',
      'Unit price: Enter an amount of 0 or more',
      'Unit price: Enter an amount up to 1,000,000,000.00',
      'Unit price: Enter a price like 120 or 1,250.50',
      'Unit price: Enter a price like 120 or 1,250.50',
      'Name: Use visible letters or digits, not only blank or invisible characters',
      'Name: Remove the control characters (such as NUL) from this text',
    ]);
  });

  test('a mapping without a required column or with a column used twice is refused', () => {
    expect(mappingProblems({ ...mapping, sku: null }, csv.headers)).toEqual(['Choose the column for SKU']);
    expect(mappingProblems({ ...mapping, description: 'SKU' }, csv.headers)).toEqual(['Each column can feed only one field']);
  });
});

describe('the mapping step', () => {
  test('csvPreview reads the header and one sample row only', () => {
    expect(csvPreview('\uFEFFSKU, Name ,Price\nA-1,"Widget, large",12\nA-2,Other,3\n')).toEqual({ headers: ['SKU', 'Name', 'Price'], sample: { SKU: 'A-1', Name: 'Widget, large', Price: '12' } });
    expect(csvPreview('')).toEqual({ headers: [], sample: {} });
  });

  test('the request schema fills unmapped fields with null and refuses an empty file', () => {
    expect(importRequestSchema.parse({ csv: 'a', mapping: { name: 'Name', sku: 'EAN' } }).mapping).toEqual({
      name: 'Name', sku: 'EAN', unitPrice: null, description: null, unit: null, taxRate: null, active: null, currency: null,
    });
    expect(importRequestSchema.safeParse({ csv: '', mapping: {} }).error?.issues[0].message).toBe('Choose a CSV file');
  });
});

describe('checkProductFile', () => {
  const mapping = guessMapping(['SKU', 'Name', 'Price']);
  test('checks every row of a usable file', () => {
    expect(checkProductFile('SKU,Name,Price\nA-1,Widget,12\nA-2,,3\n', mapping, 'USD')).toEqual({
      rows: [{ line: 2, product: { name: 'Widget', sku: 'A-1', description: null, unit: 'unit', unitPriceCents: 1200, taxRateBp: 0, active: true } }],
      rejected: [{ line: 3, reason: 'Name: Enter the product name' }],
    });
  });
  test.each([
    ['', mapping, 'The file is empty. Choose a CSV file with a header row.'],
    ['SKU,Name,Price\n', mapping, 'The file has a header row but no products under it.'],
    ['SKU,Name,Price\nA-1,Widget,12\n', { ...mapping, unitPrice: null }, 'Choose the column for Unit price.'],
    ['SKU,Name,Cost\nA-1,Widget,12\n', mapping, 'The file has no column "Price".'],
  ])('refuses %j', (text, m, message) => {
    expect(() => checkProductFile(text, m, 'USD')).toThrow(message);
  });
});
