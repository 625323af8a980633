import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/db/queries/users';
import { createTestDb } from './support/db';

// Only the session and Next's cache are mocked; the database is real, with the real migrations.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
let db: Db;
vi.mock('@/db', () => ({ getDb: () => db }));

const { createUser } = await import('@/db/queries/users');
const { seedEmptyWorkspace } = await import('@/db/seed');
const { createContact } = await import('@/db/queries/contacts');
const { createCompany } = await import('@/db/queries/companies');
const { createDeal } = await import('@/db/queries/deals');
const { convertLead, findExistingForLead, getLeadForConversion, LEAD_STALE_MESSAGE, ALREADY_CONVERTED_MESSAGE } = await import('@/db/queries/lead-convert');
const { listTimeline } = await import('@/db/queries/timeline');
const { convertLeadSchema, defaultChoices } = await import('@/lib/leads/convert');
const { convertLeadAction } = await import('@/app/(app)/leads/[id]/convert/actions');

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 2, 9);

let admin: SessionUser;
let ana: SessionUser;
let ben: SessionUser;

const one = <T,>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).get(...params) as T;
const all = <T,>(sql: string, ...params: unknown[]) => db.$client.prepare(sql).all(...params) as T[];

/** A lead from the website form, owned by `owner`, with a submission and a call logged a day later. */
function websiteLead(owner: number, fields: Partial<Record<'first_name' | 'last_name' | 'email' | 'company_name' | 'website' | 'title' | 'phone', string>> = {}) {
  const v = { first_name: 'Ann', last_name: 'Lee', email: 'ann@northwind.test', company_name: 'Northwind', website: 'https://www.northwind.test/', title: 'CTO', phone: '+1 555 0100', ...fields };
  const source = one<{ id: number }>(`select id from lead_sources where name = 'Website form'`).id;
  const id = Number(
    db.$client
      .prepare(
        `insert into leads (first_name, last_name, email, company_name, website, title, phone, source_id, owner_id, status, created_at, updated_at)
         values (@first_name, @last_name, @email, @company_name, @website, @title, @phone, @source, @owner, 'qualified', @t, @t)`,
      )
      .run({ ...v, source, owner, t: T0 }).lastInsertRowid,
  );
  db.$client.prepare(`insert into form_submissions (lead_id, data, created_at) values (?, ?, ?)`).run(id, JSON.stringify({ firstName: v.first_name, email: v.email, notes: 'Need 40 seats' }), T0);
  db.$client
    .prepare(`insert into activities (type, subject, done_at, owner_id, lead_id, created_at, updated_at) values ('call', 'Intro call', ?, ?, ?, ?, ?)`)
    .run(T0 + DAY, owner, id, T0 + DAY, T0 + DAY);
  return id;
}

const form = (leadId: number, fields: Record<string, string> = {}) => ({
  leadId: String(leadId),
  version: '1',
  contact: 'new',
  company: 'new',
  firstName: 'Ann',
  lastName: 'Lee',
  email: 'ann@northwind.test',
  phone: '+1 555 0100',
  title: 'CTO',
  companyName: 'Northwind',
  domain: 'northwind.test',
  ownerId: '',
  createDeal: 'on',
  dealTitle: 'Northwind deal',
  pipelineId: '1',
  stageId: '1',
  valueCents: '12,500.00',
  expectedCloseDate: '2026-12-31',
  ...fields,
});
const parse = (raw: Record<string, string>) => convertLeadSchema.parse(raw);

beforeEach(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Olivia', email: 'olivia@example.test', password: 'password1' });
  admin = { id: 1, name: 'Olivia', email: 'olivia@example.test', role: 'admin' };
  ana = createUser(db, { name: 'Ana', email: 'ana@example.test', role: 'rep', password: 'password1' });
  ben = createUser(db, { name: 'Ben', email: 'ben@example.test', role: 'rep', password: 'password1' });
});

