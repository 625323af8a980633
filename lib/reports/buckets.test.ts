import { expect, test } from 'vitest';
import { DAY_MS, pathHeight, splitByUtcDay, WON_HEIGHT, type DaySplit } from './buckets';

const H = 3_600_000;
const d = (day: number, hours = 0) => day * DAY_MS + hours * H;

test.each<[string, number, number, DaySplit]>([
  ['whole UTC days: no raw ends', d(20_000), d(20_090), { fromDay: 20_000, toDay: 20_090, headFrom: d(20_000), headTo: d(20_000), tailFrom: d(20_090), tailTo: d(20_090) }],
  ['New York days: the ends are read raw', d(20_000, 5), d(20_090, 4), { fromDay: 20_001, toDay: 20_090, headFrom: d(20_000, 5), headTo: d(20_001), tailFrom: d(20_090), tailTo: d(20_090, 4) }],
  ['Kolkata (+5:30)', d(20_000) - 5.5 * H, d(20_010) - 5.5 * H, { fromDay: 20_000, toDay: 20_009, headFrom: d(20_000) - 5.5 * H, headTo: d(20_000), tailFrom: d(20_009), tailTo: d(20_010) - 5.5 * H }],
  ['one local day inside one UTC day: all raw', d(20_000, 3), d(20_000, 20), { fromDay: 0, toDay: 0, headFrom: d(20_000, 3), headTo: d(20_000, 20), tailFrom: d(20_000, 20), tailTo: d(20_000, 20) }],
  ['one local day across a UTC midnight: all raw', d(20_000, 5), d(20_001, 5), { fromDay: 0, toDay: 0, headFrom: d(20_000, 5), headTo: d(20_001, 5), tailFrom: d(20_001, 5), tailTo: d(20_001, 5) }],
  ['an empty period', d(20_001), d(20_000), { fromDay: 0, toDay: 0, headFrom: d(20_001), headTo: d(20_001), tailFrom: d(20_001), tailTo: d(20_001) }],
  ['before 2 Jan 1970 is read raw', -d(3), d(5), { fromDay: 1, toDay: 5, headFrom: -d(3), headTo: d(1), tailFrom: d(5), tailTo: d(5) }],
])('%s', (_, from, to, split) => expect(splitByUtcDay(from, to)).toEqual(split));

test('every instant of a period falls in exactly one part, and none outside it does', () => {
  // SQL's utc_day for an instant: integer division, truncating toward zero.
  const sqlDay = (x: number) => Math.trunc(x / DAY_MS);
  let seed = 7;
  const rand = (n: number) => Math.floor(((seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647) * n);
  for (let i = 0; i < 2_000; i++) {
    const from = rand(5) === 0 ? -rand(3 * DAY_MS) : d(20_000) + rand(40 * DAY_MS);
    const to = from + rand(12) * rand(10 * DAY_MS);
    const s = splitByUtcDay(from, to);
    for (const x of [from - 1, from, from + 1, to - 1, to, to + 1, from + rand(Math.max(1, to - from)), d(sqlDay(from)), d(sqlDay(to)), -1, 0]) {
      const parts = Number(sqlDay(x) >= s.fromDay && sqlDay(x) < s.toDay) + Number(x >= s.headFrom && x < s.headTo) + Number(x >= s.tailFrom && x < s.tailTo);
      expect(parts, `${x} in [${from}, ${to})`).toBe(x >= from && x < to ? 1 : 0);
    }
  }
});

test.each<[string, string, boolean, number]>([
  ['the highest position its path entered', '1,2,3', false, 2],
  ['skipped stages count as reached below', '1,4', false, 3],
  ['stages of another pipeline or deleted have no position', '9,2', false, 1],
  ['nothing of this pipeline', '9', false, -1],
  ['no history', '', false, -1],
  ['won deals reached every step', '1', true, WON_HEIGHT],
])('path height: %s', (_, path, won, height) => {
  const positions = new Map([[1, 0], [2, 1], [3, 2], [4, 3]]);
  expect(pathHeight(path, won, positions)).toBe(height);
});
