import { describe, expect, test } from 'vitest';
import { describeLeadEvent, submissionLines } from './timeline';

const names = (id: number) => ({ 3: 'Ana Rivera', 4: 'Ben Carter' })[id] ?? 'someone';
const event = (kind: string, fromValue: string | null, toValue: string | null, detail: unknown = null) => ({ kind, fromValue, toValue, detail: detail === null ? null : JSON.stringify(detail) });

describe('a lead’s history in words', () => {
  test.each([
    [event('created', null, 'form'), { title: 'Came in from a web form', lines: [] }],
    [event('created', null, 'import'), { title: 'Imported', lines: [] }],
    [event('created', null, 'form', { spam: 'A link in a name' }), { title: 'Came in from a web form', lines: ['Held back as spam: A link in a name'] }],
    [event('status', 'new', 'contacted', { because: 'A call was logged' }), { title: 'New → Contacted', lines: ['A call was logged'] }],
    [event('status', 'contacted', 'disqualified', { reason: 'No budget' }), { title: 'Contacted → Disqualified', lines: ['Reason: No budget'] }],
    [event('owner', '3', '4'), { title: 'Owner: Ana Rivera → Ben Carter', lines: [] }],
    [event('owner', null, '3'), { title: 'Owner: nobody → Ana Rivera', lines: [] }],
    [
      event('score', '0', '20', { why: 'Created', reasons: [{ ruleId: 1, label: 'Job title contains “director”', points: 15 }, { ruleId: 3, label: 'Company is filled in', points: 5 }] }),
      { title: 'Score 0 → 20 (created)', lines: ['+15 Job title contains “director”', '+5 Company is filled in'] },
    ],
    [event('score', '10', '0', { why: 'Edited', reasons: [] }), { title: 'Score 10 → 0 (edited)', lines: ['No rule gives points now'] }],
    [event('update', null, null, { before: { email: 'a@old.example', title: null } }), { title: 'Details edited', lines: ['email was “a@old.example”', 'job title was blank'] }],
    [event('update', null, null, { before: { phone: '555' }, via: 'form' }), { title: 'Details filled in from a web form', lines: ['phone was “555”'] }],
    [event('released', null, null), { title: 'Released from spam', lines: [] }],
    [event('score', '1', '2', 'not json'), { title: 'Score 1 → 2', lines: ['No rule gives points now'] }],
  ])('%o', (e, expected) => {
    expect(describeLeadEvent(e, names)).toEqual(expected);
  });

  test('a submission lists its values by the field’s name, blanks left out; bad data shows nothing', () => {
    expect(submissionLines(JSON.stringify({ fullName: 'Ada Lovelace', email: 'ada@example.com', companyName: '', notes: 'Hi' }))).toEqual(['Full name: Ada Lovelace', 'Email: ada@example.com', 'Message: Hi']);
    expect(submissionLines('{oops')).toEqual([]);
    expect(submissionLines(null)).toEqual([]);
  });
});
