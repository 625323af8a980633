import { expect, test } from 'vitest';
import { goalsFormSchema } from './goals';

test('the goals grid sets, clears and refuses amounts per field', () => {
  expect(goalsFormSchema.parse({ 'goal:3:2026-12': '25,000', 'goal:4:2026-12': '', other: 'x' })).toEqual([
    { userId: 3, month: '2026-12', amountCents: 2_500_000 },
    { userId: 4, month: '2026-12', amountCents: null },
  ]);
  const bad = goalsFormSchema.safeParse({ 'goal:3:2026-12': 'lots', 'goal:3:2026-13': '5' });
  expect(bad.success).toBe(false);
  if (!bad.success)
    expect(bad.error.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['goal:3:2026-12', 'Enter an amount like 25000'],
      ['goal:3:2026-13', 'Use a real month like 2026-12 (months run from 01 to 12)'],
    ]);
});

test.each([['2026-13'], ['2026-00'], ['2026-1'], ['26-01'], ['2026-01x'], ['']])('a goal for month %j is refused beside its field', (month) => {
  const key = `goal:3:${month}`;
  const result = goalsFormSchema.safeParse({ [key]: '100' });
  expect(result.success).toBe(false);
  expect(result.error?.issues[0].path).toEqual([key]);
});

test.each([
  ['-5', 'Enter an amount of 0 or more'],
  ['1,2,3', 'Enter an amount like 25000'],
  ['1000000000.01', 'Enter an amount up to 1,000,000,000.00'],
])('goal %j is refused: %s', (amount, message) => {
  const result = goalsFormSchema.safeParse({ 'goal:3:2026-12': amount });
  expect(result.error?.issues[0].message).toBe(message);
});
