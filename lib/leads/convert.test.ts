import { describe, expect, test } from 'vitest';
import {
  companyDraftFrom, contactDraftFrom, convertLeadSchema, dealDraftFrom, dealTitleFor, defaultChoices, describeConversion, describeSubmission, leadDomain,
  parseConversionDetail, type ConvertibleLead, type ExistingCompany, type ExistingContact,
} from './convert';

const lead = (over: Partial<ConvertibleLead> = {}): ConvertibleLead => ({
  firstName: 'Ann', lastName: 'Lee', email: 'ann@northwind.test', phone: '+1 555 0100', title: 'CTO', companyName: 'Northwind', website: null, ownerId: 3, sourceName: 'Website form',
  ...over,
});

describe('prefilled from the lead', () => {
  test.each([
    [{ website: 'https://www.Acme.com/about' }, 'acme.com'],
    [{ website: null, email: 'ann@acme.co.uk' }, 'acme.co.uk'],
    [{ website: null, email: 'ann@gmail.com' }, null],
    [{ website: 'facebook.com/acme', email: 'ann@acme.io' }, 'acme.io'],
    [{ website: 'not a site', email: null }, null],
  ])('domain of %j is %s', (over, domain) => expect(leadDomain(lead(over))).toBe(domain));

  test.each([
    [{}, 'Northwind deal'],
    [{ companyName: '  ' }, 'Ann Lee deal'],
    [{ companyName: null, firstName: '', lastName: '' }, 'ann@northwind.test deal'],
    [{ companyName: 'x'.repeat(300) }, `${'x'.repeat(194)} deal`],
  ])('deal title of %j is %s', (over, title) => expect(dealTitleFor(lead(over))).toBe(title));

  test.each([
    [{}, { firstName: 'Ann', lastName: 'Lee' }],
    [{ firstName: '', lastName: 'Lee' }, { firstName: 'Lee', lastName: '' }],
    [{ firstName: '', lastName: '' }, { firstName: 'ann', lastName: '' }],
    [{ firstName: '', lastName: '', email: null }, { firstName: 'Northwind', lastName: '' }],
  ])('a contact needs a first name: %j → %j', (over, names) => expect(contactDraftFrom(lead(over))).toMatchObject(names));

  test('the contact gets the email, phone, title and the source name', () => {
    expect(contactDraftFrom(lead())).toEqual({ firstName: 'Ann', lastName: 'Lee', email: 'ann@northwind.test', phone: '+1 555 0100', title: 'CTO', source: 'Website form' });
    expect(contactDraftFrom(lead({ sourceName: null, title: 't'.repeat(150) }))).toMatchObject({ source: null, title: 't'.repeat(100) });
  });

  test('the company comes from the company name and domain; no name, no company', () => {
    expect(companyDraftFrom(lead({ website: 'northwind.test' }))).toEqual({ name: 'Northwind', domain: 'northwind.test' });
    expect(companyDraftFrom(lead({ companyName: ' ' }))).toBeNull();
  });

  test.each([
    [[{ id: 1, stages: [{ id: 4 }, { id: 5 }] }], { pipelineId: 1, stageId: 4 }],
    [[{ id: 1, stages: [] }, { id: 2, stages: [{ id: 9 }] }], { pipelineId: 2, stageId: 9 }],
    [[], { pipelineId: null, stageId: null }],
  ])('the deal starts in the first stage of the first pipeline with stages: %j', (pipelines, where) =>
    expect(dealDraftFrom(lead(), pipelines)).toEqual({ title: 'Northwind deal', valueCents: 0, expectedCloseDate: null, ownerId: 3, ...where }),
  );
});

describe('what the wizard proposes', () => {
  const contact = (id: number, primary: boolean, companyId: number | null = null, linked = false): ExistingContact => ({ id, name: `C${id}`, email: null, companyId, companyName: companyId ? `Co${companyId}` : null, primary, linked });
  const company = (id: number, ...reasons: string[]): ExistingCompany => ({ id, name: `Co${id}`, domain: null, reasons, score: 0.9 });
  test.each([
    ['nothing exists, the lead names a company', [], [], {}, { contact: 'new', company: 'new' }],
    ['nothing exists, no company named', [], [], { companyName: null }, { contact: 'new', company: 'none' }],
    ['a primary-email match wins over an other-email one', [contact(1, false), contact(2, true)], [], {}, { contact: 2, company: 'new' }],
    ['the contact a submission linked comes first', [contact(2, true), contact(3, false, 9, true)], [], {}, { contact: 3, company: 9 }],
    ['an other-email match is still proposed', [contact(1, false)], [], {}, { contact: 1, company: 'new' }],
    ['the contact’s company comes first', [contact(1, true, 7)], [company(8, 'Same website domain acme.com')], {}, { contact: 1, company: 7 }],
    ['same domain is proposed', [], [company(8, 'Same website domain acme.com')], {}, { contact: 'new', company: 8 }],
    ['same name is proposed', [], [company(8, 'Same company name')], {}, { contact: 'new', company: 8 }],
    ['a merely similar name is shown, not chosen', [], [company(8, 'Similar company name (93 %)')], {}, { contact: 'new', company: 'new' }],
  ] as const)('%s', (_, contacts, companies, over, choices) => expect(defaultChoices(lead(over), [...contacts], [...companies])).toEqual(choices));
});

