import { expect, test } from 'vitest';
import { nextAttempt, retryDelayMs } from './backoff';

test.each([
  [1, 10_000],
  [2, 20_000],
  [3, 40_000],
  [8, 1_280_000],
  [9, 2_560_000],
  [10, 3_600_000],
  [1000, 3_600_000],
  [0, 10_000],
])('after %i failed tries the next waits %i ms', (attempts, ms) => {
  expect(retryDelayMs(attempts)).toBe(ms);
});

test('a job is retried until it has used its tries', () => {
  expect(nextAttempt(1, 3, 1000)).toEqual({ retryAt: 11_000 });
  expect(nextAttempt(2, 3, 1000)).toEqual({ retryAt: 21_000 });
  expect(nextAttempt(3, 3, 1000)).toBeNull();
  expect(nextAttempt(1, 1, 1000)).toBeNull();
});
