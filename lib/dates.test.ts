import { describe, expect, test } from 'vitest';
import { addDays, dateInZone, daysBetween, endOfWeek, formatDate, formatInstant, formatTimeOfDay, isIsoDate, middayInZone } from './dates';

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

describe('formatInstant shows an instant in the workspace zone, named', () => {
  test.each([
    ['UTC', Date.UTC(2026, 10, 5, 10), 'Nov 5, 2026, 10:00 AM UTC'],
    // New York springs forward at 2:00 on Mar 8, 2026: a minute apart, an hour apart on the clock.
    ['America/New_York', Date.UTC(2026, 2, 8, 6, 59), 'Mar 8, 2026, 1:59 AM EST'],
    ['America/New_York', Date.UTC(2026, 2, 8, 7, 0), 'Mar 8, 2026, 3:00 AM EDT'],
    // …and falls back on Nov 1: 1:30 happens twice, told apart by the zone's name.
    ['America/New_York', Date.UTC(2026, 10, 1, 5, 30), 'Nov 1, 2026, 1:30 AM EDT'],
    ['America/New_York', Date.UTC(2026, 10, 1, 6, 30), 'Nov 1, 2026, 1:30 AM EST'],
    // Half-hour offsets: India all year; Adelaide with DST ending at 3:00 on Apr 5, 2026.
    ['Asia/Kolkata', Date.UTC(2026, 11, 3, 13, 24), 'Dec 3, 2026, 6:54 PM GMT+5:30'],
    ['Australia/Adelaide', Date.UTC(2026, 3, 4, 16, 29), 'Apr 5, 2026, 2:59 AM GMT+10:30'],
    ['Australia/Adelaide', Date.UTC(2026, 3, 4, 16, 31), 'Apr 5, 2026, 2:01 AM GMT+9:30'],
    // Late evening UTC is already the next day east of it.
    ['Pacific/Auckland', Date.UTC(2026, 11, 31, 23, 0), 'Jan 1, 2027, 12:00 PM GMT+13'],
  ])('%s, %i → %s', (zone, ms, shown) => expect(formatInstant(ms, zone)).toBe(shown));
});

test.each([
  ['UTC', Date.UTC(2026, 10, 5, 10), '10:00 AM UTC'],
  ['Asia/Kolkata', Date.UTC(2026, 10, 5, 10), '3:30 PM GMT+5:30'],
  ['America/Los_Angeles', Date.UTC(2026, 10, 5, 10), '2:00 AM PST'],
])('formatTimeOfDay in %s', (zone, ms, shown) => expect(formatTimeOfDay(ms, zone)).toBe(shown));

describe('middayInZone falls on its date in the zone', () => {
  test.each([
    ['2026-11-20', 'UTC', Date.UTC(2026, 10, 20, 12)],
    ['2026-11-20', 'Pacific/Auckland', Date.UTC(2026, 10, 19, 23)],
    ['2026-11-20', 'Asia/Kolkata', Date.UTC(2026, 10, 20, 6, 30)],
    ['2026-03-08', 'America/New_York', Date.UTC(2026, 2, 8, 16)], // the day clocks spring forward
    ['2026-11-01', 'America/New_York', Date.UTC(2026, 10, 1, 17)], // the day they fall back
    ['2026-04-05', 'Australia/Adelaide', Date.UTC(2026, 3, 5, 2, 30)],
  ])('%s in %s', (date, zone, ms) => {
    expect(middayInZone(date, zone)).toBe(ms);
    expect(dateInZone(ms, zone)).toBe(date);
  });
});