describe('converting a lead', () => {
  test('creates a contact, a company and a deal, moves the timeline and links both ways', async () => {
    const leadId = websiteLead(ana.id);
    session.user = ana;
    const result = await convertLeadAction(form(leadId));
    if (!result.ok) throw new Error(result.error);
    const { contactId, companyId, dealId } = result.data;
    expect(companyId).not.toBeNull();
    expect(dealId).not.toBeNull();

    expect(one(`select first_name, last_name, email, phone, title, owner_id, company_id, source from contacts where id = ?`, contactId)).toEqual({
      first_name: 'Ann', last_name: 'Lee', email: 'ann@northwind.test', phone: '+1 555 0100', title: 'CTO', owner_id: ana.id, company_id: companyId, source: 'Website form',
    });
    expect(one(`select name, domain, owner_id from companies where id = ?`, companyId)).toEqual({ name: 'Northwind', domain: 'northwind.test', owner_id: ana.id });
    expect(one(`select title, value_cents, contact_id, company_id, owner_id, source, expected_close_date, stage_id from deals where id = ?`, dealId)).toEqual({
      title: 'Northwind deal', value_cents: 1_250_000, contact_id: contactId, company_id: companyId, owner_id: ana.id, source: 'Website form', expected_close_date: '2026-12-31', stage_id: 1,
    });
    // The writers' own side effects: match keys, deal history.
    expect(all(`select type, key from contact_match_keys where contact_id = ? and type = 'email'`, contactId)).toEqual([{ type: 'email', key: 'ann@northwind.test' }]);
    expect(one(`select count(*) as n from deal_events where deal_id = ? and kind = 'created'`, dealId)).toEqual({ n: 1 });

    // The lead: converted, linked, one version on, with its history row.
    expect(one(`select status, contact_id, company_id, deal_id, converted_by, version, converted_at is not null as at from leads where id = ?`, leadId)).toEqual({
      status: 'converted', contact_id: contactId, company_id: companyId, deal_id: dealId, converted_by: ana.id, version: 2, at: 1,
    });
    const event = one<{ kind: string; from_value: string; detail: string; user_id: number }>(`select kind, from_value, detail, user_id from lead_events where lead_id = ? and kind = 'converted'`, leadId);
    expect(event).toMatchObject({ from_value: 'qualified', user_id: ana.id });
    expect(JSON.parse(event.detail)).toEqual({
      contact: { id: contactId, name: 'Ann Lee', created: true },
      company: { id: companyId, name: 'Northwind', created: true },
      deal: { id: dealId, name: 'Northwind deal', created: true },
    });

    // The call moved onto the contact with its date, and still belongs to the lead.
    expect(all(`select subject, contact_id, company_id, lead_id, done_at, created_at from activities where lead_id = ?`, leadId)).toEqual([
      { subject: 'Intro call', contact_id: contactId, company_id: companyId, lead_id: leadId, done_at: T0 + DAY, created_at: T0 + DAY },
    ]);

    // The contact's timeline tells the lead's story: the call, the submission and the conversion, linked back.
    const { entries } = listTimeline(db, { contactId }, { viewer: ana });
    const lead = entries.filter((e) => e.type === 'lead');
    expect(lead.map((e) => [e.title, e.leadId, e.leadName])).toEqual([
      ['Converted from lead', leadId, 'Ann Lee'],
      ['Form submission', leadId, 'Ann Lee'],
    ]);
    expect(lead[0]).toMatchObject({ dealId, dealTitle: 'Northwind deal', userName: 'Ana', body: 'Created contact Ann Lee, created company Northwind and created deal Northwind deal.' });
    expect(lead[1]).toMatchObject({ at: T0, body: 'First name: Ann\nEmail: ann@northwind.test\nMessage: Need 40 seats' });
    expect(entries.find((e) => e.title === 'Intro call')).toMatchObject({ type: 'call', at: T0 + DAY });
    expect(listTimeline(db, { contactId }, { types: ['lead'] }).entries).toHaveLength(2);
    expect(listTimeline(db, { contactId }, { types: ['call'] }).entries.map((e) => e.title)).toEqual(['Intro call']);
    // The company's timeline has them too.
    expect(listTimeline(db, { companyId: companyId! }, { types: ['lead'] }).entries.map((e) => e.title)).toEqual(['Converted from lead', 'Form submission']);
  });

  test('links an existing contact found by another email and an existing company found by domain', () => {
    const companyId = createCompany(db, { name: 'Northwind Traders Ltd', domain: 'northwind.test', ownerId: null, tags: [] }, admin).id;
    const existing = createContact(db, { firstName: 'Annie', lastName: 'Lee', email: 'annie@home.test', otherEmails: ['ann@northwind.test'], companyId: null, ownerId: null, tags: [] }, admin).id;
    const other = createCompany(db, { name: 'Northwind', domain: null, ownerId: null, tags: [] }, admin).id;
    createDeal(db, { title: 'Old renewal', valueCents: 90_000, pipelineId: 1, stageId: 2, expectedCloseDate: null, companyId, contactId: null, ownerId: null }, admin);
    const leadId = websiteLead(ana.id, { website: '' });
    const lead = getLeadForConversion(db, leadId, admin)!;

    const found = findExistingForLead(db, lead, admin);
    expect(found.contacts).toEqual([{ id: existing, name: 'Annie Lee', email: 'annie@home.test', companyId: null, companyName: null, primary: false, linked: false }]);
    // The domain comes from the lead's email when it has no website; the same name is found too.
    expect(found.companies.map((c) => [c.id, c.reasons])).toEqual(
      expect.arrayContaining([
        [companyId, ['Same website domain northwind.test']],
        [other, ['Same company name']],
      ]),
    );
    expect(found.companies.find((c) => c.id === companyId)).toMatchObject({ openDealCount: 1, openDeals: [expect.objectContaining({ title: 'Old renewal', valueCents: 90_000 })] });

    const done = convertLead(db, parse(form(leadId, { contact: String(existing), company: String(companyId), createDeal: '' })), admin, T0 + 2 * DAY);
    expect(done).toEqual({ contactId: existing, companyId, dealId: null });
    expect(one(`select count(*) as n from contacts`)).toEqual({ n: 1 });
    expect(one(`select count(*) as n from companies`)).toEqual({ n: 2 });
    // The linked contact had no company: it joins the chosen one.
    expect(one(`select company_id, email from contacts where id = ?`, existing)).toEqual({ company_id: companyId, email: 'annie@home.test' });
    expect(JSON.parse(one<{ detail: string }>(`select detail from lead_events where lead_id = ? and kind = 'converted'`, leadId).detail)).toEqual({
      contact: { id: existing, name: 'Annie Lee', created: false },
      company: { id: companyId, name: 'Northwind Traders Ltd', created: false },
      deal: null,
    });
    expect(listTimeline(db, { contactId: existing }, { types: ['lead'] }).entries[0].body).toBe('Linked contact Annie Lee and linked company Northwind Traders Ltd.');
  });

  test('the contact a submission already linked the lead to is found and proposed, whatever its email', () => {
    const linked = createContact(db, { firstName: 'Ann', lastName: 'Lee', email: 'ann.lee@elsewhere.test', companyId: null, ownerId: null, tags: [] }, admin).id;
    const byEmail = createContact(db, { firstName: 'Ann', lastName: 'L.', email: 'ann@northwind.test', companyId: null, ownerId: null, tags: [] }, admin).id;
    const leadId = websiteLead(ana.id);
    db.$client.prepare('update leads set contact_id = ? where id = ?').run(linked, leadId);
    const found = findExistingForLead(db, getLeadForConversion(db, leadId, admin)!, admin);
    expect(found.contacts.map((c) => [c.id, c.linked, c.primary])).toEqual([
      [linked, true, false],
      [byEmail, false, true],
    ]);
    expect(defaultChoices({ companyName: 'Northwind' }, found.contacts, found.companies).contact).toBe(linked);
  });

  test('a converted lead is not converted twice; a stale version is refused; nothing half-written', async () => {
    const leadId = websiteLead(ana.id);
    session.user = ana;
    // Someone edits the lead meanwhile.
    db.$client.prepare('update leads set version = version + 1 where id = ?').run(leadId);
    expect(await convertLeadAction(form(leadId))).toEqual({ ok: false, error: LEAD_STALE_MESSAGE });
    expect(LEAD_STALE_MESSAGE).toBe('Someone else changed this lead meanwhile. Reload to see their change, then try again.');
    expect(one(`select (select count(*) from contacts) + (select count(*) from companies) + (select count(*) from deals) as n`)).toEqual({ n: 0 });
    expect(one(`select status from leads where id = ?`, leadId)).toEqual({ status: 'qualified' });

    expect(await convertLeadAction(form(leadId, { version: '2', createDeal: '' }))).toMatchObject({ ok: true });
    expect(await convertLeadAction(form(leadId, { version: '3', email: 'other@northwind.test' }))).toEqual({ ok: false, error: ALREADY_CONVERTED_MESSAGE });
    expect(one(`select count(*) as n from contacts`)).toEqual({ n: 1 });
    expect(one(`select count(*) as n from lead_events where lead_id = ? and kind = 'converted'`, leadId)).toEqual({ n: 1 });
  });

  test('a failure midway (the email taken by a contact) rolls everything back', () => {
    createContact(db, { firstName: 'Ann', lastName: 'Other', email: 'ann@northwind.test', companyId: null, ownerId: null, tags: [] }, admin);
    const leadId = websiteLead(ana.id);
    expect(() => convertLead(db, parse(form(leadId)), admin)).toThrow('Ann Other already has this email.');
    expect(one(`select (select count(*) from companies) + (select count(*) from deals) as n, (select status from leads where id = ?) as status`, leadId)).toEqual({ n: 0, status: 'qualified' });
  });

  test('a rep who may not see the lead is refused as if it did not exist', async () => {
    db.$client.prepare(`update workspace set reps_see = 'own'`).run();
    const leadId = websiteLead(ana.id);
    session.user = ben;
    expect(await convertLeadAction(form(leadId))).toEqual({ ok: false, error: 'This lead no longer exists.' });
    expect(getLeadForConversion(db, leadId, ben)).toBeNull();
    expect(one(`select status from leads where id = ?`, leadId)).toEqual({ status: 'qualified' });
    // Ana, its owner, may; the contact's timeline hides the lead from Ben, who may not see it.
    session.user = ana;
    const done = await convertLeadAction(form(leadId, { createDeal: '' }));
    if (!done.ok) throw new Error(done.error);
    expect(listTimeline(db, { contactId: done.data.contactId }, { types: ['lead'], viewer: ben }).entries).toEqual([]);
    expect(listTimeline(db, { contactId: done.data.contactId }, { types: ['lead'], viewer: ana }).entries).toHaveLength(2);
  });

  test('the form names the field at fault', async () => {
    const leadId = websiteLead(ana.id);
    session.user = ana;
    expect(await convertLeadAction(form(leadId, { firstName: '' }))).toMatchObject({ ok: false, fieldErrors: { firstName: 'Enter a first name' } });
    expect(await convertLeadAction(form(leadId, { companyName: '' }))).toMatchObject({ ok: false, fieldErrors: { companyName: 'Enter the company name' } });
    expect(await convertLeadAction(form(leadId, { dealTitle: '' }))).toMatchObject({ ok: false, fieldErrors: { dealTitle: 'Give the deal a title' } });
    expect(await convertLeadAction(form(leadId, { contact: 'bogus' }))).toMatchObject({ ok: false, fieldErrors: { contact: expect.any(String) } });
    expect(await convertLeadAction(form(leadId, { contact: '999' }))).toMatchObject({ ok: false, error: 'That contact no longer exists' });
    expect(one(`select count(*) as n from companies`)).toEqual({ n: 0 });
  });
});
