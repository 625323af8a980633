import { describe, expect, test } from 'vitest';
import type { CompanyRecord, ContactRecord, DealRecord } from './rows';
import { checkImportRecord, dealStatus, importDate, importPercent } from './values';

const USD = { currency: 'USD' };
const contact = (r: ContactRecord) => checkImportRecord('contacts', r, USD);
const company = (r: CompanyRecord) => checkImportRecord('companies', r, USD);
const deal = (r: DealRecord) => checkImportRecord('deals', r, USD);

describe('contacts', () => {
  test('a full row is checked into the values the import writes', () => {
    expect(
      contact({
        firstName: 'Ann', lastName: 'Lee', email: ' Ann@Example.COM ', otherEmails: ['Lee, Ann <ann.lee@home.example>', 'ann@example.com'], phone: '+1 555 0100',
        otherPhones: ['555 0199'], title: 'CTO', companyName: 'Acme', companyWebsite: 'https://www.acme.example/about', owner: 'Mia', tags: ['vip', 'VIP', 'partner'], externalId: 'X-1',
      }),
    ).toEqual({
      ok: true,
      values: {
        firstName: 'Ann', lastName: 'Lee', email: 'ann@example.com', otherEmails: ['ann.lee@home.example'], phone: '+1 555 0100', otherPhones: ['555 0199'],
        title: 'CTO', companyName: 'Acme', companyDomain: 'acme.example', owner: 'Mia', source: null, address: null, notes: null, tags: ['vip', 'partner'], externalId: 'X-1',
      },
    });
  });

  test.each([
    [{ lastName: 'Lee' }, 'First name: Enter a first name'],
    [{ firstName: 'Ann', email: 'ann(at)example.com' }, 'Email: “ann(at)example.com” is not a valid email address'],
    [{ firstName: 'Ann', email: 'ann@example.com', otherEmails: ['nope'] }, 'Email: “nope” is not a valid email address'],
    [{ firstName: 'Ann', phone: '1'.repeat(51) }, 'Phone: Keep each phone under 50 characters'],
    [{ firstName: 'Ann', phone: '555 0000', otherPhones: Array.from({ length: 11 }, (_, i) => `555 01${i}`) }, 'Phone: Keep it to 10 other phones or fewer'],
    [{ firstName: 'Ann', companyWebsite: 'not a site' }, 'Company website or domain: “not a site” is not a website or domain'],
    [{ firstName: 'Ann', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'Tags: Use at most 20 tags'],
    [{ firstName: 'A'.repeat(101) }, 'First name: Keep it under 100 characters'],
    [{ firstName: 'Ann\u202Eevil' }, 'First name: Remove the hidden text-direction characters from this text'],
  ] as [ContactRecord, string][])('%o is refused: %s', (record, reason) => {
    expect(contact(record)).toEqual({ ok: false, reason });
  });
});

describe('companies', () => {
  test('the website becomes a domain; notes are kept', () => {
    expect(company({ name: 'Acme Inc', website: 'HTTP://WWW.Acme.example/x', size: '51-200', notes: 'Line one\nLine two' })).toMatchObject({
      ok: true,
      values: { name: 'Acme Inc', domain: 'acme.example', size: '51-200', notes: 'Line one\nLine two', tags: [] },
    });
  });

  test.each([
    [{ website: 'acme.example' }, 'Name: Enter the company name'],
    [{ name: 'Acme', website: 'localhost' }, 'Website or domain: “localhost” is not a website or domain'],
  ] as [CompanyRecord, string][])('%o is refused: %s', (record, reason) => {
    expect(company(record)).toEqual({ ok: false, reason });
  });
});

describe('deals', () => {
  test('money, dates, percentages and statuses are read once, at the boundary', () => {
    expect(deal({ title: 'Renewal', value: '$12,500.50', status: 'Closed Won', expectedCloseDate: '2026-12-31T00:00:00Z', probability: '12.5 %', currency: 'usd', contactEmail: 'Ann@Example.com' })).toMatchObject({
      ok: true,
      values: { title: 'Renewal', valueCents: 1_250_050, status: 'won', expectedCloseDate: '2026-12-31', probabilityBp: 1250, contactEmail: 'ann@example.com' },
    });
    expect(deal({ title: 'No value' })).toMatchObject({ ok: true, values: { valueCents: null, status: null } });
  });

  test.each([
    [{ value: '1' }, 'Title: Give the deal a title'],
    [{ title: 'x', value: '1.234,56' }, 'Value: Enter an amount like 12500 or 12,500.00'],
    [{ title: 'x', value: '-5' }, 'Value: Enter an amount of 0 or more'],
    [{ title: 'x', currency: 'EUR' }, 'Currency: This deal is in EUR, but this workspace uses USD'],
    [{ title: 'x', status: 'maybe' }, 'Status: “maybe” is not a status: use open, won or lost'],
    [{ title: 'x', expectedCloseDate: '31.12.2025' }, 'Expected close date: “31.12.2025” is not a date: use one like 2026-12-31'],
    [{ title: 'x', probability: '140' }, 'Probability: “140” is not a percentage from 0 to 100'],
  ] as [DealRecord, string][])('%o is refused: %s', (record, reason) => {
    expect(deal(record)).toEqual({ ok: false, reason });
  });
});

describe('the readers', () => {
  test.each([
    ['open', 'open'], ['WON', 'won'], ['closed_lost', 'lost'], ['Closed-Won', 'won'], ['', null],
  ])('status %s → %s', (raw, status) => {
    expect(dealStatus(raw)).toBe(status);
  });

  test.each([
    ['2024-02-29', '2024-02-29'], ['2024-07-01T11:54:49.95+00:00', '2024-07-01'], ['2024-07-01 09:00', '2024-07-01'],
  ])('date %s → %s', (raw, date) => {
    expect(importDate(raw, 'expectedCloseDate')).toBe(date);
  });

  test.each(['2023-02-29', '07/01/2024', '2024-07-011', '2024-7-1'])('%s is not a date', (raw) => {
    expect(() => importDate(raw, 'expectedCloseDate')).toThrow(/is not a date/);
  });

  test.each([
    ['0', 0], ['40', 4000], ['40%', 4000], ['12.5 %', 1250], ['100', 10000],
  ])('percentage %s → %i bp', (raw, bp) => {
    expect(importPercent(raw, 'probability')).toBe(bp);
  });
});
