import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeImportFile } from './decode';
import type { ImportKind } from './fields';
import { guessMapping, headerSignature, matchHeader, normaliseHeader } from './guess';
import { parseImportText } from './parse';

const headersOf = (name: string) => parseImportText(decodeImportFile(new Uint8Array(fs.readFileSync(path.resolve(__dirname, '../../tests/fixtures/import', name)))).text).headers;

/** The guess for each header, as [header, field] pairs: the expected mapping reads like the file. */
const guessed = (kind: ImportKind, headers: string[]) => {
  const mapping = guessMapping(kind, headers);
  return headers.map((h, i) => [h, mapping[i]]);
};

describe('the real files map without help (headers read from the fixtures)', () => {
  test.each<[string, ImportKind, [string, string | null][]]>([
    [
      'datablist-customers-100.csv',
      'contacts',
      [
        ['Index', null],
        ['Customer Id', 'externalId'],
        ['First Name', 'firstName'],
        ['Last Name', 'lastName'],
        ['Company', 'companyName'],
        ['City', 'addressCity'],
        ['Country', 'addressCountry'],
        ['Phone 1', 'phone'],
        ['Phone 2', 'phone'],
        ['Email', 'email'],
        ['Subscription Date', null],
        ['Website', 'companyWebsite'],
      ],
    ],
    [
      'datablist-people-100.csv',
      'contacts',
      [
        ['Index', null],
        ['User Id', 'externalId'],
        ['First Name', 'firstName'],
        ['Last Name', 'lastName'],
        ['Sex', null],
        ['Email', 'email'],
        ['Phone', 'phone'],
        ['Date of birth', null],
        ['Job Title', 'title'],
      ],
    ],
    [
      'datablist-organizations-100.csv',
      'companies',
      [
        ['Index', null],
        ['Organization Id', 'externalId'],
        ['Name', 'name'],
        ['Website', 'website'],
        ['Country', 'addressCountry'],
        ['Description', 'notes'],
        ['Founded', null],
        ['Industry', 'industry'],
        ['Number of employees', 'size'],
      ],
    ],
    [
      'datablist-leads-100.csv',
      'contacts',
      [
        ['Index', null],
        ['Account Id', 'externalId'],
        ['Lead Owner', 'owner'],
        ['First Name', 'firstName'],
        ['Last Name', 'lastName'],
        ['Company', 'companyName'],
        ['Phone 1', 'phone'],
        ['Phone 2', 'phone'],
        ['Email 1', 'email'],
        ['Email 2', 'email'],
        ['Website', 'companyWebsite'],
        ['Source', 'source'],
        // A contact has no stage; imported as deals, this column is the stage (below).
        ['Deal Stage', null],
        ['Notes', 'notes'],
      ],
    ],
    [
      'atomic-crm-contacts-sample.csv',
      'contacts',
      [
        ['first_name', 'firstName'],
        ['last_name', 'lastName'],
        ['gender', null],
        ['title', 'title'],
        ['background', 'notes'],
        ['first_seen', null],
        ['last_seen', null],
        ['has_newsletter', null],
        ['status', null],
        ['tags', 'tags'],
        ['linkedin_url', null],
        ['company', 'companyName'],
        ['email_work', 'email'],
        ['email_home', 'email'],
        ['email_other', 'email'],
        ['phone_work', 'phone'],
        ['phone_home', 'phone'],
        ['phone_other', 'phone'],
      ],
    ],
    [
      'windows-1252-excel-accents.csv',
      'contacts',
      [
        ['First Name', 'firstName'],
        ['Last Name', 'lastName'],
        ['Email', 'email'],
        ['Company', 'companyName'],
        ['City', 'addressCity'],
        ['Notes', 'notes'],
      ],
    ],
    [
      'utf8-bom-google-contacts.tsv',
      'contacts',
      [
        ['Given Name', 'firstName'],
        ['Family Name', 'lastName'],
        ['E-mail 1 - Value', 'email'],
        ['Phone 1 - Value', 'phone'],
        ['Organization 1 - Name', 'companyName'],
        ['Organization 1 - Title', 'title'],
        ['Labels', 'tags'],
      ],
    ],
    [
      'semicolon-excel-europe.csv',
      'deals',
      [
        ['Deal Name', 'title'],
        ['Amount', 'value'],
        ['Deal Stage', 'stage'],
        ['Close Date', 'expectedCloseDate'],
        ['Company', 'companyName'],
        ['Contact Email', 'contactEmail'],
      ],
    ],
    [
      'multiline-quoted-cells.csv',
      'contacts',
      [
        ['First Name', 'firstName'],
        ['Last Name', 'lastName'],
        ['Email', 'email'],
        ['Notes', 'notes'],
        ['Company', 'companyName'],
      ],
    ],
    [
      'crlf-excel-line-breaks.csv',
      'companies',
      [
        ['Company', 'name'],
        ['Website', 'website'],
        ['Industry', 'industry'],
        ['Employees', 'size'],
        ['Description', 'notes'],
      ],
    ],
    [
      'utf16le-bom-excel-unicode-text.txt',
      'contacts',
      [
        ['First Name', 'firstName'],
        ['Last Name', 'lastName'],
        ['Email', 'email'],
        ['Company', 'companyName'],
      ],
    ],
  ])('%s as %s', (file, kind, expected) => {
    const headers = headersOf(file);
    expect(headers).toEqual(expected.map(([h]) => h));
    expect(guessed(kind, headers)).toEqual(expected);
  });

  test('the leads file as deals: its stage, owner and company columns find their fields', () => {
    expect(guessed('deals', headersOf('datablist-leads-100.csv'))).toEqual([
      ['Index', null],
      ['Account Id', null],
      ['Lead Owner', null],
      ['First Name', null],
      ['Last Name', null],
      ['Company', 'companyName'],
      ['Phone 1', null],
      ['Phone 2', null],
      ['Email 1', 'contactEmail'],
      ['Email 2', null],
      ['Website', null],
      ['Source', 'source'],
      ['Deal Stage', 'stage'],
      ['Notes', 'notes'],
    ]);
  });
});

