import { describe, expect, test } from 'vitest';
import { centsToDecimal, divRound, formatMoney, groupedDecimal, MAX_AMOUNT_CENTS, MAX_QUANTITY_MILLI, MAX_QUOTE_LINES, roundHalfAwayFromZero } from './money';

describe('roundHalfAwayFromZero', () => {
  test.each([
    [2.5, 3], [-2.5, -3], [2.4999, 2], [0.5, 1], [-0.5, -1], [0, 0], [1234.5, 1235], [7, 7],
  ])('%s → %s', (x, expected) => expect(roundHalfAwayFromZero(x)).toBe(expected));
});

describe('divRound', () => {
  test.each([
    [5, 2, 3], [-5, 2, -3], [5, -2, -3], [4, 2, 2], [1, 3, 0], [2, 3, 1], [15_000, 10_000, 2], [14_999, 10_000, 1],
    [123_456_789 * 2_500, 10_000, 30_864_197], [0, 7, 0],
  ])('%s ÷ %s → %s', (n, d, expected) => expect(divRound(n, d)).toBe(expected));

  test('stays exact beyond 2^53 in the intermediate product', () => {
    expect(divRound(9_007_199_254_740_991 * 3, 3)).toBe(9_007_199_254_740_991);
  });
});

describe('centsToDecimal', () => {
  test.each([
    [123450, '1234.50'], [5, '0.05'], [-5, '-0.05'], [0, '0.00'], [100, '1.00'], [99, '0.99'],
  ])('%s → %s', (cents, text) => expect(centsToDecimal(cents)).toBe(text));
});

describe('groupedDecimal', () => {
  test.each([
    [100_000_000_000, '1,000,000,000.00'], [123450, '1,234.50'], [5, '0.05'], [-123456789, '-1,234,567.89'], [99_999, '999.99'],
  ])('%s → %s', (cents, text) => expect(groupedDecimal(cents)).toBe(text));
});

describe('the money bounds keep every figure an exact integer', () => {
  test('one amount × a probability in basis points is exact even in plain doubles', () => {
    expect(Number.isSafeInteger(MAX_AMOUNT_CENTS * 10_000)).toBe(true);
  });
  test('a sum of more deals than the largest benchmark, all at the maximum, is exact', () => {
    expect(Number.isSafeInteger(MAX_AMOUNT_CENTS * 90_000)).toBe(true);
  });
  test('a quote of the most lines, each at the maximum, with 100 % tax, is exact', () => {
    expect(Number.isSafeInteger(MAX_AMOUNT_CENTS * MAX_QUOTE_LINES * 2)).toBe(true);
  });
  test('quantity × unit price goes past 2^53 and is therefore computed in BigInt', () => {
    expect(Number.isSafeInteger(MAX_QUANTITY_MILLI * MAX_AMOUNT_CENTS)).toBe(false);
  });
});

test('formatMoney formats cents in the workspace currency', () => {
  expect(formatMoney(123450, 'USD')).toBe('$1,234.50');
  expect(formatMoney(-5, 'EUR')).toBe('-€0.05');
  expect(formatMoney(1_250_000_00, 'USD', { compact: true })).toBe('$1.3M');
  expect(formatMoney(123_450, 'USD', { whole: true })).toBe('$1,235');
});
