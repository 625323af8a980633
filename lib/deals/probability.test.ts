import { expect, test } from 'vitest';
import { effectiveProbabilityBp, weightedCents } from './probability';

test.each([
  [1000, null, 1000], [1000, undefined, 1000], [1000, 0, 0], [2500, 9000, 9000],
])('stage %s with override %s → %s', (stage, override, expected) => expect(effectiveProbabilityBp(stage, override)).toBe(expected));

test.each([
  [100_000, 2500, 25_000],
  [333, 5000, 167], // 166.5 rounds away from zero
  [1, 5000, 1], // 0.5 → 1
  [1, 4999, 0],
  [123_457, 1000, 12_346], // 12345.7
  [999_999, 0, 0],
  [50_000, 10_000, 50_000],
])('%s cents at %s bp → %s', (value, bp, expected) => expect(weightedCents(value, bp)).toBe(expected));
