import { describe, expect, test } from 'vitest';
import { cronError, dailyCron, dailyTime, describeCron, dueSlot, nextSlot } from './schedule';

const at = (iso: string) => new Date(iso).getTime();
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('nextSlot reads the expression in the time zone', () => {
  test.each([
    ['0 2 * * *', 'UTC', '2026-12-03T12:00:00Z', '2026-12-04T02:00:00.000Z'],
    ['0 2 * * *', 'Europe/Berlin', '2026-12-03T12:00:00Z', '2026-12-04T01:00:00.000Z'],
    ['0 2 * * *', 'Europe/Berlin', '2026-07-03T12:00:00Z', '2026-07-04T00:00:00.000Z'],
    ['0 2 * * *', 'America/New_York', '2026-12-03T12:00:00Z', '2026-12-04T07:00:00.000Z'],
    ['0 2 * * *', 'Asia/Kolkata', '2026-12-03T12:00:00Z', '2026-12-03T20:30:00.000Z'],
    // The slot itself is not "after" it.
    ['0 2 * * *', 'UTC', '2026-12-04T02:00:00Z', '2026-12-05T02:00:00.000Z'],
    ['17 * * * *', 'UTC', '2026-12-03T12:17:00Z', '2026-12-03T13:17:00.000Z'],
    // Spring forward in Berlin: 02:30 does not exist on 2027-03-28, the run is at the first valid time after the gap.
    ['30 2 * * *', 'Europe/Berlin', '2027-03-27T12:00:00Z', '2027-03-28T01:00:00.000Z'],
    // Leap day only.
    ['0 0 29 2 *', 'UTC', '2026-12-03T00:00:00Z', '2028-02-29T00:00:00.000Z'],
  ])('%s in %s after %s → %s', (cron, tz, after, expected) => {
    expect(iso(nextSlot(cron, tz, at(after)))).toBe(expected);
  });
});

describe('dueSlot catches up once', () => {
  const cron = '0 2 * * *';
  test.each([
    ['nothing due yet', '2026-12-03T02:00:00Z', '2026-12-03T12:00:00Z', null],
    ['one slot passed', '2026-12-03T02:00:00Z', '2026-12-04T02:00:00Z', '2026-12-04T02:00:00.000Z'],
    ['a week down: the latest slot only', '2026-11-26T02:00:00Z', '2026-12-03T12:00:00Z', '2026-12-03T02:00:00.000Z'],
    ['just before a slot', '2026-12-03T02:00:00Z', '2026-12-04T01:59:59Z', null],
    ['last slot is the latest one', '2026-12-04T02:00:00Z', '2026-12-04T02:00:30Z', null],
  ])('%s', (_why, last, now, expected) => {
    expect(iso(dueSlot(cron, 'UTC', at(last), at(now)))).toBe(expected);
  });
});

describe('daily times', () => {
  test.each([
    ['0 2 * * *', '02:00'],
    ['30 23 * * *', '23:30'],
    ['5 7 * * *', '07:05'],
    ['0 24 * * *', null],
    ['60 2 * * *', null],
    ['0 2 * * 1', null],
    ['*/5 * * * *', null],
  ])('dailyTime(%j) = %j', (cron, time) => {
    expect(dailyTime(cron)).toBe(time);
  });

  test.each(['00:00', '02:00', '23:59', '07:05'])('dailyCron round-trips %s', (time) => {
    expect(dailyTime(dailyCron(time))).toBe(time);
  });

  test.each([
    ['0 2 * * *', 'Every day at 02:00'],
    ['17 * * * *', 'Every hour at :17'],
    ['0 9 * * 1', 'Cron 0 9 * * 1'],
  ])('describeCron(%j) = %j', (cron, words) => {
    expect(describeCron(cron)).toBe(words);
  });
});

test.each(['0 2 * * *', '*/15 * * * *', '0 9 * * MON-FRI'])('%s is a valid expression', (cron) => {
  expect(cronError(cron)).toBeNull();
});
test.each(['', 'every day', '61 * * * *', '0 25 * * *'])('%j is refused with a reason', (cron) => {
  expect(cronError(cron)).toEqual(expect.any(String));
});