// Header rows as these systems export them (from their export files and documentation), written
// out here so the guesses are checked against what people will actually upload.
describe('typical exports of other CRMs', () => {
  test.each<[string, ImportKind, [string, string | null][]]>([
    [
      'HubSpot contacts',
      'contacts',
      [
        ['Record ID', 'externalId'],
        ['First Name', 'firstName'],
        ['Last Name', 'lastName'],
        ['Email', 'email'],
        ['Phone Number', 'phone'],
        ['Mobile Phone Number', 'phone'],
        ['Job Title', 'title'],
        ['Company Name', 'companyName'],
        ['Associated Company', null], // "Company Name" is the better match for the one company
        ['Contact owner', 'owner'],
        ['Lifecycle Stage', null],
        ['Lead Status', null],
        ['Create Date', null],
        ['Last Activity Date', null],
        ['Street Address', 'addressStreet'],
        ['City', 'addressCity'],
        ['State/Region', 'addressState'],
        ['Postal Code', 'addressPostalCode'],
        ['Country/Region', 'addressCountry'],
        ['Website URL', 'companyWebsite'],
        ['Original Source', 'source'],
        ['Marketing contact status', null],
      ],
    ],
    [
      'HubSpot companies',
      'companies',
      [
        ['Record ID', 'externalId'],
        ['Company name', 'name'],
        ['Company Domain Name', null], // "Website URL" comes first among the website aliases
        ['Website URL', 'website'],
        ['Company owner', 'owner'],
        ['Create Date', null],
        ['Phone Number', null],
        ['Industry', 'industry'],
        ['Number of Employees', 'size'],
        ['Annual Revenue', null],
        ['Street Address', 'addressStreet'],
        ['City', 'addressCity'],
        ['State/Region', 'addressState'],
        ['Postal Code', 'addressPostalCode'],
        ['Country/Region', 'addressCountry'],
        ['Description', 'notes'],
        ['LinkedIn Company Page', null],
      ],
    ],
    [
      'HubSpot deals',
      'deals',
      [
        ['Record ID', 'externalId'],
        ['Deal Name', 'title'],
        ['Pipeline', 'pipeline'],
        ['Deal Stage', 'stage'],
        ['Amount', 'value'],
        ['Amount in company currency', null],
        ['Close Date', 'expectedCloseDate'],
        ['Deal owner', 'owner'],
        ['Deal Type', null],
        ['Deal probability', 'probability'],
        ['Associated Company', 'companyName'],
        ['Associated Contact', null],
        ['Deal Description', 'notes'],
        ['Create Date', null],
      ],
    ],
    [
      'Pipedrive people',
      'contacts',
      [
        ['Person - ID', 'externalId'],
        ['Person - Name', 'fullName'],
        ['Person - First name', 'firstName'],
        ['Person - Last name', 'lastName'],
        ['Person - Organization', 'companyName'],
        ['Person - Email - Work', 'email'],
        ['Person - Email - Home', 'email'],
        ['Person - Email - Other', 'email'],
        ['Person - Phone - Work', 'phone'],
        ['Person - Phone - Mobile', 'phone'],
        ['Person - Phone - Home', 'phone'],
        ['Person - Title', 'title'],
        ['Person - Owner', 'owner'],
        ['Person - Label', 'tags'],
        ['Person - Postal address', 'addressStreet'],
        ['Person - Marketing status', null],
        ['Person - Person created', null],
        ['Person - Open deals', null],
      ],
    ],
    [
      'Pipedrive organizations',
      'companies',
      [
        ['Organization - ID', 'externalId'],
        ['Organization - Name', 'name'],
        ['Organization - Owner', 'owner'],
        ['Organization - Address', 'addressStreet'],
        ['Organization - Label', 'tags'],
        ['Organization - Website', 'website'],
        ['Organization - People', null],
      ],
    ],
    [
      'Pipedrive deals',
      'deals',
      [
        ['Deal - ID', 'externalId'],
        ['Deal - Title', 'title'],
        ['Deal - Value', 'value'],
        ['Deal - Currency', 'currency'],
        ['Deal - Organization', 'companyName'],
        ['Deal - Contact person', null],
        ['Person - Email - Work', 'contactEmail'],
        ['Person - Email - Home', null],
        ['Deal - Owner', 'owner'],
        ['Deal - Pipeline', 'pipeline'],
        ['Deal - Stage', 'stage'],
        ['Deal - Status', 'status'],
        ['Deal - Lost reason', 'lostReason'],
        ['Deal - Expected close date', 'expectedCloseDate'],
        ['Deal - Probability', 'probability'],
        ['Deal - Weighted value', null],
        ['Deal - Deal created', null],
        ['Deal - Source channel', 'source'],
      ],
    ],
    [
      'Salesforce contacts report',
      'contacts',
      [
        ['Salutation', null],
        ['First Name', 'firstName'],
        ['Last Name', 'lastName'],
        ['Title', 'title'],
        ['Account Name', 'companyName'],
        ['Mailing Street', 'addressStreet'],
        ['Mailing City', 'addressCity'],
        ['Mailing State/Province', 'addressState'],
        ['Mailing Zip/Postal Code', 'addressPostalCode'],
        ['Mailing Country', 'addressCountry'],
        ['Phone', 'phone'],
        ['Fax', null],
        ['Mobile', 'phone'],
        ['Email', 'email'],
        ['Email Opt Out', null],
        ['Contact Owner', 'owner'],
        ['Lead Source', 'source'],
        ['Description', 'notes'],
        ['Contact ID', 'externalId'],
        ['Account ID', null], // the company's id, not the contact's
        ['Created Date', null],
      ],
    ],
    [
      'Salesforce leads report',
      'contacts',
      [
        ['Lead Owner', 'owner'],
        ['First Name', 'firstName'],
        ['Last Name', 'lastName'],
        ['Title', 'title'],
        ['Company / Account', 'companyName'],
        ['Email', 'email'],
        ['Phone', 'phone'],
        ['Mobile', 'phone'],
        ['Lead Source', 'source'],
        ['Lead Status', null],
        ['Rating', null],
        ['Street', 'addressStreet'],
        ['City', 'addressCity'],
        ['State/Province', 'addressState'],
        ['Zip/Postal Code', 'addressPostalCode'],
        ['Country', 'addressCountry'],
        ['Industry', null],
        ['Lead ID', 'externalId'],
      ],
    ],
    [
      'Salesforce opportunities report',
      'deals',
      [
        ['Opportunity Owner', 'owner'],
        ['Account Name', 'companyName'],
        ['Opportunity Name', 'title'],
        ['Stage', 'stage'],
        ['Fiscal Period', null],
        ['Amount', 'value'],
        ['Expected Revenue', null],
        ['Probability (%)', 'probability'],
        ['Age', null],
        ['Close Date', 'expectedCloseDate'],
        ['Created Date', null],
        ['Next Step', null],
        ['Lead Source', 'source'],
        ['Type', null],
        ['Opportunity ID', 'externalId'],
      ],
    ],
    [
      'Salesforce accounts report',
      'companies',
      [
        ['Account Owner', 'owner'],
        ['Account Name', 'name'],
        ['Type', null],
        ['Billing Street', 'addressStreet'],
        ['Billing City', 'addressCity'],
        ['Billing State/Province', 'addressState'],
        ['Billing Zip/Postal Code', 'addressPostalCode'],
        ['Billing Country', 'addressCountry'],
        ['Shipping Street', null],
        ['Phone', null],
        ['Website', 'website'],
        ['Industry', 'industry'],
        ['Employees', 'size'],
        ['Annual Revenue', null],
        ['Parent Account', null],
        ['Account ID', 'externalId'],
        ['Description', 'notes'],
      ],
    ],
    [
      'Salesforce Data Loader (API names)',
      'contacts',
      [
        ['Id', 'externalId'],
        ['AccountId', null],
        ['FirstName', 'firstName'],
        ['LastName', 'lastName'],
        ['Email', 'email'],
        ['Phone', 'phone'],
        ['MobilePhone', 'phone'],
        ['Title', 'title'],
        ['MailingStreet', 'addressStreet'],
        ['MailingCity', 'addressCity'],
        ['MailingState', 'addressState'],
        ['MailingPostalCode', 'addressPostalCode'],
        ['MailingCountry', 'addressCountry'],
        ['LeadSource', 'source'],
        ['OwnerId', null], // an id cannot be matched to a Keel user; the owner's name or email can
        ['Description', 'notes'],
      ],
    ],
    [
      'Google Contacts (Google CSV, older export)',
      'contacts',
      [
        ['Name', 'fullName'],
        ['Given Name', 'firstName'],
        ['Additional Name', null],
        ['Family Name', 'lastName'],
        ['Yomi Name', null],
        ['Name Prefix', null],
        ['Name Suffix', null],
        ['Nickname', null],
        ['Birthday', null],
        ['Gender', null],
        ['Location', null],
        ['Occupation', null], // Organization 1 - Title says it better
        ['Notes', 'notes'],
        ['Group Membership', 'tags'],
        ['E-mail 1 - Type', null],
        ['E-mail 1 - Value', 'email'],
        ['E-mail 2 - Type', null],
        ['E-mail 2 - Value', 'email'],
        ['Phone 1 - Type', null],
        ['Phone 1 - Value', 'phone'],
        ['Phone 2 - Type', null],
        ['Phone 2 - Value', 'phone'],
        ['Address 1 - Type', null],
        ['Address 1 - Formatted', null],
        ['Address 1 - Street', 'addressStreet'],
        ['Address 1 - City', 'addressCity'],
        ['Address 1 - PO Box', null],
        ['Address 1 - Region', 'addressState'],
        ['Address 1 - Postal Code', 'addressPostalCode'],
        ['Address 1 - Country', 'addressCountry'],
        ['Address 1 - Extended Address', 'addressLine2'],
        ['Address 2 - Street', null], // a second address would mix into the first
        ['Address 2 - City', null],
        ['Organization 1 - Type', null],
        ['Organization 1 - Name', 'companyName'],
        ['Organization 1 - Yomi Name', null],
        ['Organization 1 - Title', 'title'],
        ['Organization 1 - Department', null],
        ['Website 1 - Type', null],
        ['Website 1 - Value', 'companyWebsite'],
      ],
    ],
    [
      'Google Contacts (current export)',
      'contacts',
      [
        ['First Name', 'firstName'],
        ['Middle Name', null],
        ['Last Name', 'lastName'],
        ['Phonetic First Name', null],
        ['Nickname', null],
        ['File As', null],
        ['Organization Name', 'companyName'],
        ['Organization Title', 'title'],
        ['Organization Department', null],
        ['Birthday', null],
        ['Notes', 'notes'],
        ['Labels', 'tags'],
        ['E-mail 1 - Label', null],
        ['E-mail 1 - Value', 'email'],
        ['Phone 1 - Label', null],
        ['Phone 1 - Value', 'phone'],
        ['Address 1 - Formatted', null],
        ['Address 1 - Street', 'addressStreet'],
        ['Address 1 - City', 'addressCity'],
        ['Address 1 - Postal Code', 'addressPostalCode'],
        ['Address 1 - Country', 'addressCountry'],
      ],
    ],
    [
      'Outlook contacts (its "Title" is Mr or Dr)',
      'contacts',
      [
        ['Title', null],
        ['First Name', 'firstName'],
        ['Middle Name', null],
        ['Last Name', 'lastName'],
        ['Suffix', null],
        ['Company', 'companyName'],
        ['Department', null],
        ['Job Title', 'title'],
        ['Business Street', 'addressStreet'],
        ['Business Street 2', 'addressLine2'],
        ['Business City', 'addressCity'],
        ['Business State', 'addressState'],
        ['Business Postal Code', 'addressPostalCode'],
        ['Business Country/Region', 'addressCountry'],
        ['Home Street', null],
        ['Business Phone', 'phone'],
        ['Home Phone', 'phone'],
        ['Mobile Phone', 'phone'],
        ['Business Fax', null],
        ['E-mail Address', 'email'],
        ['E-mail 2 Address', 'email'],
        ['E-mail 3 Address', 'email'],
        ['Categories', 'tags'],
        ['Notes', 'notes'],
        ['Web Page', null],
      ],
    ],
    [
      'Shopify products',
      'products',
      [
        ['Handle', null],
        ['Title', 'name'],
        ['Body (HTML)', 'description'],
        ['Vendor', null],
        ['Tags', null],
        ['Published', null], // "Status" is the better match for whether it is sold
        ['Variant SKU', 'sku'],
        ['Variant Price', 'unitPrice'],
        ['Variant Compare At Price', null],
        ['Variant Taxable', null],
        ['Status', 'active'],
      ],
    ],
    [
      'WooCommerce products',
      'products',
      [
        ['ID', null],
        ['Type', null],
        ['SKU', 'sku'],
        ['Name', 'name'],
        ['Published', 'active'],
        ['Short description', null],
        ['Description', 'description'],
        ['Tax status', null],
        ['Sale price', null], // the regular price is the list price; a sale is a discount on a quote
        ['Regular price', 'unitPrice'],
      ],
    ],
    [
      'Keel’s own product export',
      'products',
      [
        ['sku', 'sku'],
        ['name', 'name'],
        ['description', 'description'],
        ['unit', 'unit'],
        ['unit_price', 'unitPrice'],
        ['tax_rate', 'taxRate'],
        ['active', 'active'],
      ],
    ],
  ])('%s', (_, kind, expected) => {
    expect(guessed(kind, expected.map(([h]) => h))).toEqual(expected);
  });
});

