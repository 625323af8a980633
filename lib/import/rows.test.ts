import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeImportFile } from './decode';
import type { ImportKind, ImportMapping } from './fields';
import { guessMapping } from './guess';
import { parseImportText } from './parse';
import { joinAddress, mapRow, multiLine, oneLine, splitEmails, splitName, splitPhones, splitTags, type ContactRecord } from './rows';

/** A fixture read the way the import will read it: bytes → text → rows → guessed mapping → records. */
function importFixture<K extends ImportKind>(name: string, kind: K) {
  const { text } = decodeImportFile(new Uint8Array(fs.readFileSync(path.resolve(__dirname, '../../tests/fixtures/import', name))));
  const parsed = parseImportText(text);
  const mapping = guessMapping(kind, parsed.headers);
  return { parsed, records: parsed.rows.map((cells) => mapRow(kind, mapping, cells)) };
}

describe('splitName', () => {
  test.each([
    ['Ann Lee', 'Ann', 'Lee'],
    ['  Ann   Lee ', 'Ann', 'Lee'],
    ['Ann\nLee', 'Ann', 'Lee'],
    ['Ann', 'Ann', ''],
    ['', '', ''],
    ['Mary Ann Lee', 'Mary Ann', 'Lee'],
    ['Jean-Luc Picard', 'Jean-Luc', 'Picard'],
    ['Lee, Ann', 'Ann', 'Lee'],
    ['Lee,Ann', 'Ann', 'Lee'],
    ['van Beethoven, Ludwig', 'Ludwig', 'van Beethoven'],
    ['Ludwig van Beethoven', 'Ludwig', 'van Beethoven'],
    ['Maria de la Cruz', 'Maria', 'de la Cruz'],
    ['Anne-Marie de Vries', 'Anne-Marie', 'de Vries'],
    ['Van Morrison', 'Van', 'Morrison'], // a capital Van is a first name
    ['de Gaulle', 'de', 'Gaulle'], // a particle needs a first name before it to count as one
    ['Dr. Jane Doe', 'Jane', 'Doe'],
    ['Prof Dr Jane Doe', 'Jane', 'Doe'],
    ['Mr Smith', 'Mr', 'Smith'], // dropping Mr would leave no last name
    ['Martin Luther King Jr.', 'Martin Luther', 'King Jr.'],
    ['John Smith, Jr.', 'John', 'Smith Jr.'],
    ['Ann Lee PhD', 'Ann', 'Lee PhD'],
    ['Cher', 'Cher', ''],
    ['佐藤太郎', '佐藤太郎', ''],
    ['Zoë Saldaña', 'Zoë', 'Saldaña'],
  ])('%j → %j + %j', (full, firstName, lastName) => {
    expect(splitName(full)).toEqual({ firstName, lastName });
  });
});

