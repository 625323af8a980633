import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { normaliseCompanyName } from './normalise';
import {
  COMPANY_NAME_THRESHOLD, COMPANY_NAME_WEIGHT, CONTACT_NAME_THRESHOLD, CONTACT_NAME_WEIGHT, DOMAIN_WEIGHT,
  EMAIL_WEIGHT, PHONE_WEIGHT, SIMILAR_COMPANY_NAME_WEIGHT,
  combineWeights, companyMatchKeys, contactMatchKeys, describeReason, jaroWinkler, nameSimilarity,
  scoreCompanyPair, scoreContactPair,
  type CompanyMatchFields, type ContactMatchFields, type Reason,
} from './similarity';

describe('jaroWinkler', () => {
  // The textbook values (Winkler 1990) pin the algorithm, not just its shape.
  test.each([
    ['martha', 'marhta', 0.961],
    ['dwayne', 'duane', 0.84],
    ['dixon', 'dicksonx', 0.813],
    ['abc', 'abc', 1],
    ['abc', 'xyz', 0],
    ['', '', 1],
    ['abc', '', 0],
    ['a', 'a', 1],
    ['ab', 'ba', 0], // one transposition in two letters: no match inside the window
    ['😀ab', '😀ab', 1], // code points, not UTF-16 halves
  ])('%j ~ %j = %s', (a, b, expected) => expect(jaroWinkler(a, b)).toBeCloseTo(expected, 3));

  test('is symmetric', () => {
    for (const [a, b] of [['martha', 'marhta'], ['dixon', 'dicksonx'], ['acme', 'acme widgets']]) {
      expect(jaroWinkler(a, b)).toBeCloseTo(jaroWinkler(b, a), 12);
    }
  });
});

describe('nameSimilarity (of normalised names)', () => {
  test.each([
    ['identical', 'john doe', 'john doe', 1, 1],
    ['transposed tokens', 'doe john', 'john doe', 1, 1],
    ['a typo', 'jon doe', 'john doe', 0.97, 0.98],
    ['one letter, different person (accepted: a person confirms)', 'joan doe', 'john doe', 0.94, 0.96],
    ['another first name with the same last name', 'jane doe', 'john doe', 0.89, 0.91],
    ['nicknames are not handled', 'bob smith', 'robert smith', 0.7, 0.72],
    ['completely different', 'sheryl baxter', 'preston lozano', 0, 0.6],
    ['"and" is ignored', 'grimes madden and huff', 'grimes madden huff', 1, 1],
    ['a name that is only "and"', 'and', 'and', 0, 0],
    ['empty', '', 'john doe', 0, 0],
    ['both empty', '', '', 0, 0],
    ['null', null, null, 0, 0],
    ['unicode (already folded)', '王 伟', '伟 王', 1, 1],
    ['acme vs acme widgets: below the company threshold', 'acme', 'acme widgets', 0.86, 0.87],
    ['general motors vs general mills', 'general motors', 'general mills', 0.89, 0.9],
    ['global tech vs global technologies: just under', 'global tech', 'global technologies', 0.91, 0.92],
  ])('%s', (_label, a, b, min, max) => {
    const s = nameSimilarity(a, b);
    expect(s).toBeGreaterThanOrEqual(min);
    expect(s).toBeLessThanOrEqual(max);
  });
});

describe('contactMatchKeys', () => {
  const base: ContactMatchFields = { firstName: 'Ann', lastName: 'Doe', emails: [], phones: [], companyId: 7 };
  test.each<[string, ContactMatchFields, { type: string; key: string }[]]>([
    ['emails normalised and deduplicated, phones in E.164',
      { ...base, emails: [' Ann@X.com ', 'ann@x.com', 'a.doe@gmail.com', 'not an email'], phones: ['(515) 343-5776', '+1 515 343 5776 x12', 'n/a'] },
      [{ type: 'email', key: 'ann@x.com' }, { type: 'email', key: 'a.doe@gmail.com' }, { type: 'phone', key: '+15153435776' }, { type: 'name', key: '7:doe' }]],
    ['name key: company and normalised last name', { ...base, firstName: 'José', lastName: 'Núñez' }, [{ type: 'name', key: '7:nunez' }]],
    ['name key: first name when there is no last name', { ...base, firstName: 'Cher', lastName: '  ' }, [{ type: 'name', key: '7:cher' }]],
    ['no name key without a company', { ...base, companyId: null }, []],
    ['no name key without any name', { ...base, firstName: '', lastName: null }, []],
    ['company id 0 is a company', { ...base, companyId: 0 }, [{ type: 'name', key: '0:doe' }]],
    ['everything empty', { companyId: null }, []],
    ['emails and phones null inside', { companyId: null, emails: [null, undefined, ''], phones: [null, ''] }, []],
  ])('%s', (_label, contact, expected) => expect(contactMatchKeys(contact, 'US')).toEqual(expected));

  test('phones are read in the workspace country', () => {
    expect(contactMatchKeys({ companyId: null, phones: ['030 1234567'] }, 'DE')).toEqual([{ type: 'phone', key: '+49301234567' }]);
  });
});

