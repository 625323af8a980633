import { describe, expect, test } from 'vitest';
import {
  CONTACT_MERGE_FIELDS,
  combineNotes,
  defaultChoice,
  defaultKeep,
  describeMoved,
  emailKey,
  mergeAlternates,
  mergedValues,
  mergeFormSchema,
  MERGED_NOTES_MAX,
  parseMergeIds,
  phoneKey,
} from './merge';

const field = (key: string) => CONTACT_MERGE_FIELDS.find((f) => f.key === key)!;

describe('defaultChoice', () => {
  test.each([
    ['title', 'CEO', 'CTO', 'keep'],
    ['title', null, 'CTO', 'other'],
    ['title', '  ', 'CTO', 'other'],
    ['title', 'CEO', null, 'keep'],
    ['title', null, null, 'keep'],
    ['companyId', null, 7, 'other'],
    ['notes', 'Likes golf', 'Has two kids', 'both'],
    ['notes', 'Likes golf', ' Likes golf ', 'keep'],
    ['notes', null, 'Has two kids', 'other'],
  ] as const)('%s: %j vs %j → %s', (key, keep, other, expected) => expect(defaultChoice(field(key), keep, other)).toBe(expected));
});

describe('mergedValues', () => {
  const keep = { first_name: 'Ann', last_name: '', email: 'ann@acme.example', phone: null, title: 'CEO', company_id: 3, owner_id: 1, source: null, address: null, external_id: null, notes: 'A' };
  const other = { first_name: 'Anne', last_name: 'Lee', email: 'anne@lee.example', phone: '+1 415 555 0100', title: 'Founder', company_id: null, owner_id: 2, source: 'Event', address: null, external_id: 'X-1', notes: 'B' };

  test('the kept values win, blanks are filled from the other, notes are combined', () => {
    expect(mergedValues(CONTACT_MERGE_FIELDS, keep, other, {}).values).toEqual({
      first_name: 'Ann', last_name: 'Lee', email: 'ann@acme.example', phone: '+1 415 555 0100', title: 'CEO', company_id: 3, owner_id: 1,
      source: 'Event', address: null, external_id: 'X-1', notes: 'A\n\nB',
    });
  });

  test('a choice wins over the default, including keeping a blank on purpose', () => {
    const { values } = mergedValues(CONTACT_MERGE_FIELDS, keep, other, { firstName: 'other', email: 'other', lastName: 'keep', notes: 'other', companyId: 'other' });
    expect(values).toMatchObject({ first_name: 'Anne', email: 'anne@lee.example', last_name: '', notes: 'B', company_id: null });
  });

  test('"both" on a field that cannot combine is the kept value', () => {
    expect(mergedValues(CONTACT_MERGE_FIELDS, keep, other, { title: 'both' }).values.title).toBe('CEO');
  });

  test('notes too long together are a problem for the notes field, not a silent cut', () => {
    const long = 'x'.repeat(MERGED_NOTES_MAX - 10);
    const { problems } = mergedValues(CONTACT_MERGE_FIELDS, { ...keep, notes: long }, { ...other, notes: 'y'.repeat(20) }, {});
    expect(problems.notes).toMatch(/longer than 5,000 characters/);
    expect(mergedValues(CONTACT_MERGE_FIELDS, { ...keep, notes: long }, { ...other, notes: 'y'.repeat(20) }, { notes: 'keep' }).problems).toEqual({});
  });
});

test.each([
  [null, null, null],
  ['A', null, 'A'],
  [null, ' B ', 'B'],
  ['A', 'B', 'A\n\nB'],
  ['Called twice. Likes golf.', 'Likes golf.', 'Called twice. Likes golf.'],
  ['Likes golf.', 'Called twice. Likes golf.', 'Called twice. Likes golf.'],
])('combineNotes(%j, %j) → %j', (a, b, expected) => expect(combineNotes(a, b)).toBe(expected));

describe('mergeAlternates', () => {
  test('the losing primary and both records\' others are kept once each, the primary left out', () => {
    expect(mergeAlternates('ann@acme.example', ['ann@acme.example', 'Ann@Old.example\nann@acme.example', 'anne@lee.example', ' ANN@old.example \nx@y.example'], emailKey)).toBe(
      'Ann@Old.example\nanne@lee.example\nx@y.example',
    );
  });
  test('phones are compared in E.164, so two spellings of one number are one', () => {
    expect(mergeAlternates('(415) 555-0100', ['(415) 555-0100', null, '+1 415.555.0100', '415 555 0199\n+1 (415) 555-0199'], phoneKey('US'))).toBe('415 555 0199');
  });
  test('nothing left is null', () => expect(mergeAlternates('a@b.example', ['a@b.example', null, 'A@B.example', ''], emailKey)).toBeNull());
});

test.each([
  [{ id: 1, deals: 0, createdAt: 10 }, { id: 2, deals: 3, createdAt: 5 }, 2],
  [{ id: 1, deals: 2, createdAt: 10 }, { id: 2, deals: 2, createdAt: 5 }, 2],
  [{ id: 5, deals: 0, createdAt: 7 }, { id: 2, deals: 0, createdAt: 7 }, 2],
])('defaultKeep(%j, %j) → %i', (a, b, expected) => expect(defaultKeep(a, b)).toBe(expected));

test.each([
  ['12,34', [12, 34]],
  [' 12 , 34 ', [12, 34]],
  ['12', null],
  ['12,12', null],
  ['12,34,56', null],
  ['0,3', null],
  ['-1,3', null],
  ['1.5,3', null],
  ['a,b', null],
  [['1,2'], null],
  [undefined, null],
])('parseMergeIds(%j) → %j', (raw, expected) => expect(parseMergeIds(raw)).toEqual(expected));

test.each([
  [{ deals: 2, activities: 3, contact_tags: 1, quotes: 0 }, 'Moved 2 deals, 3 activities and tasks and 1 tag.'],
  [{ quotes: 1 }, 'Moved 1 quote.'],
  [{ contacts: 4, deals: 1, invoice_lines: 2 }, 'Moved 4 contacts, 1 deal and 2 invoice lines.'],
  [{}, 'Nothing else was linked to it.'],
  [null, 'Nothing else was linked to it.'],
])('describeMoved(%j)', (moved, expected) => expect(describeMoved(moved)).toBe(expected));

describe('mergeFormSchema', () => {
  const schema = mergeFormSchema('contact');
  test('picks become keep/other relative to the kept record; versions follow their ids', () => {
    expect(schema.parse({ ids: '12,34', versions: '100,200', keep: '34', pick_email: '12', pick_title: '34', pick_notes: 'both', pick_phone: '99' })).toEqual({
      keepId: 34,
      otherId: 12,
      keepVersion: 200,
      otherVersion: 100,
      choices: { email: 'other', title: 'keep', notes: 'both' },
    });
  });
  test.each([
    [{ ids: '12', versions: '1,2', keep: '12' }, 'ids'],
    [{ ids: '12,12', versions: '1,2', keep: '12' }, 'ids'],
    [{ ids: '12,34', versions: '1,2', keep: '56' }, 'keep'],
    [{ ids: '12,34', versions: 'x,2', keep: '12' }, 'versions'],
  ])('refuses %j', (input, path) => {
    const r = schema.safeParse(input);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.path[0])).toContain(path);
  });
});
