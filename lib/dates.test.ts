import { describe, expect, test } from 'vitest';
import { addDays, dateInZone, daysBetween, endOfWeek, formatDate, isIsoDate } from './dates';

describe('isIsoDate', () => {
  test.each([
    ['2026-11-22', true], ['2024-02-29', true], ['2025-02-29', false], ['2026-13-01', false], ['2026-1-01', false], ['22/11/2026', false], ['', false],
  ])('%j → %s', (value, ok) => expect(isIsoDate(value)).toBe(ok));
});

describe('addDays', () => {
  test.each([
    ['2026-11-22', 1, '2026-11-23'], ['2026-12-31', 1, '2027-01-01'], ['2024-02-28', 1, '2024-02-29'], ['2024-03-01', -1, '2024-02-29'],
    ['2026-03-29', 0, '2026-03-29'], ['2026-01-31', 30, '2026-03-02'],
  ])('%s + %s = %s', (from, days, to) => expect(addDays(from, days)).toBe(to));
});

test('daysBetween counts calendar days, across a DST change', () => {
  expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  expect(daysBetween('2026-11-22', '2026-11-01')).toBe(-21);
});

test('dateInZone gives the calendar date where the instant happened', () => {
  const instant = Date.UTC(2026, 10, 22, 23, 30); // 23:30 UTC
  expect(dateInZone(instant)).toBe('2026-11-22');
  expect(dateInZone(instant, 'Europe/Berlin')).toBe('2026-11-23');
  expect(dateInZone(instant, 'America/Los_Angeles')).toBe('2026-11-22');
});

test('formatDate never shifts a date-only value', () => {
  expect(formatDate('2026-01-01')).toBe('Jan 1, 2026');
});

test.each([
  ['2026-11-22', '2026-11-22'], // a Sunday ends its own week
  ['2026-11-23', '2026-11-29'], // Monday
  ['2026-12-31', '2027-01-03'],
  ['2024-02-28', '2024-03-03'],
])('endOfWeek(%s) = %s', (date, end) => expect(endOfWeek(date)).toBe(end));
