import { expect, test } from 'vitest';
import { daysInStage, rotState } from './rotting';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 22, 12);

test.each([
  ['fresh stage change', { stageChangedAt: now - 2 * DAY, lastActivityAt: null }, 14, { idleDays: 2, rotting: false }],
  ['idle past the limit', { stageChangedAt: now - 20 * DAY, lastActivityAt: null }, 14, { idleDays: 20, rotting: true }],
  ['a recent activity keeps it fresh', { stageChangedAt: now - 20 * DAY, lastActivityAt: now - DAY }, 14, { idleDays: 1, rotting: false }],
  ['exactly at the limit is not yet rotting', { stageChangedAt: now - 14 * DAY, lastActivityAt: null }, 14, { idleDays: 14, rotting: false }],
  ['a moment past the limit is', { stageChangedAt: now - 14 * DAY - 1, lastActivityAt: null }, 14, { idleDays: 14, rotting: true }],
  ['rot days 0 means never', { stageChangedAt: now - 400 * DAY, lastActivityAt: null }, 0, { idleDays: 400, rotting: false }],
])('%s', (_label, deal, rotDays, expected) => {
  expect(rotState(deal, rotDays, now)).toEqual(expected);
});

test('days in stage are whole days, never negative', () => {
  expect(daysInStage(now - 3.5 * DAY, now)).toBe(3);
  expect(daysInStage(now + DAY, now)).toBe(0);
});
