import { describe, expect, test } from 'vitest';
import { csvLines } from '@/lib/csv';
import { PRODUCT_CSV_HEADER, productCsvRow, type ProductExportRow } from './csv';
import { mappingProblems } from '@/lib/import/fields';
import { guessMapping } from '@/lib/import/guess';
import { parseImportText } from '@/lib/import/parse';
import { mapRow } from '@/lib/import/rows';
import { checkImportRecord } from '@/lib/import/values';

const products: ProductExportRow[] = [
  { sku: 'SEAT-1', name: 'Seat licence', description: 'Per user, per month', unit: 'seat', unitPriceCents: 4_999, taxRateBp: 2_000, active: true },
  { sku: 'HR-2', name: 'Consulting, senior', description: null, unit: 'hour', unitPriceCents: 150_000, taxRateBp: 750, active: false },
  { sku: 'FREE', name: '=cmd()', description: 'Line one\nline two', unit: 'unit', unitPriceCents: 5, taxRateBp: 0, active: true },
];

describe('product CSV rows', () => {
  test.each([
    [products[0], ['SEAT-1', 'Seat licence', 'Per user, per month', 'seat', '49.99', '20', 'yes']],
    [products[1], ['HR-2', 'Consulting, senior', null, 'hour', '1500.00', '7.5', 'no']],
    [products[2], ['FREE', '=cmd()', 'Line one\nline two', 'unit', '0.05', '0', 'yes']],
  ])('%o', (product, row) => {
    expect(productCsvRow(product)).toEqual(row);
  });

  test('an export imports back as the same products, its columns mapped without help', () => {
    const text = csvLines([PRODUCT_CSV_HEADER, ...products.map(productCsvRow)]);
    const csv = parseImportText(text);
    const mapping = guessMapping('products', csv.headers);
    expect(mapping).toEqual(['sku', 'name', 'description', 'unit', 'unitPrice', 'taxRate', 'active']);
    expect(mappingProblems('products', mapping, csv.headers)).toEqual([]);
    const checked = csv.rows.map((cells) => checkImportRecord('products', mapRow('products', mapping, cells), { currency: 'USD' }));
    // A formula-looking name is exported with a leading apostrophe, so it comes back with it.
    expect(checked).toEqual(
      products.map(({ unitPriceCents, taxRateBp, ...p }) => ({
        ok: true,
        values: { ...p, name: p.name.startsWith('=') ? `'${p.name}` : p.name, unitPriceCents, taxRateBp },
      })),
    );
    expect(csv.lines).toEqual([2, 3, 4]);
  });
});
