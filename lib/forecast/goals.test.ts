import { expect, test } from 'vitest';
import { goalsFormSchema } from './goals';

test('the goals grid sets, clears and refuses amounts per field', () => {
  expect(goalsFormSchema.parse({ 'goal:3:2026-12': '25,000', 'goal:4:2026-12': '', other: 'x' })).toEqual([
    { userId: 3, month: '2026-12', amountCents: 2_500_000 },
    { userId: 4, month: '2026-12', amountCents: null },
  ]);
  const bad = goalsFormSchema.safeParse({ 'goal:3:2026-12': 'lots', 'goal:3:2026-13': '5' });
  expect(bad.success).toBe(false);
  if (!bad.success) expect(bad.error.issues.map((i) => [i.path[0], i.message])).toEqual([['goal:3:2026-12', 'Enter an amount like 25000']]);
});
