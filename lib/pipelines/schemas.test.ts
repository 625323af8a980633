import { expect, test } from 'vitest';
import { addStageSchema, deleteStageSchema, probabilityBp } from './schemas';

test.each([
  ['25', 2500], ['12.5', 1250], ['0', 0], ['100', 10000], ['33.33', 3333],
])('%s %% → %s bp', (input, bp) => expect(probabilityBp.parse(input)).toBe(bp));

test.each([['101'], ['-1'], ['abc'], ['12.345']])('%s is refused', (input) => expect(probabilityBp.safeParse(input).success).toBe(false));

test('a stage needs a name, a probability and whole rot days', () => {
  const r = addStageSchema.safeParse({ pipelineId: '1', name: ' ', probability: '150', rotDays: '2.5' });
  expect(r.success).toBe(false);
  if (!r.success) expect(Object.fromEntries(r.error.issues.map((i) => [i.path[0], i.message]))).toEqual({
    name: 'Give the stage a name',
    probability: 'Enter a probability from 0 to 100',
    rotDays: 'Enter whole days (0 for never)',
  });
  expect(deleteStageSchema.parse({ stageId: '3', moveTo: '' })).toEqual({ stageId: 3, moveTo: null });
});
