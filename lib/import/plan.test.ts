import { describe, expect, test } from 'vitest';
import { addTags, changesSomething, contactChange, decideAction, diffColumns, InFileDuplicates, mergeChannels, phoneKey, rowKeys } from './plan';
import type { CompanyValues, ContactValues } from './values';

describe('decideAction', () => {
  test.each([
    ['create_update', null, 'create'],
    ['create_update', 7, 'update'],
    ['create_only', null, 'create'],
    ['create_only', 7, 'skip'],
    ['update_only', null, 'skip'],
    ['update_only', 7, 'update'],
  ] as const)('%s with target %s → %s', (mode, target, action) => {
    expect(decideAction('contacts', mode, target).action).toBe(action);
  });

  test('a skip says why', () => {
    expect(decideAction('companies', 'create_only', 7).reason).toBe('Already in Keel as company #7, and this import only creates');
    expect(decideAction('deals', 'update_only', null).reason).toBe('No such deal in Keel yet, and this import only updates');
  });
});

const contact = (v: Partial<ContactValues>): ContactValues => ({
  firstName: 'Ann', lastName: '', email: null, otherEmails: [], phone: null, otherPhones: [], title: null, companyName: null, companyDomain: null,
  owner: null, source: null, address: null, notes: null, tags: [], externalId: null, ...v,
});
const company = (v: Partial<CompanyValues>): CompanyValues => ({ name: 'Acme', domain: null, industry: null, size: null, address: null, owner: null, tags: [], externalId: null, notes: null, ...v });

describe('in-file duplicates', () => {
  test('keys: every email and the external id of a contact; domain (not a free-mail one) and normalised name of a company', () => {
    expect(rowKeys('contacts', contact({ email: 'a@x.example', otherEmails: ['b@x.example'], externalId: '9' }))).toEqual(['id:9', 'email:a@x.example', 'email:b@x.example']);
    expect(rowKeys('companies', company({ name: 'Acme, Inc.', domain: 'acme.example' }))).toEqual(['domain:acme.example', 'name:acme']);
    expect(rowKeys('companies', company({ name: 'Solo', domain: 'gmail.com' }))).toEqual(['name:solo']);
    expect(rowKeys('companies', company({ name: 'Pages', domain: 'facebook.com' }))).toEqual(['name:pages']);
  });

  test('a row repeating any key of an earlier row names that row', () => {
    const d = new InFileDuplicates();
    expect(d.check(['email:a', 'email:b'], 2)).toBeNull();
    expect(d.check(['email:c'], 3)).toBeNull();
    expect(d.check(['email:c', 'email:b'], 4)).toBe(3);
    expect(d.check(['email:b'], 5)).toBe(2);
    expect(d.check([], 6)).toBeNull();
  });
});

describe('updates', () => {
  test.each([
    // primary, others, incoming → primary, others
    [null, null, ['a@x'], 'a@x', null],
    ['a@x', null, ['A@X', 'b@x'], 'a@x', 'b@x'],
    ['a@x', 'b@x', ['c@x', 'b@x'], 'a@x', 'b@x\nc@x'],
    ['a@x', null, [], 'a@x', null],
  ])('emails %s + %s + %o', (primary, others, incoming, main, rest) => {
    expect(mergeChannels(primary, others, incoming, (e) => e.toLowerCase(), 'email')).toEqual({ primary: main, others: rest, warning: null });
  });

  test('at most ten others are kept, and a warning says how many were not', () => {
    const merged = mergeChannels('0', null, Array.from({ length: 12 }, (_, i) => `555 01${i + 10}`), phoneKey, 'phone');
    expect(merged.others!.split('\n')).toHaveLength(10);
    expect(merged.warning).toBe('2 more phones were not kept: a contact keeps at most 10 other phones');
  });

  test('two spellings of one phone are one', () => {
    expect(mergeChannels('740.645.3807', null, ['740-645-3807', '(740) 645 3807 x12'], phoneKey, 'phone').others).toBe('(740) 645 3807 x12');
  });

  test('tags are added, never removed', () => {
    expect(addTags(['VIP', 'b'], ['vip', 'c', 'C'])).toEqual(['VIP', 'b', 'c']);
  });

  test('only given values that differ change, with their old values kept', () => {
    expect(diffColumns({ a: 1, b: 'x', c: null }, { a: 1, b: 'y', c: undefined, d: null })).toEqual({ set: { b: 'y' }, before: { b: 'x' } });
  });

  test('a contact row over an existing contact: blank cells keep values, a last name is never cleared', () => {
    const existing = { first_name: 'Ann', last_name: 'Lee', email: 'ann@x.example', other_emails: null, phone: '1', other_phones: null, title: 'CTO', company_id: 3, owner_id: 1, source: null, address: null, notes: 'n', external_id: null };
    const change = contactChange(existing, ['vip'], contact({ firstName: 'Annie', email: 'ann@x.example', otherEmails: ['home@x.example'], tags: ['vip'] }), { ownerId: null, companyId: null });
    expect(change).toEqual({ set: { first_name: 'Annie', other_emails: 'home@x.example' }, before: { first_name: 'Ann', other_emails: null }, tags: null, warnings: [] });
    const same = contactChange(existing, ['vip'], contact({ firstName: 'Ann', email: 'ann@x.example', tags: ['VIP'] }), { ownerId: 1, companyId: 3 });
    expect(changesSomething(same)).toBe(false);
    expect(changesSomething(same, 'a note')).toBe(true);
  });
});
