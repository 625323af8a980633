import { expect, test } from 'vitest';
import { verdict, windowStart } from './rate-limit';

const limit = { key: 'k', max: 3, windowMs: 60_000 };

test.each([
  [0, 0],
  [59_999, 0],
  [60_000, 60_000],
  [125_000, 120_000],
])('window of %i starts at %i', (now, start) => expect(windowStart(now, 60_000)).toBe(start));

test.each([
  [1, { ok: true, remaining: 2 }],
  [3, { ok: true, remaining: 0 }],
  [4, { ok: false, retryAfterSec: 50 }],
  [100, { ok: false, retryAfterSec: 50 }],
])('hit number %i at 10 s into the window', (count, expected) => expect(verdict(count, limit, 70_000)).toEqual(expected));

test('retry-after is never zero, even in the last millisecond of a window', () => {
  expect(verdict(9, limit, 119_999)).toEqual({ ok: false, retryAfterSec: 1 });
});