describe('the form', () => {
  const base = { leadId: '4', version: '2', contact: 'new', company: 'none', firstName: 'Ann', lastName: '', email: 'ANN@x.test', ownerId: '' };
  test('a new contact is checked by the contact form’s rules; an existing one is an id', () => {
    expect(convertLeadSchema.parse(base)).toEqual({ leadId: 4, version: 2, ownerId: null, company: null, deal: null, contact: { input: { firstName: 'Ann', lastName: '', email: 'ann@x.test' } } });
    expect(convertLeadSchema.parse({ ...base, contact: '12', company: '7' })).toMatchObject({ contact: { id: 12 }, company: { id: 7 } });
  });
  test.each([
    [{ firstName: ' ' }, 'firstName', 'Enter a first name'],
    [{ email: 'nope' }, 'email', 'Enter a valid email address'],
    [{ company: 'new', companyName: '' }, 'companyName', 'Enter the company name'],
    [{ company: 'new', companyName: 'Acme', domain: 'not a domain' }, 'domain', 'Enter a domain like acme.com'],
    [{ createDeal: 'on', dealTitle: '', pipelineId: '1', stageId: '1' }, 'dealTitle', 'Give the deal a title'],
    [{ createDeal: 'on', dealTitle: 'D', pipelineId: '1', stageId: '1', valueCents: '-5' }, 'valueCents', 'Enter an amount of 0 or more'],
    [{ createDeal: 'on', dealTitle: 'D', pipelineId: '1', stageId: '1', expectedCloseDate: '2026-02-30' }, 'expectedCloseDate', 'Use a date like 2026-12-31'],
    [{ contact: '0' }, 'contact', 'Choose a contact or create one'],
    [{ company: 'maybe' }, 'company', 'Choose a company, create one or none'],
  ])('%j is refused beside %s', (over, field, message) => {
    const r = convertLeadSchema.safeParse({ ...base, ...over });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]).toMatchObject({ path: [field], message });
  });
  test('a deal is read only when asked for, its value in cents', () => {
    const deal = { dealTitle: 'Big one', pipelineId: '1', stageId: '2', valueCents: '12,500.50', expectedCloseDate: '2026-12-31' };
    expect(convertLeadSchema.parse({ ...base, ...deal }).deal).toBeNull();
    expect(convertLeadSchema.parse({ ...base, ...deal, createDeal: 'on' }).deal).toEqual({ title: 'Big one', pipelineId: 1, stageId: 2, valueCents: 1_250_050, expectedCloseDate: '2026-12-31' });
  });
});

describe('what was done, in words', () => {
  test.each([
    [{ contact: { id: 1, name: 'Ann Lee', created: true }, company: null, deal: null }, 'Created contact Ann Lee.'],
    [{ contact: { id: 1, name: 'Ann Lee', created: false }, company: { id: 2, name: 'Acme', created: true }, deal: null }, 'Linked contact Ann Lee and created company Acme.'],
    [
      { contact: { id: 1, name: 'Ann Lee', created: true }, company: { id: 2, name: 'Acme', created: false }, deal: { id: 3, name: 'Acme deal', created: true } },
      'Created contact Ann Lee, linked company Acme and created deal Acme deal.',
    ],
  ])('%j', (detail, words) => {
    expect(describeConversion(detail)).toBe(words);
    expect(parseConversionDetail(JSON.stringify(detail))).toEqual(detail);
  });
  test.each([[null], ['{'], ['[]'], ['{"contact":1}']])('junk detail %j reads as none', (json) => expect(parseConversionDetail(json)).toBeNull());

  test.each([
    ['{"firstName":"Ann","email":"ann@x.test","notes":"Hi\\n there","companyName":""}', 'First name: Ann\nEmail: ann@x.test\nMessage: Hi there'],
    ['{"fullName":"Ada Lovelace"}', 'Full name: Ada Lovelace'],
    ['{}', null],
    ['not json', null],
    [null, null],
  ])('submission %s', (json, text) => expect(describeSubmission(json)).toBe(text));
});
