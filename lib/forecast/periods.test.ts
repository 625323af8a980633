import { describe, expect, test } from 'vitest';
import { addMonths, fiscalQuarterStart, fiscalYearStart, monthStartInstant, presetMonths } from './periods';
import { buildForecastRows, totalRow } from './rows';

test.each([
  ['2026-11', 1, '2026-12'], ['2026-12', 1, '2027-01'], ['2026-01', -1, '2025-12'], ['2026-03', -15, '2024-12'], ['2026-05', 0, '2026-05'],
])('addMonths(%s, %s) = %s', (m, n, out) => expect(addMonths(m, n)).toBe(out));

test.each([
  ['2026-11', 1, '2026-10', '2026-01'],
  ['2026-11', 4, '2026-10', '2026-04'],
  ['2026-02', 4, '2026-01', '2025-04'],
  ['2026-03', 4, '2026-01', '2025-04'],
  ['2026-04', 4, '2026-04', '2026-04'],
  ['2026-07', 7, '2026-07', '2026-07'],
  ['2026-06', 7, '2026-04', '2025-07'],
])('%s with a fiscal year from month %s: quarter starts %s, year %s', (m, start, q, y) => {
  expect(fiscalQuarterStart(m, start)).toBe(q);
  expect(fiscalYearStart(m, start)).toBe(y);
});

test('presets cover the right months', () => {
  expect(presetMonths('next6', '2026-11', 1)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04']);
  expect(presetMonths('next-quarter', '2026-11', 1)).toEqual(['2027-01', '2027-02', '2027-03']);
  expect(presetMonths('quarter', '2026-11', 4)).toEqual(['2026-10', '2026-11', '2026-12']);
  expect(presetMonths('year', '2026-11', 4)).toHaveLength(12);
});

describe('monthStartInstant', () => {
  test.each([
    ['2026-12', 'UTC', Date.UTC(2026, 11, 1)],
    ['2026-12', 'Europe/Berlin', Date.UTC(2026, 10, 30, 23)],
    ['2026-07', 'Europe/Berlin', Date.UTC(2026, 5, 30, 22)], // summer time
    ['2026-11', 'America/Los_Angeles', Date.UTC(2026, 10, 1, 7)], // DST still on 1 Nov 00:00
    ['2026-12', 'America/Los_Angeles', Date.UTC(2026, 11, 1, 8)],
    ['2027-01', 'Pacific/Auckland', Date.UTC(2026, 11, 31, 11)],
    ['2024-03', 'Asia/Kolkata', Date.UTC(2024, 1, 29, 18, 30)], // leap year, half-hour zone
  ])('%s in %s', (month, zone, instant) => expect(monthStartInstant(month, zone)).toBe(instant));
});

test('forecast rows fill every month, add goals and attainment, and total up', () => {
  const rows = buildForecastRows(
    ['2026-11', '2026-12', '2027-01'],
    [{ month: '2026-11', openDeals: 2, openCents: 300, weightedCents: 75, overdueDeals: 1, overdueWeightedCents: 25 }],
    [{ month: '2026-12', wonDeals: 1, wonCents: 1_000 }],
    new Map([['2026-12', 3_000]]),
  );
  expect(rows).toEqual([
    { month: '2026-11', openDeals: 2, openCents: 300, weightedCents: 75, wonDeals: 0, wonCents: 0, goalCents: null, attainmentBp: null, overdueDeals: 1, overdueWeightedCents: 25 },
    { month: '2026-12', openDeals: 0, openCents: 0, weightedCents: 0, wonDeals: 1, wonCents: 1_000, goalCents: 3_000, attainmentBp: 3_333, overdueDeals: 0, overdueWeightedCents: 0 },
    { month: '2027-01', openDeals: 0, openCents: 0, weightedCents: 0, wonDeals: 0, wonCents: 0, goalCents: null, attainmentBp: null, overdueDeals: 0, overdueWeightedCents: 0 },
  ]);
  expect(totalRow(rows)).toMatchObject({ openCents: 300, weightedCents: 75, wonCents: 1_000, goalCents: 3_000, attainmentBp: 3_333 });
});
