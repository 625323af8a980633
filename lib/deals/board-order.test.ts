import { expect, test } from 'vitest';
import { positionBetween, reorder } from './board-order';

test('a key between two neighbours sorts between them', () => {
  const a = positionBetween(null, null);
  const b = positionBetween(a, null);
  const mid = positionBetween(a, b);
  expect(a < mid && mid < b).toBe(true);
  const top = positionBetween(null, a);
  expect(top < a).toBe(true);
});

test('a thousand inserts at the same spot keep strict order with short keys', () => {
  let lo = positionBetween(null, null);
  const hi = positionBetween(lo, null);
  for (let i = 0; i < 1000; i++) {
    const k = positionBetween(lo, hi);
    expect(lo < k && k < hi).toBe(true);
    lo = k;
  }
  expect(lo.length).toBeLessThan(250);
});

test('equal neighbours (a concurrent tie) still give a key after both', () => {
  const a = positionBetween(null, null);
  expect(positionBetween(a, a) > a).toBe(true);
});

test.each([
  [[1, 2, 3, 4], 1, 2, [2, 3, 1, 4], 3],
  [[1, 2, 3, 4], 4, 0, [4, 1, 2, 3], null],
  [[1, 2, 3, 4], 2, 3, [1, 3, 4, 2], 4],
  [[1, 2, 3], 3, 9, [1, 2, 3], 2],
])('reorder %j moving %s to %s', (ids, moved, to, expected, above) => {
  const { items, aboveId } = reorder(ids.map((id) => ({ id })), moved, to);
  expect(items.map((i) => i.id)).toEqual(expected);
  expect(aboveId).toBe(above);
});
