import { expect, test } from 'vitest';
import { formatBytes, formatDuration } from './format';

test.each([
  [0, '0 B'],
  [999, '999 B'],
  [1000, '1.0 kB'],
  [1_234_567, '1.2 MB'],
  [999_960, '1.0 MB'],
  [5_000_000_000, '5.0 GB'],
  [7e15, '7000.0 TB'],
])('formatBytes(%i) = %s', (bytes, text) => {
  expect(formatBytes(bytes)).toBe(text);
});

test.each([-1, Number.NaN])('formatBytes(%s) is an error', (bytes) => {
  expect(() => formatBytes(bytes)).toThrow(RangeError);
});

test.each([
  [0, '0 ms'],
  [12.4, '12 ms'],
  [999, '999 ms'],
  [1234, '1.2 s'],
  [65_000, '65.0 s'],
])('formatDuration(%i) = %s', (ms, text) => {
  expect(formatDuration(ms)).toBe(text);
});