describe('companyMatchKeys', () => {
  test.each<[string, CompanyMatchFields, { type: string; key: string }[]]>([
    ['domain, name and first token', { name: 'Acme Corporation', domain: 'https://www.acme.com/about' },
      [{ type: 'domain', key: 'acme.com' }, { type: 'name', key: 'acme' }, { type: 'name_token', key: 'acme' }]],
    ['first token of a longer name', { name: 'Acme Corp Europe' }, [{ type: 'name', key: 'acme corp europe' }, { type: 'name_token', key: 'acme' }]],
    ['upper case', { name: 'ACME' }, [{ type: 'name', key: 'acme' }, { type: 'name_token', key: 'acme' }]],
    ['articles and short tokens skipped for the token', { name: 'Die AB Foods' }, [{ type: 'name', key: 'die ab foods' }, { type: 'name_token', key: 'foods' }]],
    ['no token when every word is short', { name: '3M' }, [{ type: 'name', key: '3m' }]],
    ['free-mail domain never a key', { name: null, domain: 'gmail.com' }, []],
    ['yahoo in any country never a key', { domain: 'http://www.yahoo.co.uk' }, []],
    ['shared sites never a key', { domain: 'https://www.facebook.com/acmebakery' }, []],
    ['subdomain kept', { domain: 'shop.acme.com' }, [{ type: 'domain', key: 'shop.acme.com' }]],
    ['name of nothing but legal forms', { name: 'Ltd.', domain: 'n/a' }, []],
    ['everything empty', {}, []],
    ['unicode', { name: 'Société Générale S.A.' }, [{ type: 'name', key: 'societe generale' }, { type: 'name_token', key: 'societe' }]],
  ])('%s', (_label, company, expected) => expect(companyMatchKeys(company)).toEqual(expected));
});

test('combineWeights is 1 − Π(1 − w)', () => {
  expect(combineWeights([])).toBe(0);
  expect(combineWeights([0.9])).toBeCloseTo(0.9, 12);
  expect(combineWeights([0.9, 0.5])).toBeCloseTo(0.95, 12);
  expect(combineWeights([1, 0.2])).toBe(1);
});

