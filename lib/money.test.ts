import { describe, expect, test } from 'vitest';
import { centsToDecimal, divRound, formatMoney, parseMoneyToCents, roundHalfAwayFromZero } from './money';

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

describe('parseMoneyToCents', () => {
  test.each([
    ['1234.50', 123450], ['1,234.5', 123450], ['$ 99', 9900], ['0.07', 7], ['12', 1200], ['-3.10', -310], [' 42.  ', 4200],
  ])('%j → %s', (text, cents) => expect(parseMoneyToCents(text)).toBe(cents));

  test.each(['', 'abc', '1.234', '1.2.3', '--1', '1e5'])('%j is not an amount', (text) => expect(parseMoneyToCents(text)).toBeNull());
});

test('formatMoney formats cents in the workspace currency', () => {
  expect(formatMoney(123450, 'USD')).toBe('$1,234.50');
  expect(formatMoney(-5, 'EUR')).toBe('-€0.05');
  expect(formatMoney(1_250_000_00, 'USD', { compact: true })).toBe('$1.3M');
  expect(formatMoney(123_450, 'USD', { whole: true })).toBe('$1,235');
});