describe('header spellings', () => {
  test.each([
    ['First Name', 'firstName'],
    ['first_name', 'firstName'],
    ['FIRST-NAME', 'firstName'],
    ['firstName', 'firstName'],
    ['FirstName', 'firstName'],
    ['firstname', 'firstName'],
    ['  First   Name  ', 'firstName'],
    ['Prénom', null], // not an alias: English headers only, for now
    ['Email 1', 'email'],
    ['email1', 'email'],
    ['email_work', 'email'],
    ['Work Email', 'email'],
    ['E-mail', 'email'],
    ['E-Mail Address', 'email'],
    ['e_mail', 'email'],
    ['EMAIL ADDRESS (PRIMARY)', 'email'],
    ['Email (2)', 'email'], // parse.ts's name for a repeated "Email"
    ['Phone 2', 'phone'],
    ['Mobile Phone', 'phone'],
    ['Phone (Mobile)', 'phone'],
    ['Tel.', 'phone'],
    ['Organization', 'companyName'],
    ['Organisation', 'companyName'],
    ['Account Name', 'companyName'],
    ['Website', 'companyWebsite'],
    ['Lead Owner', 'owner'],
    ['Customer Id', 'externalId'],
    ['Record ID', 'externalId'],
    ['Zip', 'addressPostalCode'],
    ['ZIP/Postal code', 'addressPostalCode'],
    ['Address Line 1', 'addressStreet'],
    ['Address Line 2', 'addressLine2'],
    ['Straße', null],
    ['Email Opt Out', null],
    ['Unsubscribed', null],
    ['Email Domain', null],
    ['Phone Type', null],
    ['Index', null],
    ['Sex', null],
    ['Date of birth', null],
    ['Subscription Date', null],
    ['gender', null],
    ['has_newsletter', null],
    ['first_seen', null],
    ['', null],
    ['Column 7', null],
    ['#', null],
    ['名前', null],
  ])('contacts: %j → %s', (header, field) => {
    expect(matchHeader('contacts', header)?.field ?? null).toBe(field);
  });

  test.each<[ImportKind, string, string | null]>([
    ['deals', 'Deal Name', 'title'],
    ['deals', 'Deal Stage', 'stage'],
    ['deals', 'Amount', 'value'],
    ['deals', 'Amount (USD)', 'value'],
    ['deals', 'Close Date', 'expectedCloseDate'],
    ['deals', 'CloseDate', 'expectedCloseDate'],
    ['deals', 'StageName', 'stage'],
    ['deals', 'Probability %', 'probability'],
    ['deals', 'Deal', 'title'],
    ['deals', 'Deal - Label', null],
    ['deals', 'Email', 'contactEmail'],
    ['deals', 'Contact E-mail', 'contactEmail'],
    ['deals', 'Phone', null],
    ['companies', 'Company', 'name'],
    ['companies', 'Company Name', 'name'],
    ['companies', 'Organization Id', 'externalId'],
    ['companies', 'Account Id', 'externalId'],
    ['companies', 'Domain', 'website'],
    ['companies', '# Employees', 'size'],
    ['companies', 'NumberOfEmployees', 'size'],
    ['companies', 'Description', 'notes'],
    ['companies', 'Company Description', 'notes'],
    ['companies', 'Founded', null],
    ['companies', 'Email', null],
  ])('%s: %j → %s', (kind, header, field) => {
    expect(matchHeader(kind, header)?.field ?? null).toBe(field);
  });
});

