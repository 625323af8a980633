import { describe, expect, test } from 'vitest';
import { formatScaled, parseScaled } from './numbers';

describe('parseScaled', () => {
  test.each([
    ['2.5', 3, 2500], ['1', 3, 1000], ['0.001', 3, 1], ['.5', 3, 500], ['12.345', 3, 12345], ['1,000', 3, 1_000_000],
    ['7.5', 2, 750], ['7.5 %', 2, 750], ['7.5%', 2, 750], ['1,000,000', 3, 1_000_000_000], ['-0', 3, 0], ['100', 2, 10000], ['0.01', 2, 1], ['-3', 2, -300], ['0', 2, 0],
  ])('%j at %s places → %s', (text, places, expected) => expect(parseScaled(text, places)).toBe(expected));

  test.each([
    ['1.2345', 3], ['7.555', 2], ['abc', 3], ['', 3], ['  ', 3], ['.', 2], ['1.2.3', 3], ['1e3', 3],
    ['1,2,3', 3], ['1,23', 3], ['1 000', 3], ['１２３', 3], ['0x10', 3], ['Infinity', 2], ['\u0000', 3], ['5%%', 2], ['%', 2], ['9'.repeat(41), 3],
  ])('%j at %s places is refused', (text, places) =>
    expect(parseScaled(text, places)).toBeNull(),
  );
});

describe('formatScaled', () => {
  test.each([
    [2500, 3, '2.5'], [1000, 3, '1'], [1, 3, '0.001'], [12345, 3, '12.345'], [750, 2, '7.5'], [2000, 2, '20'], [0, 2, '0'], [-1250, 2, '-12.5'],
  ])('%s at %s places → %j', (value, places, text) => expect(formatScaled(value, places)).toBe(text));
});
