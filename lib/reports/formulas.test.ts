import { expect, test } from 'vitest';
import { averageDays, formatBp, funnelShares, median, msToHours, rateBp, reachedAtLeast, winRateBp } from './formulas';
import { parseReportPeriod, periodInstants } from './period';

test.each([
  [3, 1, 7_500], [1, 2, 3_333], [2, 1, 6_667], [0, 4, 0], [5, 0, 10_000], [0, 0, null],
])('win rate of %s won and %s lost = %s bp', (won, lost, bp) => expect(winRateBp(won, lost)).toBe(bp));

test.each([
  [3 * 86_400_000, 2, 1.5], [0, 3, 0], [86_400_000 * 10, 3, 3.3], [5, 0, null],
])('average of %s ms over %s = %s days', (ms, n, days) => expect(averageDays(ms, n)).toBe(days));

test('funnel shares are of the cohort, and empty cohorts have none', () => {
  expect(funnelShares(8, [8, 6, 3, 1])).toEqual([10_000, 7_500, 3_750, 1_250]);
  expect(funnelShares(0, [0, 0])).toEqual([null, null]);
});

test('formatBp drops a trailing .0', () => {
  expect(formatBp(7_500)).toBe('75%');
  expect(formatBp(3_333)).toBe('33.3%');
  expect(formatBp(null)).toBe('—');
});

test('periods: presets end today; a custom range needs from ≤ to; instants follow the zone', () => {
  expect(parseReportPeriod({}, '2026-11-22', 1)).toMatchObject({ preset: '90d', from: '2026-08-25', to: '2026-11-22' });
  expect(parseReportPeriod({ period: 'quarter' }, '2026-11-22', 1)).toMatchObject({ from: '2026-10-01', to: '2026-11-22' });
  expect(parseReportPeriod({ period: 'custom', from: '2026-01-01', to: '2026-03-31' }, '2026-11-22', 1)).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
  expect(parseReportPeriod({ period: 'custom', from: '2026-03-31', to: '2026-01-01' }, '2026-11-22', 1).preset).toBe('90d');
  const p = parseReportPeriod({ period: 'custom', from: '2026-03-28', to: '2026-03-30' }, '2026-11-22', 1);
  expect(periodInstants(p, 'UTC')).toEqual({ fromMs: Date.UTC(2026, 2, 28), toMs: Date.UTC(2026, 2, 31) });
  // Berlin moves to summer time on 29 March 2026.
  expect(periodInstants(p, 'Europe/Berlin')).toEqual({ fromMs: Date.UTC(2026, 2, 27, 23), toMs: Date.UTC(2026, 2, 30, 22) });
});

test('reachedAtLeast adds up every deal that got that far or further', () => {
  const heights = [{ top: -1, n: 2 }, { top: 0, n: 5 }, { top: 2, n: 3 }, { top: 1_000_000, n: 4 }];
  expect([0, 1, 2, 3, 1_000_000].map((p) => reachedAtLeast(heights, p))).toEqual([12, 7, 7, 4, 4]);
});

test.each([
  [[], null],
  [[5], 5],
  [[3, 1, 2], 2],
  [[4, 1, 3, 2], 2.5],
  [[10, 10, 1], 10],
  [[0, 0], 0],
  [[7, -1], 3],
])('median of %j = %s', (values, expected) => expect(median(values)).toBe(expected));

test('median leaves its input alone', () => {
  const values = [3, 1, 2];
  median(values);
  expect(values).toEqual([3, 1, 2]);
});

test.each([
  [1, 3, 3_333], [2, 3, 6_667], [1, 8, 1_250], [0, 5, 0], [5, 5, 10_000], [0, 0, null], [1, 20_000, 1],
])('rate of %s in %s = %s bp', (n, whole, bp) => expect(rateBp(n, whole)).toBe(bp));

test.each([
  [null, null], [0, 0], [3_600_000, 1], [5_400_000, 1.5], [3_780_000, 1.1], [86_400_000 * 2, 48],
])('%s ms = %s hours', (ms, hours) => expect(msToHours(ms)).toBe(hours));
