import { describe, expect, test } from 'vitest';
import { exitReason, failuresInARow, restartDelayMs, webConcurrency } from './supervisor';

describe('webConcurrency', () => {
  test.each([
    [undefined, 2, 2],
    ['', 4, 4],
    [undefined, 0, 1],
    [undefined, 64, 32],
    ['1', 2, 1],
    [' 3 ', 2, 3],
    ['32', 2, 32],
  ])('WEB_CONCURRENCY=%j on %i cores → %i', (value, cores, expected) => {
    expect(webConcurrency(value, cores)).toBe(expected);
  });

  test.each(['0', '-1', '1.5', 'two', '33', 'NaN'])('refuses %j with a message naming the variable', (value) => {
    expect(() => webConcurrency(value, 2)).toThrow(/WEB_CONCURRENCY must be a whole number from 1 to 32/);
  });
});

describe('restarts back off while a process keeps dying', () => {
  test.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [5, 16_000],
    [6, 30_000],
    [50, 30_000],
  ])('failure %i in a row waits %i ms', (failures, ms) => {
    expect(restartDelayMs(failures)).toBe(ms);
  });

  test('a process that ran a minute is healthy again: the count starts over', () => {
    expect(failuresInARow(4, 59_999)).toBe(5);
    expect(failuresInARow(4, 60_000)).toBe(1);
    expect(failuresInARow(0, 10)).toBe(1);
  });

  test('exit reasons read plainly', () => {
    expect(exitReason(1, null)).toBe('exited with code 1');
    expect(exitReason(null, 'SIGKILL')).toBe('was killed by SIGKILL');
  });
});
