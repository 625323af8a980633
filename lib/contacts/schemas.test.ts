import { expect, test } from 'vitest';
import { companySchema, contactSchema, parseTags } from './schemas';
import { listFiltersToParams, parseListFilters } from './list-filters';

test.each([
  ['VIP, partner ,vip', ['VIP', 'partner']],
  ['', []],
  [['a', 'b,c'], ['a', 'b', 'c']],
  ['  Decision   maker ', ['Decision maker']],
])('parseTags(%j)', (input, expected) => expect(parseTags(input)).toEqual(expected));

test('a contact needs a first name and a valid email when one is given; blanks become null', () => {
  const ok = contactSchema.parse({ firstName: ' Ann ', lastName: 'Lee', email: ' Ann@Example.COM ', phone: '', tags: 'vip', companyId: '' });
  expect(ok).toMatchObject({ firstName: 'Ann', email: 'ann@example.com', phone: null, companyId: null, tags: ['vip'] });
  const bad = contactSchema.safeParse({ firstName: '', email: 'nope' });
  expect(bad.success).toBe(false);
  if (!bad.success) expect(bad.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
    ['firstName', 'Enter a first name'],
    ['email', 'Enter a valid email address'],
  ]);
});

test('a company domain is cleaned from a pasted URL', () => {
  expect(companySchema.parse({ name: 'Acme', domain: 'https://www.Acme.com/about' }).domain).toBe('www.acme.com');
  expect(companySchema.safeParse({ name: 'Acme', domain: 'not a domain' }).success).toBe(false);
});

test('list filters read from the URL fall back to defaults and round-trip', () => {
  const f = parseListFilters({ q: ' ann ', owner: '3', tag: 'VIP', open: '1', sort: 'created', dir: 'desc', page: '2' });
  expect(f).toEqual({ q: 'ann', owner: 3, tag: 'VIP', openDeals: true, sort: 'created', dir: 'desc', page: 2 });
  expect(parseListFilters(Object.fromEntries(listFiltersToParams(f)))).toEqual(f);
  expect(parseListFilters({ owner: 'x', sort: 'evil', page: '-4', open: 'yes' })).toEqual({ q: '', owner: 'all', tag: null, openDeals: false, sort: 'name', dir: 'asc', page: 1 });
});
