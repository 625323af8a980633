import { expect, test } from 'vitest';
import { csvValue, displayValue, formatHours } from './tables';

test.each([
  [0, '0 min'], [0.25, '15 min'], [1, '1 h'], [3.46, '3.5 h'], [47.9, '47.9 h'], [48, '2 days'], [60, '2.5 days'],
])('%s hours read as %s', (hours, text) => expect(formatHours(hours)).toBe(text));

test('hours: the table says them in words, the CSV gives the number; none is a dash or blank', () => {
  const money = (c: number) => `$${c / 100}`;
  expect(displayValue('hours', 2.5, money)).toBe('2.5 h');
  expect(displayValue('hours', null, money)).toBe('—');
  expect(csvValue('hours', 2.5)).toBe(2.5);
  expect(csvValue('hours', null)).toBe('');
});