describe('scoreContactPair', () => {
  const ann: ContactMatchFields = { firstName: 'Ann', lastName: 'Doe', emails: ['ann@x.com'], phones: ['(515) 343-5776'], companyId: 1 };
  const nobody: ContactMatchFields = { firstName: 'Zed', lastName: 'Quinn', emails: [], phones: [], companyId: 2 };
  const nameAt = (similarity: number) => CONTACT_NAME_WEIGHT * similarity;

  test.each<[string, ContactMatchFields, ContactMatchFields, Reason['kind'][], number | null]>([
    ['case and spaces in emails', { ...nobody, emails: ['  ANN @X.COM '] }, { ...nobody, companyId: 3, firstName: 'A', emails: ['ann@x.com'] }, ['email'], EMAIL_WEIGHT],
    ['one of several emails shared', { ...nobody, emails: ['a@one.com', 'shared@x.com'] }, { ...nobody, companyId: 3, emails: ['shared@x.com', 'b@two.com'] }, ['email'], EMAIL_WEIGHT],
    ['two shared emails weigh once', { ...nobody, emails: ['a@x.com', 'b@x.com'] }, { ...nobody, companyId: 3, emails: ['b@x.com', 'a@x.com'] }, ['email', 'email'], EMAIL_WEIGHT],
    ['phones in different formats, same number', { ...nobody, phones: ['515.343.5776'] }, { ...nobody, companyId: 3, phones: ['+1 (515) 343-5776'] }, ['phone'], PHONE_WEIGHT],
    ['same phone, different extensions', { ...nobody, phones: ['515-343-5776 x12'] }, { ...nobody, companyId: 3, phones: ['515-343-5776 x34'] }, ['phone'], PHONE_WEIGHT],
    ['the 00-prefixed and +1 forms agree', { ...nobody, phones: ['001-808-617-6467x12895'] }, { ...nobody, companyId: 3, phones: ['+1-808-617-6467'] }, ['phone'], PHONE_WEIGHT],
    ['same name, same company', { ...nobody, firstName: 'Ann', lastName: 'Doe', companyId: 1 }, { ...nobody, firstName: 'ANN', lastName: 'doe', companyId: 1 }, ['name'], nameAt(1)],
    ['transposed name, same company', { ...nobody, firstName: 'Doe', lastName: 'Ann', companyId: 1 }, { ...nobody, firstName: 'Ann', lastName: 'Doe', companyId: 1 }, ['name'], nameAt(1)],
    ['same name, different companies: not a duplicate', { ...nobody, firstName: 'Ann', lastName: 'Doe', companyId: 1 }, { ...nobody, firstName: 'Ann', lastName: 'Doe', companyId: 2 }, [], null],
    ['same name, no companies: not a duplicate', { ...nobody, firstName: 'Ann', lastName: 'Doe', companyId: null }, { ...nobody, firstName: 'Ann', lastName: 'Doe', companyId: null }, [], null],
    ['shares the name key but below the threshold', { ...nobody, firstName: 'Jane', lastName: 'Doe', companyId: 1 }, { ...nobody, firstName: 'John', lastName: 'Doe', companyId: 1 }, [], null],
    ['nicknames are not a match', { ...nobody, firstName: 'Bob', lastName: 'Smith', companyId: 1 }, { ...nobody, firstName: 'Robert', lastName: 'Smith', companyId: 1 }, [], null],
    ['unicode names fold', { ...nobody, firstName: 'José', lastName: 'Núñez', companyId: 1 }, { ...nobody, firstName: 'Jose', lastName: 'Nunez', companyId: 1 }, ['name'], nameAt(1)],
    ['email, phone and name together', ann, { ...ann, emails: ['ANN@x.com'], phones: ['515 343 5776'] }, ['email', 'phone', 'name'], combineWeights([EMAIL_WEIGHT, PHONE_WEIGHT, nameAt(1)])],
    ['empty fields everywhere', { companyId: null }, { companyId: null }, [], null],
    ['empty names at the same company', { companyId: 1, firstName: '', lastName: null, emails: [''], phones: ['n/a'] }, { companyId: 1, emails: [null], phones: ['0'] }, [], null],
    ['junk phones that look alike do not match', { ...nobody, phones: ['12'] }, { ...nobody, companyId: 3, phones: ['12'] }, [], null],
  ])('%s', (_label, a, b, kinds, score) => {
    const match = scoreContactPair(a, b, 'US');
    const reverse = scoreContactPair(b, a, 'US');
    if (score === null) {
      expect(match).toBeNull();
      expect(reverse).toBeNull();
      return;
    }
    expect(match?.reasons.map((r) => r.kind)).toEqual(kinds);
    expect(match?.score).toBeCloseTo(score, 10);
    expect(reverse?.score).toBeCloseTo(score, 10);
  });

  test('reasons carry the matched values', () => {
    expect(scoreContactPair(ann, { ...ann, emails: [' ANN@X.COM'] }, 'US')?.reasons).toEqual([
      { kind: 'email', value: 'ann@x.com' }, { kind: 'phone', value: '+15153435776' }, { kind: 'name', similarity: 1 },
    ]);
  });

  test('a typo in the first name at the same company is a similar name', () => {
    const match = scoreContactPair({ ...nobody, firstName: 'Jon', lastName: 'Doe', companyId: 1 }, { ...nobody, firstName: 'John', lastName: 'Doe', companyId: 1 }, 'US');
    const reason = match?.reasons[0];
    expect(reason?.kind).toBe('name');
    if (reason?.kind === 'name') {
      expect(reason.similarity).toBeGreaterThanOrEqual(CONTACT_NAME_THRESHOLD);
      expect(reason.similarity).toBeLessThan(1);
    }
  });

  test('the phone rule uses the workspace country', () => {
    const a = { ...nobody, phones: ['030 1234567'] };
    const b = { ...nobody, companyId: 3, phones: ['+49 30 1234567'] };
    expect(scoreContactPair(a, b, 'DE')?.reasons).toEqual([{ kind: 'phone', value: '+49301234567' }]);
    expect(scoreContactPair(a, b, 'US')).toBeNull();
  });
});

