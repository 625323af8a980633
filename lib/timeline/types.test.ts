import { expect, test } from 'vitest';
import { decodeCursor, encodeCursor, timelineTypesSchema } from './types';

test('a cursor round-trips and junk is ignored', () => {
  expect(decodeCursor(encodeCursor({ at: 1_790_000_000_000, key: 'activity-42' }))).toEqual({ at: 1_790_000_000_000, key: 'activity-42' });
  expect(decodeCursor('1_x')).toBeNull();
  expect(decodeCursor("1_activity-1' or 1=1")).toBeNull();
  expect(decodeCursor(undefined)).toBeNull();
});

test.each([
  ['call,note', ['call', 'note']],
  [['won', 'lost', 'bogus'], ['won', 'lost']],
  [undefined, []],
])('types %j → %j', (input, expected) => expect(timelineTypesSchema.parse(input)).toEqual(expected));