describe('one-column fields take the best of several candidates', () => {
  test.each<[string, ImportKind, string[], (string | null)[]]>([
    ['numbered street lines: line 1 is the street, line 2 the second line, line 3 left', 'contacts', ['Address Line 3', 'Address Line 1', 'Address Line 2'], [null, 'addressStreet', 'addressLine2']],
    ['Street 1 before Street 3', 'contacts', ['Street 3', 'Street 1'], [null, 'addressStreet']],
    ['a notes column beats a description column wherever it stands', 'companies', ['Description', 'Notes'], [null, 'notes']],
    ['with equal claims the first column wins', 'contacts', ['Company', 'company'], ['companyName', null]],
    ['the contact’s own id over its account’s', 'contacts', ['Account ID', 'Contact ID'], [null, 'externalId']],
    ['many-column fields take them all', 'contacts', ['Email 3', 'Email', 'Work Email'], ['email', 'email', 'email']],
    ['a deal takes its contact’s first email, wherever its column stands', 'deals', ['Email 2', 'Email 1'], [null, 'contactEmail']],
    ['Google’s second organization does not displace the first', 'contacts', ['Organization 2 - Name', 'Organization 1 - Name'], [null, 'companyName']],
  ])('%s', (_, kind, headers, expected) => {
    expect(guessMapping(kind, headers)).toEqual(expected);
  });
});

