import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import {
  emailDomain, foldText, isFreeMailDomain, isSharedSiteDomain, normaliseCompanyName, normaliseDomain,
  normaliseEmail, normalisePersonName, normalisePhone,
} from './normalise';

describe('normaliseEmail', () => {
  test.each([
    ['ann@x.com', 'ann@x.com'],
    ['  Ann@X.COM  ', 'ann@x.com'],
    ['ann @ x.com', 'ann@x.com'], // pasted with spaces around the @
    ['a n n@x.com\t', 'ann@x.com'],
    ['Ann <ann@x.com>', 'ann@x.com'], // display-name form: the address in the brackets
    ['"Doe, Ann" <Ann@X.com>', 'ann@x.com'],
    ['<ann@x.com>', 'ann@x.com'],
    ['mailto:ann@x.com', 'ann@x.com'],
    ['ann+crm@x.com', 'ann+crm@x.com'], // plus-tags kept: not every provider treats them as one mailbox
    ['a.n.n@gmail.com', 'a.n.n@gmail.com'],
    ['zunigavanessa@smith.info', 'zunigavanessa@smith.info'],
    ['josé@exämple.de', 'josé@exämple.de'],
    ['ann@x.co.uk', 'ann@x.co.uk'],
  ])('%j → %s', (raw, expected) => expect(normaliseEmail(raw)).toBe(expected));

  test.each([
    [''], ['   '], [null], [undefined], ['ann'], ['ann@'], ['@x.com'], ['ann@x'], ['ann@@x.com'], ['ann@x.c'],
    ['ann@x.123'], ['ann@x.com, bob@y.com'], ['ann@x.com; bob@y.com'], ['Ann <ann@x.com>, Bob <bob@y.com>'],
    ['ann@x..com'], ['ann@.x.com'], ['<>'], ['n/a'],
  ])('%j → null', (raw) => expect(normaliseEmail(raw)).toBeNull());
});

describe('emailDomain', () => {
  test.each([
    ['ann@x.com', 'x.com'], [' Ann@Mail.X.COM ', 'mail.x.com'], ['Ann <ann@gmail.com>', 'gmail.com'],
    ['not an email', null], [null, null], ['', null],
  ])('%j → %s', (raw, expected) => expect(emailDomain(raw)).toBe(expected));
});

describe('isFreeMailDomain', () => {
  test.each([
    ['gmail.com', true], ['GMAIL.COM', true], ['gmail.com.', true], ['googlemail.com', true],
    ['yahoo.com', true], ['yahoo.co.uk', true], ['yahoo.fr', true], ['yahoo.com.br', true],
    ['hotmail.de', true], ['outlook.com', true], ['live.com', true], ['icloud.com', true], ['me.com', true],
    ['aol.com', true], ['gmx.de', true], ['gmx.net', true], ['web.de', true], ['proton.me', true],
    ['protonmail.com', true], ['caramail.com', true], ['mail.ru', true], ['yandex.ru', true], ['qq.com', true],
    ['163.com', true],
    ['acme.com', false], ['web.com', false], ['gmail.acme.com', false], ['yahoo.example.org', false],
    ['yahooligans.com', false], ['doe.example', false], ['', false], [null, false],
  ])('%j → %s', (domain, expected) => expect(isFreeMailDomain(domain)).toBe(expected));
});

describe('isSharedSiteDomain', () => {
  test.each([
    ['facebook.com', true], ['linkedin.com', true], ['X.com', true], ['acme.com', false], [null, false],
  ])('%j → %s', (domain, expected) => expect(isSharedSiteDomain(domain)).toBe(expected));
});

