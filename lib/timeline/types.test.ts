import { expect, test } from 'vitest';
import { decodeCursor, encodeCursor, parseTimelineParams, timelineTypesSchema } from './types';

test('a cursor round-trips and junk is ignored', () => {
  expect(decodeCursor(encodeCursor({ at: 1_790_000_000_000, key: 'activity-42' }))).toEqual({ at: 1_790_000_000_000, key: 'activity-42' });
  expect(decodeCursor('1_x')).toBeNull();
  expect(decodeCursor("1_activity-1' or 1=1")).toBeNull();
  expect(decodeCursor(undefined)).toBeNull();
});

test.each([
  ['call,note', ['call', 'note']],
  [['won', 'lost', 'bogus'], ['won', 'lost']],
  ['lead,merge', ['lead', 'merge']],
  [undefined, []],
])('types %j → %j', (input, expected) => expect(timelineTypesSchema.parse(input)).toEqual(expected));

test.each([
  [{}, { types: [], before: null }],
  [{ type: 'call,bogus', before: '1790000000000_activity-42' }, { types: ['call'], before: { at: 1_790_000_000_000, key: 'activity-42' } }],
  [{ type: ['note', 'task'], before: ['1_activity-1', '2_activity-2'] }, { types: ['note', 'task'], before: null }],
  [{ before: 'junk' }, { types: [], before: null }],
  [{ type: 'lead', before: '1790000000000_leadconv-7' }, { types: ['lead'], before: { at: 1_790_000_000_000, key: 'leadconv-7' } }],
])('timeline params %j → %j', (params, expected) => expect(parseTimelineParams(params)).toEqual(expected));
