import { expect, test } from 'vitest';
import { heldUntil, minutesUntil, THROTTLE, throttledUntil, type AttemptHistory } from './throttle';

const now = 1_800_000_000_000;
const min = 60_000;
const ago = (...minutes: number[]) => minutes.map((m) => now - m * min);
const times = (n: number, everyMs = 1000) => Array.from({ length: n }, (_, i) => now - i * everyMs);
const none: AttemptHistory = { pair: [], address: [], addressEmails: [], account: [], knownAddress: false };

test.each([
  ['nothing', [], null],
  ['four', ago(1, 2, 3, 4), null],
  ['five in the window', ago(1, 2, 3, 4, 5), now - 5 * min + 15 * min],
  ['five, one older than the window', ago(1, 2, 3, 4, 16), null],
  ['seven: counts from the fifth newest', ago(7, 6, 5, 4, 3, 2, 1), now - 5 * min + 15 * min],
  ['exactly at the window edge is outside', ago(1, 2, 3, 4, 15), null],
])('heldUntil, 5 per 15 min: %s', (_label, failures, expected) => {
  expect(heldUntil(failures, THROTTLE.pair, now)).toBe(expected);
});

test.each<[string, Partial<AttemptHistory>, number | null]>([
  ['no failures anywhere', {}, null],
  ['four for this email from here', { pair: ago(1, 2, 3, 4) }, null],
  ['five for this email from here', { pair: ago(1, 2, 3, 4, 5) }, now + 10 * min],
  // Another address's failures reach this one only through the address and account limits.
  ['nine emails tried from here', { addressEmails: ago(1, 2, 3, 4, 5, 6, 7, 8, 9) }, null],
  ['ten emails tried from here', { addressEmails: ago(1, 2, 3, 4, 5, 6, 7, 8, 9, 10) }, now + 5 * min],
  ['29 failures from here', { address: times(29) }, null],
  ['30 failures from here', { address: times(30) }, now - 29_000 + 15 * min],
  ['99 failures for this email from anywhere in an hour', { account: times(99, 30_000) }, null],
  ['100 failures for this email from anywhere in an hour', { account: times(100, 30_000) }, now - 99 * 30_000 + 60 * min],
  ['100 failures, but this address signed in to it lately', { account: times(100, 30_000), knownAddress: true }, null],
  ['a known address still has its own pair limit', { account: times(100, 30_000), knownAddress: true, pair: ago(1, 2, 3, 4, 5) }, now + 10 * min],
  ['several limits: the latest end wins', { pair: ago(10, 11, 12, 13, 14), address: times(30) }, now - 29_000 + 15 * min],
])('throttledUntil: %s', (_label, history, expected) => {
  expect(throttledUntil({ ...none, ...history }, now)).toBe(expected);
});

test('minutesUntil rounds up and is at least one', () => {
  expect(minutesUntil(now + 10 * min, now)).toBe(10);
  expect(minutesUntil(now + 10 * min + 1, now)).toBe(11);
  expect(minutesUntil(now + 1, now)).toBe(1);
});