describe('normaliseDomain', () => {
  test.each([
    ['http://www.stephenson.com/', 'stephenson.com'],
    ['HTTPS://WWW.Acme.co.uk/about?x=1', 'acme.co.uk'],
    ['acme.com.', 'acme.com'],
    ['acme.com', 'acme.com'],
    ['www.acme.com', 'acme.com'],
    ['www2.acme.com', 'acme.com'],
    ['  Acme.COM  ', 'acme.com'],
    ['//acme.com/path', 'acme.com'],
    ['acme.com:8080', 'acme.com'],
    ['https://user:secret@www.acme.com:8443/a/b?c=d#e', 'acme.com'],
    ['ann@acme.com', 'acme.com'], // an email typed into the website field: the credentials part is ignored
    ['shop.acme.com', 'shop.acme.com'], // other subdomains are kept (see the comment in the code)
    ['anna.github.io', 'anna.github.io'],
    ['www.com', 'www.com'], // "www." is only dropped when a domain is left
    ['http://www.good-lyons.com/', 'good-lyons.com'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
    ['http://xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
    ['ftp://files.acme.com', 'files.acme.com'],
  ])('%j → %s', (raw, expected) => expect(normaliseDomain(raw)).toBe(expected));

  test.each([
    [''], ['   '], [null], [undefined], ['acme'], ['localhost'], ['http://localhost:3000/'], ['127.0.0.1'],
    ['http://192.168.0.1/admin'], ['http://[::1]/'], ['Acme Inc'], ['acme .com'], ['n/a'], ['http://'],
    ['-acme.com'], ['acme_corp.com'], ['acme.c0m1'], ['.'], ['www.'],
  ])('%j → null', (raw) => expect(normaliseDomain(raw)).toBeNull());
});

describe('normaliseCompanyName', () => {
  test.each([
    ['Grimes, Madden and Huff', 'grimes madden and huff'],
    ['Grimes Madden & Huff Inc.', 'grimes madden and huff'],
    ['Acme Inc', 'acme'],
    ['ACME, LLC', 'acme'],
    ['Acme L.L.C.', 'acme'],
    ['Acme Corp.', 'acme'],
    ['Acme Corporation', 'acme'],
    ['The Acme Company', 'acme'],
    ['Acme Ltd', 'acme'],
    ['ACME LIMITED', 'acme'],
    ['Acme Pty Ltd', 'acme'],
    ['Müller GmbH & Co. KG', 'muller'], // suffixes dropped repeatedly from the end
    ['Société Générale S.A.', 'societe generale'],
    ['Dupont S.à r.l.', 'dupont'],
    ['Nordisk A/S', 'nordisk'],
    ['Smith & Co.', 'smith'],
    ['Polmax Sp. z o.o.', 'polmax'],
    ['Bronx Zoo', 'bronx zoo'],
    ['Ørsted A/S', 'orsted'],
    ['Straße Bau AG', 'strasse bau'],
    ["McDonald's Corp", 'mcdonalds'],
    ['Vega-Gentry', 'vega gentry'],
    ['Rasmussen Group', 'rasmussen group'], // "group" is not a legal form: see LEGAL_SUFFIXES
    ['Inc. Magazine Ltd', 'inc magazine'], // only trailing tokens are legal forms
    ['Co-op Food', 'co op food'],
    ['  Acme   Widgets  ', 'acme widgets'],
    ['ＡＣＭＥ', 'acme'], // full-width letters fold under NFKD
    ['株式会社トヨタ', '株式会社トヨタ'],
    ['The', 'the'],
  ])('%j → %s', (raw, expected) => expect(normaliseCompanyName(raw)).toBe(expected));

  test.each([[''], ['   '], [null], [undefined], ['Inc.'], ['Ltd'], ['GmbH & Co. KG'], ['---'], ['&']])(
    '%j → null (nothing but legal forms and punctuation)',
    (raw) => expect(normaliseCompanyName(raw)).toBeNull(),
  );
});

describe('normalisePersonName', () => {
  test.each([
    ['José ', ' Núñez', 'jose nunez'],
    ['José  Núñez', null, 'jose nunez'],
    ['ANN', 'DOE', 'ann doe'],
    ["Seán", "O'Brien", 'sean obrien'],
    ['Jean-Luc', 'Picard', 'jean luc picard'],
    ['J.R.R.', 'Tolkien', 'jrr tolkien'],
    ['Łukasz', 'Żółć', 'lukasz zolc'],
    ['Søren', 'Kierkegaard', 'soren kierkegaard'],
    ['王', '伟', '王 伟'],
    ['', 'Doe', 'doe'],
    ['Ann', null, 'ann'],
    ['', '', null],
    [null, undefined, null],
    [' . ', '-', null],
  ])('%j %j → %s', (first, last, expected) => expect(normalisePersonName(first, last)).toBe(expected));
});

test('foldText drops diacritics and folds letters NFKD cannot split', () => {
  expect(foldText('Ærøskøbing Straße ÉCOLE')).toBe('aeroskobing strasse ecole');
});

describe('normalisePhone', () => {
  test.each([
    ['229.077.5154', 'US', '+12290775154'],
    ['397.884.0519x718', 'US', '+13978840519'], // extension dropped for matching
    ['397.884.0519 ext. 12', 'US', '+13978840519'],
    ['397 884 0519 #9', 'US', '+13978840519'],
    ['001-084-906-7849x73518', 'US', '+10849067849'], // "00" international prefix, read again after US fails
    ['001-808-617-6467x12895', 'US', '+18086176467'],
    ['0049 30 1234567', 'US', '+49301234567'],
    ['00 44 20 7946 0958', 'US', '+442079460958'],
    ['011 44 20 7946 0958', 'US', '+442079460958'], // the US's own international prefix
    ['+1-532-344-1362', 'US', '+15323441362'],
    ['(446) 758-2122', 'US', '+14467582122'],
    ['(496)978-3969x58947', 'US', '+14969783969'],
    ['5153435776', 'US', '+15153435776'],
    ['1 (515) 343-5776', 'US', '+15153435776'],
    ['Tel: +1 515 343 5776', 'US', '+15153435776'],
    ['+1 515 343 5776', 'DE', '+15153435776'], // an international number ignores the default
    ['030 1234567', 'DE', '+49301234567'],
    ['+49 (0)30 1234567', 'DE', '+49301234567'],
    ['0049 30 1234567', 'DE', '+49301234567'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['+44 (0)20 7946 0958', 'GB', '+442079460958'],
    ['07700 900123', 'GB', '+447700900123'],
    ['07700 900123', 'gb', '+447700900123'], // country codes in either case
    ['+44 20 7946 0958', null, '+442079460958'], // no default: international numbers still work
    ['+44 20 7946 0958', 'ZZ', '+442079460958'], // unknown default: as if none
  ])('%j in %s → %s', (raw, country, expected) => expect(normalisePhone(raw, country)).toBe(expected));

  test.each([
    ['n/a', 'US'], ['0', 'US'], ['12', 'US'], ['000', 'US'], ['+', 'US'], ['', 'US'], ['   ', 'US'],
    [null, 'US'], [undefined, 'US'], ['123456789012345678', 'US'], ['call me', 'US'], ['5153435776', null],
    ['030 1234567', 'ZZ'], ['00', 'US'], ['001', 'US'],
  ])('%j in %s → null', (raw, country) => expect(normalisePhone(raw, country)).toBeNull());
});

describe('the shared import files', () => {
  function readCsv(name: string): Record<string, string>[] {
    const text = fs.readFileSync(path.join(process.cwd(), 'tests', 'fixtures', 'import', name), 'utf8');
    return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  }
  const E164 = /^\+[1-9]\d{6,14}$/;

  test('every datablist phone normalises to E.164 or to null, and nearly all of Phone 1 normalise', () => {
    const rows = readCsv('datablist-customers-100.csv');
    expect(rows).toHaveLength(100);
    for (const column of ['Phone 1', 'Phone 2']) {
      for (const row of rows) {
        const phone = normalisePhone(row[column], 'US');
        if (phone !== null) expect(phone).toMatch(E164);
      }
    }
    const normalised = rows.filter((row) => normalisePhone(row['Phone 1'], 'US') !== null).length;
    expect(normalised).toBeGreaterThanOrEqual(90);
  });

  test('every atomic-crm phone normalises to E.164 or to null, and the filled ones normalise', () => {
    const rows = readCsv('atomic-crm-contacts-sample.csv');
    expect(rows.length).toBeGreaterThan(0);
    let filled = 0;
    let normalised = 0;
    for (const row of rows) {
      for (const column of ['phone_work', 'phone_home', 'phone_other']) {
        if (row[column]?.trim()) filled++;
        const phone = normalisePhone(row[column], 'US');
        if (phone !== null) {
          expect(phone).toMatch(E164);
          normalised++;
        }
      }
    }
    expect(normalised).toBe(filled);
  });
});
