import { expect, test } from 'vitest';
import { lookalikesToShow, pairSchema, reasonPhrase, scorePercent } from './duplicates';

test.each([
  [0.7, '70 %'],
  [0.95, '95 %'],
  [0.9999, '99 %'],
  [1, '100 %'],
  [0, '0 %'],
  [1.2, '100 %'],
])('scorePercent(%s) is %s, floored', (score, shown) => expect(scorePercent(score)).toBe(shown));

test('a reason reads after a dash in lower case', () => {
  expect(reasonPhrase({ kind: 'email', value: 'ann@x.com' })).toBe('same email ann@x.com');
  expect(reasonPhrase({ kind: 'phone', value: '+14155550100' })).toBe('same phone +1 415 555 0100');
  expect(reasonPhrase({ kind: 'similar_company_name', similarity: 0.931 })).toBe('similar company name (93 %)');
});

test('lookalikes carry their link and their reasons in words; a nameless record is still named', () => {
  expect(lookalikesToShow([{ id: 4, name: '', detail: null, reasons: [{ kind: 'domain', value: 'acme.com' }] }], (id) => `/companies/${id}`)).toEqual([
    { id: 4, name: 'Unnamed', href: '/companies/4', detail: null, reasons: ['same website domain acme.com'] },
  ]);
});

test('a pair is two different positive ids', () => {
  expect(pairSchema.parse({ a: '3', b: 2 })).toEqual({ a: 3, b: 2 });
  expect(pairSchema.safeParse({ a: 3, b: 3 }).success).toBe(false);
  expect(pairSchema.safeParse({ a: 0, b: 3 }).success).toBe(false);
});
