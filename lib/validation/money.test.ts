import { describe, expect, test } from 'vitest';
import { MAX_AMOUNT_CENTS } from '@/lib/money';
import { checkMoney, moneyField, parseMoney } from './money';

describe('parseMoney: what people really type', () => {
  test.each([
    ['1234', 123400], ['1,234.50', 123450], ['$1,234.5', 123450], ['€ 99', 9900], ['0.5', 50], ['-12', -1200],
    ['1234.50', 123450], ['$ 99', 9900], ['0.07', 7], ['12', 1200], ['-3.10', -310], [' 42.  ', 4200], ['.5', 50],
    ['£12', 1200], ['¥1,000', 100000], ['-$12', -1200], ['$-12', -1200], ['1,234,567.89', 123456789], ['0', 0],
    ['1000000000', 100_000_000_000], ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('%j → %s cents', (text, cents) => expect(parseMoney(text)).toBe(cents));

  test('"-0" is zero, not negative zero', () => expect(Object.is(parseMoney('-0'), 0)).toBe(true));

  test.each([
    ['1,2,3', 'commas not in groups of three'],
    ['$ 1 0', 'spaces inside the number'],
    ['1 000', 'a space as a group separator'],
    ['1,23', 'a short group'],
    ['1234,567', 'a group after four digits'],
    ['12,345.678', 'three decimals'],
    ['1.234', 'three decimals'],
    ['１２３', 'full-width digits'],
    ['1e5', 'exponent'],
    ['0x10', 'hexadecimal'],
    ['Infinity', 'not a number'],
    ['NaN', 'not a number'],
    ['', 'empty'],
    ['  ', 'blank'],
    ['\u0000', 'NUL'],
    ['1\u00002', 'NUL inside'],
    ['abc', 'words'],
    ['1.2.3', 'two dots'],
    ['--1', 'two signs'],
    ['-$-1', 'two signs around the symbol'],
    ['$$1', 'two symbols'],
    ['12$', 'symbol at the end'],
    ['+5', 'plus sign'],
    ['.', 'a dot alone'],
    ['$', 'a symbol alone'],
    ['1,', 'a trailing comma'],
    [',100', 'a leading comma'],
    ['9'.repeat(41), 'very long'],
    ['90071992547409.92', 'one cent past MAX_SAFE_INTEGER'],
    ['1'.repeat(30), 'far past MAX_SAFE_INTEGER'],
  ])('%j is refused (%s)', (text) => expect(parseMoney(text)).toBeNull());
});

describe('checkMoney: bounds with a clear message', () => {
  test.each([
    ['-0.01', {}, 'Enter an amount of 0 or more'],
    ['1,000,000,000.01', {}, 'Enter an amount up to 1,000,000,000.00'],
    ['5', { min: 1000 }, 'Enter an amount of 10.00 or more'],
    ['lots', {}, 'Enter an amount like 1,234.50'],
    ['lots', { message: 'Enter a price like 120' }, 'Enter a price like 120'],
  ])('%j with %j → %s', (text, bounds, error) => expect(checkMoney(text, bounds)).toEqual({ error }));

  test('the bound itself is fine', () => expect(checkMoney('1,000,000,000')).toEqual({ cents: MAX_AMOUNT_CENTS }));
  test('negatives where allowed', () => expect(checkMoney('-12', { min: -MAX_AMOUNT_CENTS })).toEqual({ cents: -1200 }));
});

describe('moneyField', () => {
  const required = moneyField({ message: 'Enter a price like 120' });
  const zeroWhenBlank = moneyField({ blank: 'zero' });
  test('numbers from code read as the amount they print as', () => expect(required.parse(12.5)).toBe(1250));
  test('blank is an error, or zero when the field says so', () => {
    expect(required.safeParse('  ').error?.issues[0].message).toBe('Enter an amount');
    expect(zeroWhenBlank.parse('')).toBe(0);
    expect(zeroWhenBlank.parse(undefined)).toBe(0);
  });
  test.each([[Number.NaN], [Infinity], [{}], [[]], [true]])('%j is refused', (v) => expect(required.safeParse(v).success).toBe(false));
});
