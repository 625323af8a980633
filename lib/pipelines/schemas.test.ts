import { describe, expect, test } from 'vitest';
import { addStageSchema, deleteStageSchema, lostReasonSchema, probabilityBp, rotDays } from './schemas';
import { bpToPercent } from '@/lib/money';
import { DEFAULT_STAGES } from './stages';

describe('probability: a percentage as typed, stored as integer basis points', () => {
  test.each([
    ['25', 2500],
    ['12.5', 1250],
    ['0', 0],
    ['100', 10000],
    ['33.33', 3333],
    ['0.01', 1],
    [' 25 % ', 2500],
    ['12,5', 1250],
    [40, 4000],
  ])('%j → %i bp', (input, bp) => expect(probabilityBp.parse(input)).toBe(bp));

  test.each([
    ['101', 'Enter a probability from 0 to 100'],
    ['-1', 'Enter a probability from 0 to 100'],
    ['100.01', 'Enter a probability from 0 to 100'],
    ['abc', 'Enter a probability from 0 to 100'],
    ['', 'Enter a probability from 0 to 100'],
    ['   ', 'Enter a probability from 0 to 100'],
    ['12.345', 'Use at most two decimals'],
  ])('%j is refused: %s', (input, message) => {
    const result = probabilityBp.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(message);
  });

  test.each([0, 1, 1250, 3333, 5000, 9999, 10000])('%i bp shows as a percentage that parses back to itself', (bp) => {
    expect(probabilityBp.parse(bpToPercent(bp))).toBe(bp);
  });
});

describe('rot days: whole days, 0 or more', () => {
  test.each([['0', 0], ['30', 30], [' 7 ', 7]])('%j → %i', (input, days) => expect(rotDays.parse(input)).toBe(days));
  test.each([['-1'], ['2.5'], [''], ['soon'], ['3651'], ['1,000']])('%j is refused', (input) => expect(rotDays.safeParse(input).success).toBe(false));
});

test('a stage form reports every bad field at once, beside its field', () => {
  const result = addStageSchema.safeParse({ pipelineId: '1', name: ' ', probability: '150', rotDays: '2.5' });
  expect(result.success).toBe(false);
  expect(Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]))).toEqual({
    name: 'Give the stage a name',
    probability: 'Enter a probability from 0 to 100',
    rotDays: 'Enter whole days, 0 or more',
  });
});

test('deleting a stage without deals needs no target; an empty choice means none', () => {
  expect(deleteStageSchema.parse({ stageId: '3', moveTo: '' })).toEqual({ stageId: 3, moveTo: null });
  expect(deleteStageSchema.parse({ stageId: 3, moveTo: null })).toEqual({ stageId: 3, moveTo: null });
  expect(deleteStageSchema.parse({ stageId: '3', moveTo: '5' })).toEqual({ stageId: 3, moveTo: 5 });
});

test('a lost reason is trimmed and must not be empty', () => {
  expect(lostReasonSchema.parse({ label: '  Timing ' })).toEqual({ label: 'Timing' });
  expect(lostReasonSchema.safeParse({ label: '  ' }).error?.issues[0].message).toBe('Type a reason');
});

test('the default stages of a new pipeline climb in probability and are valid stages', () => {
  const bps = DEFAULT_STAGES.map((s) => s.probabilityBp);
  expect(bps).toEqual([...bps].sort((a, b) => a - b));
  for (const s of DEFAULT_STAGES) expect(addStageSchema.safeParse({ pipelineId: 1, name: s.name, probability: bpToPercent(s.probabilityBp), rotDays: s.rotDays }).success).toBe(true);
});
