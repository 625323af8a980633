import { describe, expect, test } from 'vitest';
import { lineAmounts, quoteTotals } from './totals';

const line = (quantityMilli: number, unitPriceCents: number, discountBp = 0, taxRateBp = 0) => ({ quantityMilli, unitPriceCents, discountBp, taxRateBp });

describe('lineAmounts', () => {
  test.each([
    // quantity, unit price, discount → gross, net, discount (hand-computed)
    ['one at 10.00', line(1000, 1000), 1000, 1000, 0],
    ['2.5 × 0.99 = 2.475 rounds half up', line(2500, 99), 248, 248, 0],
    ['0.5 × 0.01 = 0.005 rounds away from zero', line(500, 1), 1, 1, 0],
    ['0.499 × 0.01 rounds down', line(499, 1), 0, 0, 0],
    ['3 decimals: 1.234 × 19.99 = 24.66766', line(1234, 1999), 2467, 2467, 0],
    ['10 % off 3 × 33.33', line(3000, 3333, 1000), 9999, 8999, 1000],
    ['12.5 % off 1 × 0.20 = 0.175 → 0.18', line(1000, 20, 1250), 20, 18, 2],
    ['100 % discount leaves nothing', line(7000, 4999, 10000), 34993, 0, 34993],
    ['0.01 % off 1000 × 1.00', line(1_000_000, 100, 1), 100000, 99990, 10],
    ['negative price (a credit) rounds away from zero', line(500, -1), -1, -1, 0],
    ['zero quantity', line(0, 5000, 500), 0, 0, 0],
  ])('%s', (_name, input, gross, net, discount) => {
    expect(lineAmounts(input)).toEqual({ grossCents: gross, netCents: net, discountCents: discount });
  });

  test('stays exact when quantity × price × discount passes 2^53', () => {
    // 999,999.999 × 9,999,999.99 with 33.33 % off
    const amounts = lineAmounts(line(999_999_999, 999_999_999, 3333));
    expect(amounts.grossCents).toBe(999_999_998_000_000);
    expect(amounts.netCents).toBe(666_699_998_666_600);
  });
});

describe('quoteTotals', () => {
  test('no lines: all zero', () => {
    expect(quoteTotals([])).toEqual({ subtotalCents: 0, discountCents: 0, netCents: 0, taxes: [], taxCents: 0, totalCents: 0 });
  });

  test('tax is rounded once per rate on the sum of nets, not per line', () => {
    // Three lines of 0.05 at 10 %: per line 0.005 would round to 0.01 each (0.03); on the sum 0.15 → 0.02.
    const totals = quoteTotals([line(1000, 5, 0, 1000), line(1000, 5, 0, 1000), line(1000, 5, 0, 1000)]);
    expect(totals.taxes).toEqual([{ rateBp: 1000, baseCents: 15, taxCents: 2 }]);
    expect(totals.totalCents).toBe(17);
  });

  test('mixed rates, a discount and a zero-rated line', () => {
    const totals = quoteTotals([
      line(12_000, 4_500, 1_000, 2_000), // 12 × 45.00 = 540.00, 10 % off → 486.00 at 20 %
      line(2_500, 9_999, 0, 750), //        2.5 × 99.99 = 249.975 → 249.98 at 7.5 %
      line(1_000, 15_000, 0, 0), //         150.00 zero-rated
      line(3_000, 1_250, 500, 2_000), //    3 × 12.50 = 37.50, 5 % off → 35.625 → 35.63 at 20 %
    ]);
    expect(totals.subtotalCents).toBe(54_000 + 24_998 + 15_000 + 3_750);
    expect(totals.netCents).toBe(48_600 + 24_998 + 15_000 + 3_563);
    expect(totals.discountCents).toBe(5_400 + 187);
    expect(totals.taxes).toEqual([
      { rateBp: 750, baseCents: 24_998, taxCents: 1_875 }, // 18.7485 → 18.75
      { rateBp: 2_000, baseCents: 52_163, taxCents: 10_433 }, // 104.326 → 104.33
    ]);
    expect(totals.taxCents).toBe(12_308);
    expect(totals.totalCents).toBe(92_161 + 12_308);
  });

  test.each([
    ['7.5 % of 0.10 = 0.0075 → 0.01', [line(1000, 10, 0, 750)], 1],
    ['7.5 % of 0.06 = 0.0045 → 0.00', [line(1000, 6, 0, 750)], 0],
    ['20 % of 0.025 (net) → net 0.03 → 0.006 → 0.01', [line(500, 5, 0, 2000)], 1],
  ])('%s', (_name, lines, tax) => {
    expect(quoteTotals(lines).taxCents).toBe(tax);
  });

  test('a 100 % discounted line keeps its rate row at zero', () => {
    expect(quoteTotals([line(1000, 5000, 10_000, 2000)]).taxes).toEqual([{ rateBp: 2000, baseCents: 0, taxCents: 0 }]);
  });

  test('section headings are skipped, whatever numbers they hold', () => {
    expect(quoteTotals([{ kind: 'section', quantityMilli: 5000, unitPriceCents: 999, discountBp: 0, taxRateBp: 2000 }, line(1000, 1000, 0, 2000)])).toMatchObject({ netCents: 1000, taxCents: 200, totalCents: 1200 });
  });
});
