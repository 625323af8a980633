import { expect, test } from 'vitest';
import { applyMove, type Summary } from './board-summary';

const base: Summary[] = [
  { stageId: 1, count: 2, sumCents: 30_000, weightedCents: 3_000 },
  { stageId: 2, count: 1, sumCents: 10_000, weightedCents: 2_500 },
];

test('a card moving to another stage takes that stage’s probability', () => {
  const next = applyMove(base, { valueCents: 10_001, probabilityBp: 1000, overridden: false }, 1, 2, 2500);
  expect(next).toEqual([
    { stageId: 1, count: 1, sumCents: 19_999, weightedCents: 3_000 - 1_000 },
    { stageId: 2, count: 2, sumCents: 20_001, weightedCents: 2_500 + 2_500 }, // 2500.25 → 2500
  ]);
});

test('an override travels with the card', () => {
  const next = applyMove(base, { valueCents: 10_000, probabilityBp: 9000, overridden: true }, 1, 2, 2500);
  expect(next[1].weightedCents).toBe(2_500 + 9_000);
  expect(next[0].weightedCents).toBe(3_000 - 9_000);
});

test('a move into an empty column creates its figures; leaving the board only subtracts', () => {
  const into = applyMove(base, { valueCents: 5_000, probabilityBp: 1000, overridden: false }, 1, 3, 5000);
  expect(into.find((s) => s.stageId === 3)).toEqual({ stageId: 3, count: 1, sumCents: 5_000, weightedCents: 2_500 });
  const won = applyMove(base, { valueCents: 5_000, probabilityBp: 2500, overridden: false }, 2, null, null);
  expect(won).toEqual([base[0], { stageId: 2, count: 0, sumCents: 5_000, weightedCents: 1_250 }]);
});

test('a move within a column changes nothing', () => {
  expect(applyMove(base, { valueCents: 1, probabilityBp: 1, overridden: false }, 1, 1, 1000)).toBe(base);
});