describe('joinAddress', () => {
  test.each([
    ['US order', { street: '1 Main St', city: 'Springfield', state: 'IL', postalCode: '62701', country: 'United States' }, '1 Main St, Springfield, IL 62701, United States'],
    ['postal code first in Germany', { street: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', country: 'Germany' }, 'Hauptstraße 1, 10115 Berlin, Germany'],
    ['…by ISO code too', { street: 'Rue de Rivoli 1', city: 'Paris', postalCode: '75001', country: 'FR' }, 'Rue de Rivoli 1, 75001 Paris, FR'],
    ['…and by the country’s own name with accents', { city: 'Wien', postalCode: '1010', country: 'Österreich' }, '1010 Wien, Österreich'],
    ['UK: no state, the postcode after the town', { street: '10 Downing St', city: 'London', postalCode: 'SW1A 2AA', country: 'United Kingdom' }, '10 Downing St, London, SW1A 2AA, United Kingdom'],
    ['no country: the US order', { city: 'Springfield', state: 'IL', postalCode: '62701' }, 'Springfield, IL 62701'],
    ['a second line', { street: '1 Main St', line2: 'Apt 4', city: 'Boston' }, '1 Main St, Apt 4, Boston'],
    ['line breaks inside the street', { street: '1 Main St\nSuite 5\r\n', city: 'Boston' }, '1 Main St, Suite 5, Boston'],
    ['stray commas at the edges of parts', { street: '1 Main St,', city: ', Boston' }, '1 Main St, Boston'],
    ['only a city and a country (datablist customers)', { city: 'East Leonard', country: 'Chile' }, 'East Leonard, Chile'],
    ['only a country (datablist organizations)', { country: 'Papua New Guinea' }, 'Papua New Guinea'],
    ['a postal code and a country', { postalCode: '75001', country: 'France' }, '75001, France'],
    ['a street column holding the whole address is not repeated', { street: '1 Main St, Springfield, IL 62701', city: 'Springfield', state: 'IL', postalCode: '62701' }, '1 Main St, Springfield, IL 62701'],
    ['repeats are found ignoring case', { street: '5 High St, OXFORD', city: 'Oxford' }, '5 High St, OXFORD'],
    ['blank and whitespace parts', { street: '  ', city: '\t', country: '' }, ''],
    ['nothing', {}, ''],
  ])('%s', (_, parts, expected) => {
    expect(joinAddress(parts)).toBe(expected);
  });
});

describe('splitTags', () => {
  test.each([
    ['influencer, developer', ['influencer', 'developer']],
    ['a;b , c', ['a', 'b', 'c']],
    ['multi\nline', ['multi', 'line']],
    ['VIP, vip, Vip', ['VIP']],
    ['New   York', ['New York']],
    ['* myContacts ::: Clients ::: * starred', ['Clients', 'starred']],
    ['* myContacts', []],
    ['', []],
    [' , ; ,, ', []],
    ['C#, C++', ['C#', 'C++']],
  ])('%j → %j', (cell, tags) => expect(splitTags(cell)).toEqual(tags));
});

describe('emails and phones in one cell', () => {
  test.each([
    ['a@x.com', ['a@x.com']],
    [' A@X.com ', ['A@X.com']],
    ['a@x.com; b@y.com', ['a@x.com', 'b@y.com']],
    ['a@x.com, b@y.com', ['a@x.com', 'b@y.com']],
    ['a@x.com ::: b@y.com', ['a@x.com', 'b@y.com']],
    ['a@x.com\nb@y.com', ['a@x.com', 'b@y.com']],
    ['Lee, Ann <ann@x.com>', ['Lee, Ann <ann@x.com>']], // one "@": not split, the schema decides
    ['not an email', ['not an email']],
    ['', []],
  ])('splitEmails(%j) → %j', (cell, emails) => expect(splitEmails(cell)).toEqual(emails));

  test.each([
    ['(446) 758-2122', ['(446) 758-2122']],
    ['+1 555 0100 ::: +1 555 0199', ['+1 555 0100', '+1 555 0199']],
    ['0612; 0613', ['0612', '0613']],
    ['001-672-799-2170x5610', ['001-672-799-2170x5610']],
    ['  ', []],
  ])('splitPhones(%j) → %j', (cell, phones) => expect(splitPhones(cell)).toEqual(phones));
});

describe('cell text', () => {
  test.each([
    ['  Acme  ', 'Acme'],
    ['Gamma\nHoldings', 'Gamma Holdings'],
    ['Tab\tand\u00a0no-break space', 'Tab and no-break space'],
    ['', ''],
  ])('oneLine(%j) → %j', (cell, text) => expect(oneLine(cell)).toBe(text));

  test.each([
    ['\n  Met at the fair.  \n\nCall back.  \n\n', 'Met at the fair.\n\nCall back.'],
    ['a\r\nb\rc', 'a\nb\nc'],
    ['   ', ''],
  ])('multiLine(%j) → %j', (cell, text) => expect(multiLine(cell)).toBe(text));
});

describe('mapRow', () => {
  const contact = (mapping: ImportMapping<'contacts'>, cells: string[]) => mapRow('contacts', mapping, cells);

  test('emails from several columns: the first is the main one, repeats in any case dropped, order kept', () => {
    expect(contact(['email', 'email', 'email', 'email'], [' A@x.com', 'a@X.COM ', '', 'b@y.com; c@z.com'])).toEqual({
      email: 'A@x.com',
      otherEmails: ['b@y.com', 'c@z.com'],
    });
  });

  test('phones: one number spelt two ways is one phone; an extension makes another', () => {
    expect(contact(['phone', 'phone', 'phone'], ['740.645.3807', '740-645-3807', '740 645 3807 ext. 12'])).toEqual({
      phone: '740.645.3807',
      otherPhones: ['740 645 3807 ext. 12'],
    });
  });

  test('blank emails before the first one do not make a blank main email', () => {
    expect(contact(['email', 'email', 'email'], ['', '  ', 'jane@doe.example'])).toEqual({ email: 'jane@doe.example' });
  });

  test.each<[string, string[], ContactRecord]>([
    ['only a full name: split', ['Ann Lee', '', ''], { firstName: 'Ann', lastName: 'Lee' }],
    ['a first name: the full name is not used', ['Ann Lee', 'Annie', ''], { firstName: 'Annie' }],
    ['a last name alone: the full name is not used either', ['Ann Lee', '', 'Lee'], { lastName: 'Lee' }],
    ['nothing at all', ['', '', ''], {}],
  ])('full name: %s', (_, cells, expected) => {
    expect(contact(['fullName', 'firstName', 'lastName'], cells)).toEqual(expected);
  });

  test('address parts become one address; skipped columns and missing cells are ignored', () => {
    const mapping: ImportMapping<'contacts'> = ['firstName', null, 'addressStreet', 'addressCity', 'addressPostalCode', 'addressCountry', 'notes'];
    expect(contact(mapping, ['Ann', 'ignored', 'Hauptstr. 1\nHinterhaus', 'Berlin', '10115', 'Deutschland'])).toEqual({
      firstName: 'Ann',
      address: 'Hauptstr. 1, Hinterhaus, 10115 Berlin, Deutschland',
    });
  });

  test('tags from several columns are split, gathered and de-duplicated', () => {
    expect(contact(['tags', 'tags'], ['VIP, partner', 'vip; Newsletter'])).toEqual({ tags: ['VIP', 'partner', 'Newsletter'] });
  });

  test('one-line fields lose stray line breaks; notes keep theirs', () => {
    expect(contact(['companyName', 'notes', 'title'], ['Gamma\nHoldings', 'Line one\n  Line two  ', '  Chief\tExecutive '])).toEqual({
      companyName: 'Gamma Holdings',
      notes: 'Line one\n  Line two',
      title: 'Chief Executive',
    });
  });

  test('a one-column field given two columns by hand takes the first that is not blank', () => {
    expect(contact(['title', 'title'], ['', 'CTO'])).toEqual({ title: 'CTO' });
    expect(contact(['title', 'title'], ['CEO', 'CTO'])).toEqual({ title: 'CEO' });
  });

  test('values are not checked or looked up here: owners stay names, bad emails stay text', () => {
    expect(contact(['owner', 'email', 'source'], ['Bethany Dixon', 'not-an-email', 'Retargeting Ads'])).toEqual({
      owner: 'Bethany Dixon',
      email: 'not-an-email',
      source: 'Retargeting Ads',
    });
  });

  test('companies', () => {
    const mapping: ImportMapping<'companies'> = ['externalId', 'name', 'website', 'addressCountry', 'notes', null, 'industry', 'size', 'tags'];
    expect(mapRow('companies', mapping, ['FAB0d41d5b5d22c', 'Ferrell LLC', 'https://price.net/', 'Papua New Guinea', 'Horizontal empowering knowledgebase', '1990', 'Plastics', '3498', ''])).toEqual({
      externalId: 'FAB0d41d5b5d22c',
      name: 'Ferrell LLC',
      website: 'https://price.net/',
      address: 'Papua New Guinea',
      notes: 'Horizontal empowering knowledgebase',
      industry: 'Plastics',
      size: '3498',
    });
  });

  test('deals keep money, dates and names as written, for the next step to read by the workspace’s rules', () => {
    const mapping: ImportMapping<'deals'> = ['title', 'value', 'stage', 'expectedCloseDate', 'companyName', 'contactEmail', 'probability', 'status', 'owner'];
    expect(mapRow('deals', mapping, ['Renewal', '1.234,56', 'Proposal Sent', '31.12.2025', 'Müller; Söhne GmbH', 'anna@example.de', '60 %', 'Open', 'ann@keel.test'])).toEqual({
      title: 'Renewal',
      value: '1.234,56',
      stage: 'Proposal Sent',
      expectedCloseDate: '31.12.2025',
      companyName: 'Müller; Söhne GmbH',
      contactEmail: 'anna@example.de',
      probability: '60 %',
      status: 'Open',
      owner: 'ann@keel.test',
    });
  });
});

describe('the issue’s files import as they are (bytes → records)', () => {
  test('atomic-crm-contacts-sample.csv: three emails and three phones per row, tags', () => {
    const { records, parsed } = importFixture('atomic-crm-contacts-sample.csv', 'contacts');
    expect(parsed.lines).toEqual([2, 3]);
    expect(records).toEqual([
      {
        firstName: 'John',
        lastName: 'Doe',
        title: 'Sales Executive',
        tags: ['influencer', 'developer'],
        companyName: 'Acme',
        email: 'john@doe.example',
        otherEmails: ['john.doe@gmail.com', 'jdoe@caramail.com'],
        phone: '659-980-2015',
        otherPhones: ['740.645.3807', '(446) 758-2122'],
      },
      {
        firstName: 'Jane',
        lastName: 'Doe',
        title: 'Designer',
        tags: ['UI', 'design'],
        companyName: 'Acme',
        // Her work and home emails are blank: the "other" one becomes the main one.
        email: 'jane@doe.example',
        phone: '659-980-2020',
        otherPhones: ['740.647.3802'],
      },
    ]);
  });

  test('datablist-customers-100.csv: contacts with their company, two phones, a city and country', () => {
    const { records } = importFixture('datablist-customers-100.csv', 'contacts');
    expect(records).toHaveLength(100);
    expect(records[0]).toEqual({
      externalId: 'DD37Cf93aecA6Dc',
      firstName: 'Sheryl',
      lastName: 'Baxter',
      companyName: 'Rasmussen Group',
      address: 'East Leonard, Chile',
      phone: '229.077.5154',
      otherPhones: ['397.884.0519x718'],
      email: 'zunigavanessa@smith.info',
      companyWebsite: 'http://www.stephenson.com/',
    });
    expect(records[3].companyName).toBe('Dominguez, Mcmillan and Donovan');
    for (const r of records) expect(r).toMatchObject({ firstName: expect.any(String), lastName: expect.any(String), email: expect.stringContaining('@'), companyName: expect.any(String) });
  });

  test('datablist-people-100.csv: people with job titles and no company', () => {
    const { records } = importFixture('datablist-people-100.csv', 'contacts');
    expect(records).toHaveLength(100);
    expect(records[0]).toEqual({
      externalId: '88F7B33d2bcf9f5',
      firstName: 'Shelby',
      lastName: 'Terrell',
      email: 'elijah57@example.net',
      phone: '001-084-906-7849x73518',
      title: 'Games developer',
    });
    expect(records.filter((r) => r.companyName !== undefined)).toEqual([]);
  });

  test('datablist-organizations-100.csv: companies with website, country, industry and size', () => {
    const { records } = importFixture('datablist-organizations-100.csv', 'companies');
    expect(records).toHaveLength(100);
    expect(records[1]).toEqual({
      externalId: '6A7EdDEA9FaDC52',
      name: 'Mckinney, Riley and Day',
      website: 'http://www.hall-buchanan.info/',
      address: 'Finland',
      notes: 'User-centric system-worthy leverage',
      industry: 'Glass / Ceramics / Concrete',
      size: '4952',
    });
    for (const r of records) expect(r.name).toBeTruthy();
  });

  test('datablist-leads-100.csv: contacts with their companies, owners by name, source, two emails, notes', () => {
    const { records } = importFixture('datablist-leads-100.csv', 'contacts');
    expect(records).toHaveLength(100);
    expect(records[0]).toEqual({
      externalId: '0970F99ED4a2CE4',
      owner: 'Bethany Dixon',
      firstName: 'Victor',
      lastName: 'Cochran',
      companyName: 'Grimes, Madden and Huff',
      phone: '+1-532-344-1362',
      otherPhones: ['2754733370'],
      email: 'hatkinson@mclaughlin.com',
      otherEmails: ['ygibbs@guzman.com'],
      companyWebsite: 'http://www.rosales-molina.com/',
      source: 'Retargeting Ads',
      notes: 'Speak own such.',
    });
    for (const r of records) expect(r.otherEmails).toHaveLength(1);
  });
});

describe('the nasty fixtures come through intact', () => {
  test('Windows-1252: accents, € and curly quotes survive to the record', () => {
    const { records } = importFixture('windows-1252-excel-accents.csv', 'contacts');
    expect(records.map((r) => [r.firstName, r.lastName, r.companyName, r.address])).toEqual([
      ['José', 'Müller', 'Café Crème SARL', 'Zürich'],
      ['Françoise', 'O’Neil', 'Señor Niño S.A.', 'Málaga'],
      ['Ægir', 'Østergård', 'Smørrebrød ApS', 'København'],
    ]);
    expect(records[0].notes).toBe('Budget € 1.200 – “urgent”');
  });

  test('Google TSV with a BOM: several emails in one cell, system labels dropped', () => {
    const { records } = importFixture('utf8-bom-google-contacts.tsv', 'contacts');
    expect(records).toEqual([
      { firstName: 'Zoë', lastName: 'Saldaña', email: 'zoe@example.com', phone: '+34 600 123 456', companyName: 'Acme, Inc.', title: 'CEO', tags: ['Clients'] },
      { firstName: 'Ólafur', lastName: 'Arnalds', email: 'olafur@example.is', otherEmails: ['o.arnalds@example.com'], phone: '+354 555 1234', companyName: '東京商事', title: 'Composer; Producer' },
    ]);
  });

  test('multi-line cells: notes keep their lines, a company name loses its stray break', () => {
    const { records, parsed } = importFixture('multiline-quoted-cells.csv', 'contacts');
    expect(parsed.lines).toEqual([2, 6, 8, 10]);
    expect(records[0].notes).toBe('Met at the fair.\nWants a demo "next week".\n\nCall back in May.');
    expect(records[1].lastName).toBe('O"Brien');
    expect(records[2]).toMatchObject({ notes: '"Quoted" start', companyName: 'Gamma Holdings' });
    expect(records[3]).toEqual({ firstName: 'Dan', lastName: 'Evans', email: 'dan@example.com', companyName: 'Delta' });
  });

  test('CRLF companies: Excel’s empty row is not a company', () => {
    const { records } = importFixture('crlf-excel-line-breaks.csv', 'companies');
    expect(records).toEqual([
      { name: 'Acme Corp', website: 'https://acme.example', industry: 'Manufacturing', size: '120', notes: 'Line one\nLine two' },
      { name: 'Beta LLC', website: 'beta.example', industry: 'Software', size: '15', notes: 'Windows\nbreak' },
      { name: 'Gamma', industry: 'Retail' },
    ]);
  });

  test('semicolon deals', () => {
    const { records } = importFixture('semicolon-excel-europe.csv', 'deals');
    expect(records[1]).toEqual({ title: 'New licence', value: '99,90', stage: 'Qualified', expectedCloseDate: '15.01.2026', companyName: 'Dupont SA', contactEmail: 'marc@example.fr' });
  });

  test('UTF-16 from Excel', () => {
    const { records } = importFixture('utf16le-bom-excel-unicode-text.txt', 'contacts');
    expect(records[1]).toEqual({ firstName: 'Yūki', lastName: '佐藤', email: 'yuki@example.jp', companyName: '😀 Emoji Ltd' });
  });
});