describe('normaliseHeader', () => {
  test.each([
    ['First Name', 'first name', 'first name'],
    ['E-mail 1 - Value', 'email 1 value', 'email'],
    ['Phone 1 - Type', 'phone 1 type', 'phone type'],
    ['Address 1 - Postal Code', 'address 1 postal code', 'address postal code'],
    ['Mailing Zip/Postal Code', 'mailing zip postal code', 'mailing zip postal code'],
    ['MailingPostalCode', 'mailing postal code', 'mailing postal code'],
    ['AccountID', 'account id', 'account id'],
    ['Probability (%)', 'probability', 'probability'],
    ['Deal - Value', 'deal value', 'deal value'], // "value" is dropped only after a number
    ['Straße', 'strasse', 'strasse'],
    ['Émail', 'email', 'email'],
    ['  ', '', ''],
  ])('%j → %j / %j', (header, full, unnumbered) => {
    expect(normaliseHeader(header)).toEqual({ full, unnumbered });
  });
});

describe('headerSignature', () => {
  const atomic = headersOf('atomic-crm-contacts-sample.csv');

  test('is short and the same every time for the same header', () => {
    expect(headerSignature(atomic)).toBe(headerSignature([...atomic]));
    expect(headerSignature(atomic)).toMatch(/^18:[0-9a-z]{1,11}$/);
  });

  test.each([
    ['case and spacing do not count', ['First Name', 'Email'], [' first  name ', 'EMAIL'], true],
    ['punctuation between words does not count', ['first_name', 'e-mail'], ['First Name', 'E mail'], true],
    ['column order counts (the mapping is per column)', ['First Name', 'Email'], ['Email', 'First Name'], false],
    ['an extra column counts', ['First Name', 'Email'], ['First Name', 'Email', 'Phone'], false],
    ['a renamed column counts', ['First Name', 'Email'], ['First Name', 'Email 2'], false],
    ['joining headers differently does not collide', ['a b', 'c'], ['a', 'b c'], false],
    ['no headers', [], [''], false],
  ])('%s', (_, a, b, same) => {
    expect(headerSignature(a) === headerSignature(b)).toBe(same);
  });

  test('the fixtures all have different signatures', () => {
    const files = fs.readdirSync(path.resolve(__dirname, '../../tests/fixtures/import')).filter((f) => !f.endsWith('.md'));
    const signatures = files.map((f) => headerSignature(headersOf(f)));
    expect(new Set(signatures).size).toBe(files.length);
  });
});