describe('scoreCompanyPair', () => {
  test.each<[string, CompanyMatchFields, CompanyMatchFields, Reason['kind'][], number | null]>([
    ['same domain, written differently', { name: 'One', domain: 'http://www.acme.com/' }, { name: 'Two', domain: 'ACME.com' }, ['domain'], DOMAIN_WEIGHT],
    ['"Acme Inc" vs "ACME, LLC": same name', { name: 'Acme Inc' }, { name: 'ACME, LLC' }, ['company_name'], COMPANY_NAME_WEIGHT],
    ['"Grimes, Madden and Huff" vs "Grimes Madden & Huff Inc."', { name: 'Grimes, Madden and Huff' }, { name: 'Grimes Madden & Huff Inc.' }, ['company_name'], COMPANY_NAME_WEIGHT],
    ['same domain and same name', { name: 'Acme Inc', domain: 'acme.com' }, { name: 'Acme', domain: 'https://acme.com' }, ['domain', 'company_name'], combineWeights([DOMAIN_WEIGHT, COMPANY_NAME_WEIGHT])],
    ['"Acme" vs "Acme Widgets": not similar enough', { name: 'Acme' }, { name: 'Acme Widgets' }, [], null],
    ['"General Motors" vs "General Mills"', { name: 'General Motors' }, { name: 'General Mills Inc' }, [], null],
    ['"Rasmussen Group" vs "Rasmussen": group is kept', { name: 'Rasmussen Group' }, { name: 'Rasmussen' }, [], null],
    ['free-mail domains never match companies', { name: 'One', domain: 'gmail.com' }, { name: 'Two', domain: 'https://www.gmail.com' }, [], null],
    ['shared sites never match companies', { name: 'One', domain: 'facebook.com/one' }, { name: 'Two', domain: 'facebook.com/two' }, [], null],
    ['different subdomains are different sites', { name: 'One', domain: 'shop.acme.com' }, { name: 'Two', domain: 'blog.acme.com' }, [], null],
    ['names of nothing but legal forms', { name: 'Inc.' }, { name: 'Ltd' }, [], null],
    ['empty fields everywhere', {}, { name: '', domain: '' }, [], null],
    ['unicode names', { name: 'Société Générale' }, { name: 'SOCIETE GENERALE S.A.' }, ['company_name'], COMPANY_NAME_WEIGHT],
  ])('%s', (_label, a, b, kinds, score) => {
    const match = scoreCompanyPair(a, b);
    if (score === null) {
      expect(match).toBeNull();
      expect(scoreCompanyPair(b, a)).toBeNull();
      return;
    }
    expect(match?.reasons.map((r) => r.kind)).toEqual(kinds);
    expect(match?.score).toBeCloseTo(score, 10);
    expect(scoreCompanyPair(b, a)?.score).toBeCloseTo(score, 10);
  });

  test.each([
    ['Microsoft', 'Microsfot Corp'],
    ['Vega-Gentry', 'Vega Gentry & Sons'],
    ['Acme', 'Acmee Ltd'],
  ])('%j and %j have similar names', (a, b) => {
    const match = scoreCompanyPair({ name: a }, { name: b });
    const reason = match?.reasons[0];
    expect(reason?.kind).toBe('similar_company_name');
    if (reason?.kind === 'similar_company_name') {
      expect(reason.similarity).toBeGreaterThanOrEqual(COMPANY_NAME_THRESHOLD);
      expect(match?.score).toBeCloseTo(SIMILAR_COMPANY_NAME_WEIGHT * reason.similarity, 10);
    }
  });

  test('in the shared sample files, no two distinct names that share a first word are similar', () => {
    const names = new Set<string>();
    for (const [file, column] of [['datablist-customers-100.csv', 'Company'], ['datablist-organizations-100.csv', 'Name'], ['datablist-leads-100.csv', 'Company']]) {
      const text = fs.readFileSync(path.join(process.cwd(), 'tests', 'fixtures', 'import', file), 'utf8');
      for (const row of Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data) names.add(row[column]);
    }
    const byToken = new Map<string, string[]>();
    for (const name of names) {
      const token = companyMatchKeys({ name }).find((k) => k.type === 'name_token')?.key;
      if (token) byToken.set(token, [...(byToken.get(token) ?? []), name]);
    }
    let candidates = 0;
    const similar: string[] = [];
    for (const group of byToken.values()) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          if (normaliseCompanyName(group[i]) === normaliseCompanyName(group[j])) continue;
          candidates++;
          if (scoreCompanyPair({ name: group[i] }, { name: group[j] })) similar.push(`${group[i]} / ${group[j]}`);
        }
      }
    }
    expect(candidates).toBeGreaterThan(10); // the blocking key does bring pairs together
    expect(similar).toEqual([]);
  });
});

describe('describeReason', () => {
  test.each<[Reason, string]>([
    [{ kind: 'email', value: 'ann@x.com' }, 'Same email ann@x.com'],
    [{ kind: 'phone', value: '+15153435776' }, 'Same phone +1 515 343 5776'],
    [{ kind: 'phone', value: '+442079460958' }, 'Same phone +44 20 7946 0958'],
    [{ kind: 'phone', value: 'garbage' }, 'Same phone garbage'],
    [{ kind: 'name', similarity: 0.934 }, 'Similar name (93 %) at the same company'],
    [{ kind: 'name', similarity: 0.9999 }, 'Similar name (99 %) at the same company'],
    [{ kind: 'name', similarity: 1 }, 'Same name at the same company'],
    [{ kind: 'domain', value: 'acme.com' }, 'Same website domain acme.com'],
    [{ kind: 'company_name', value: 'acme' }, 'Same company name'],
    [{ kind: 'similar_company_name', similarity: 0.919999 }, 'Similar company name (91 %)'],
  ])('%j → %s', (reason, text) => expect(describeReason(reason)).toBe(text));
});
