import { expect, test } from 'vitest';
import { LOCKOUT_WINDOW_MS, lockoutUntil, minutesUntil } from './lockout';

const now = 1_800_000_000_000;
const min = 60_000;

test.each([
  ['no failures', [], null],
  ['four failures', [1, 2, 3, 4].map((m) => now - m * min), null],
  ['five failures in the window', [1, 2, 3, 4, 5].map((m) => now - m * min), now - 5 * min + LOCKOUT_WINDOW_MS],
  ['five failures, one of them older than 15 minutes', [1, 2, 3, 4, 16].map((m) => now - m * min), null],
  ['seven failures: counts from the fifth newest', [1, 2, 3, 4, 5, 6, 7].map((m) => now - m * min), now - 5 * min + LOCKOUT_WINDOW_MS],
])('%s', (_label, failures, expected) => {
  expect(lockoutUntil(failures, now)).toBe(expected);
});

test('minutesUntil rounds up and is at least one', () => {
  expect(minutesUntil(now + 10 * min, now)).toBe(10);
  expect(minutesUntil(now + 10 * min + 1, now)).toBe(11);
  expect(minutesUntil(now + 1, now)).toBe(1);
});
