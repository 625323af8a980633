import { expect, test } from 'vitest';
import { activityInstant, logActivitySchema } from './log-schema';

const base = { type: 'call', subject: 'Intro call', date: '2026-11-22', contactId: '5' };

test('a call with an outcome and a follow-up parses from form values', () => {
  const v = logActivitySchema.parse({ ...base, outcome: 'no_answer', followUp: 'on', followUpSubject: 'Call again', followUpDue: '2026-11-24', body: '' });
  expect(v).toMatchObject({ type: 'call', outcome: 'no_answer', contactId: 5, companyId: null, followUp: true, followUpDue: '2026-11-24', body: null });
});

test.each([
  [{ ...base, contactId: '' }, 'subject', 'Log it on a contact, a company, a deal or a lead'],
  [{ ...base, type: 'note', outcome: 'connected' }, 'outcome', 'Only calls have an outcome'],
  [{ ...base, followUp: 'on', followUpDue: '2026-11-30' }, 'followUpSubject', 'Name the follow-up task'],
  [{ ...base, followUp: 'on', followUpSubject: 'x' }, 'followUpDue', 'Pick a due date'],
  [{ ...base, date: '2026-02-30' }, 'date', 'Use a date like 2026-11-22'],
  [{ ...base, subject: '  ' }, 'subject', 'Say what it was about'],
])('refuses %j', (input, path, message) => {
  const r = logActivitySchema.safeParse(input);
  expect(r.success).toBe(false);
  if (!r.success) expect(r.error.issues.find((i) => i.path.join('.') === path)?.message).toBe(message);
});

test('an activity logged for today keeps the current time; another day is placed at midday in the workspace zone', () => {
  const now = Date.UTC(2026, 10, 22, 15, 30);
  expect(activityInstant('2026-11-22', now, '2026-11-22', 'UTC')).toBe(now);
  expect(activityInstant('2026-11-20', now, '2026-11-22', 'UTC')).toBe(Date.UTC(2026, 10, 20, 12));
  expect(activityInstant('2026-11-20', now, '2026-11-22', 'Pacific/Auckland')).toBe(Date.UTC(2026, 10, 19, 23)); // +13 in November
});
