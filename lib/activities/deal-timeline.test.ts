import { expect, test } from 'vitest';
import { DEAL_TIMELINE_TYPES, timelineLimit, timelineMeta } from './deal-timeline';

test('every kind of entry has its own type, named as the page marks it', () => {
  expect(DEAL_TIMELINE_TYPES).toEqual(['call', 'email', 'meeting', 'note', 'task', 'reassigned', 'stage', 'created', 'won', 'lost', 'reopened', 'owner', 'value', 'close_date', 'probability', 'quote']);
});

test.each<[string | string[] | undefined, number]>([
  [undefined, 50],
  ['1', 50],
  ['3', 150],
  [['2', '9'], 100],
  ['0', 50],
  ['-2', 50],
  ['1.5', 50],
  ['many', 50],
  ['41', 50],
  ['40', 2000],
])('?timeline=%j shows %i entries', (value, limit) => expect(timelineLimit(value).limit).toBe(limit));

const date = (iso: string) => `<${iso}>`;
test.each([
  [{ type: 'call', userName: 'Ana', outcome: 'no_answer', dueDate: null, done: true }, 'by Ana · No answer'],
  [{ type: 'call', userName: 'Ana', outcome: null, dueDate: null, done: true }, 'by Ana'],
  [{ type: 'note', userName: 'Ana', outcome: 'connected', dueDate: null, done: true }, 'by Ana'],
  [{ type: 'task', userName: 'Ben', outcome: null, dueDate: '2026-11-24', done: false }, 'by Ben · Open, due <2026-11-24>'],
  [{ type: 'task', userName: null, outcome: null, dueDate: null, done: false }, 'Open, no due date'],
  [{ type: 'task', userName: 'Ben', outcome: null, dueDate: '2026-11-24', done: true }, 'by Ben · Done'],
  [{ type: 'stage', userName: null, outcome: null, dueDate: null, done: true }, ''],
] as const)('meta line of %j', (entry, expected) => expect(timelineMeta(entry, date)).toBe(expected));
