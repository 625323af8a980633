import { describe, expect, test } from 'vitest';
import { IMPORT_FIELDS, IMPORT_KINDS, importField, importMappingSchema, mappingProblems, type ImportFieldDefinition } from './fields';
import { normaliseHeader } from './guess';

const fieldsOf = (kind: (typeof IMPORT_KINDS)[number]) => IMPORT_FIELDS[kind] as readonly ImportFieldDefinition[];

describe.each(IMPORT_KINDS)('the %s fields', (kind) => {
  test('keys and labels are unique', () => {
    const fields = fieldsOf(kind);
    expect(new Set(fields.map((f) => f.key)).size).toBe(fields.length);
    expect(new Set(fields.map((f) => f.label)).size).toBe(fields.length);
  });

  test('every alias is written in the form headers are compared in', () => {
    for (const field of fieldsOf(kind)) for (const alias of field.aliases) expect(normaliseHeader(alias).full, `${field.key}: ${alias}`).toBe(alias);
  });

  test('no alias leads to two fields', () => {
    const owner = new Map<string, string>();
    for (const field of fieldsOf(kind)) {
      for (const alias of field.aliases) {
        const other = owner.get(alias);
        expect(other === undefined || other === field.key, `"${alias}" is an alias of ${other} and ${field.key}`).toBe(true);
        owner.set(alias, field.key);
      }
    }
  });
});

test('the fields the issue names are there, and only emails, phones and tags take many columns', () => {
  const summary = Object.fromEntries(IMPORT_KINDS.map((kind) => [kind, fieldsOf(kind).map((f) => (f.many ? `${f.key}*` : f.key))]));
  expect(summary).toEqual({
    contacts: [
      'firstName', 'lastName', 'fullName', 'email*', 'phone*', 'title', 'companyName', 'companyWebsite', 'owner', 'source',
      'addressStreet', 'addressLine2', 'addressCity', 'addressState', 'addressPostalCode', 'addressCountry', 'notes', 'tags*', 'externalId',
    ],
    companies: [
      'name', 'website', 'industry', 'size', 'addressStreet', 'addressLine2', 'addressCity', 'addressState', 'addressPostalCode', 'addressCountry',
      'owner', 'tags*', 'externalId', 'notes',
    ],
    deals: [
      'title', 'value', 'currency', 'pipeline', 'stage', 'status', 'lostReason', 'owner', 'expectedCloseDate', 'probability', 'contactEmail',
      'companyName', 'source', 'notes', 'externalId',
    ],
    products: ['name', 'sku', 'unitPrice', 'description', 'unit', 'taxRate', 'active', 'currency'],
    leads: ['firstName', 'lastName', 'fullName', 'email*', 'phone*', 'companyName', 'title', 'website', 'country', 'owner', 'source', 'status', 'notes', 'tags*', 'externalId'],
  });
});

test('importField finds a field by key and refuses one that does not exist', () => {
  expect(importField('contacts', 'email')).toMatchObject({ label: 'Email (the first is the main one)', many: true });
  expect(() => importField('deals', 'email' as never)).toThrow('No deals import field email');
});

describe('mappingProblems', () => {
  test.each([
    ['contacts: first name is enough', 'contacts', ['First', 'Mail'], ['firstName', 'email'], []],
    ['contacts: a full name is enough', 'contacts', ['Name'], ['fullName'], []],
    ['contacts: a last name alone is not', 'contacts', ['Last', 'Mail'], ['lastName', 'email'], ['Choose the column for First name (or for Full name)']],
    ['contacts: two emails and two tag columns are fine', 'contacts', ['First', 'E1', 'E2', 'T1', 'T2'], ['firstName', 'email', 'email', 'tags', 'tags'], []],
    [
      'contacts: two columns for one title',
      'contacts',
      ['First', 'Title', 'Job Title'],
      ['firstName', 'title', 'title'],
      ['Job title takes one column: choose between "Title" and "Job Title"'],
    ],
    ['companies need a name', 'companies', ['Website'], ['website'], ['Choose the column for the company Name']],
    ['deals need a title', 'deals', ['Amount', 'Skip me'], ['value', null], ['Choose the column for the deal Title']],
    ['nothing mapped at all', 'deals', ['A'], [null], ['Choose the column for the deal Title']],
    ['products need a name, a SKU and a price', 'products', ['Title'], ['name'], ['Choose the column for the SKU', 'Choose the column for the Unit price']],
    ['leads: an email alone is enough', 'leads', ['Mail'], ['email'], []],
    ['leads need a name or an email', 'leads', ['Company'], ['companyName'], ['Choose the column for a name or an email']],
    ['products: every required field named', 'products', ['SKU', 'Title', 'Price'], ['sku', 'name', 'unitPrice'], []],
    ['a mapping for another file', 'contacts', ['First', 'Last'], ['firstName'], ['This mapping was made for another file: choose the columns again']],
  ] as const)('%s', (_, kind, headers, mapping, problems) => {
    expect(mappingProblems(kind, [...mapping] as never, [...headers])).toEqual(problems);
  });
});

describe('importMappingSchema', () => {
  test('takes one field or null per column', () => {
    expect(importMappingSchema('deals').parse(['title', null, 'value'])).toEqual(['title', null, 'value']);
  });

  test.each([
    ['a field of another kind', ['email']],
    ['an unknown field', ['password']],
    ['not a list', 'title'],
    ['an empty string instead of null', ['']],
  ])('refuses %s', (_, input) => {
    expect(importMappingSchema('deals').safeParse(input).success).toBe(false);
  });
});
