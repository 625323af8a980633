import { beforeAll, expect, test } from 'vitest';
import type { Db } from '@/db/client';
import { createCompany, getCompanyHeader, listCompanies, updateCompany } from '@/db/queries/companies';
import { createContact, getContactHeader, iterateContacts, listContacts, updateContact } from '@/db/queries/contacts';
import { listTimeline } from '@/db/queries/timeline';
import type { SessionUser } from '@/db/queries/users';
import { seedWorkspace } from '@/db/seed';
import { parseListFilters } from '@/lib/contacts/list-filters';
import { contactSchema } from '@/lib/contacts/schemas';
import { AppError } from '@/lib/errors';
import { createTestDb } from './support/db';

let db: Db;
const mia: SessionUser = { id: 2, name: 'Mia Manager', email: 'mia@demo.local', role: 'manager' };
const ana: SessionUser = { id: 3, name: 'Ana Rivera', email: 'ana@demo.local', role: 'rep' };
const ben: SessionUser = { id: 4, name: 'Ben Carter', email: 'ben@demo.local', role: 'rep' };
const filters = (params: Record<string, string> = {}) => parseListFilters(params);
const contact = (fields: Record<string, unknown>) => contactSchema.parse({ lastName: '', tags: '', ...fields });

beforeAll(() => {
  db = createTestDb();
  seedWorkspace(db, { companies: 20, contacts: 60, deals: 40, seed: 3, today: '2026-11-22' });
});

test('search finds a contact by the start of any word of name, email, phone or company', () => {
  const company = createCompany(db, { name: 'Zephyr Analytics', domain: 'zephyr.example', tags: [], ownerId: null }, ana);
  const { id } = createContact(db, contact({ firstName: 'Annabel', lastName: 'Quist', email: 'annabel.q@zephyr.example', phone: '+44 20 7946 0958', companyId: company.id }), ana);
  for (const q of ['ann', 'Quis', 'annabel.q', 'zephyr', 'zeph anal', '7946', 'Annabel Quist']) {
    expect(listContacts(db, filters({ q }), ana).rows.map((r) => r.id), q).toContain(id);
  }
  expect(listContacts(db, filters({ q: 'annx' }), ana).rows).toEqual([]);
  // Renaming the company is searchable at once.
  updateCompany(db, company.id, { name: 'Borealis Data', domain: 'zephyr.example', tags: [], ownerId: null }, ana);
  expect(listContacts(db, filters({ q: 'borea' }), ana).rows.map((r) => r.id)).toEqual([id]);
});

test('an email already used by another contact is refused with a pointer to that contact', () => {
  createContact(db, contact({ firstName: 'Dana', lastName: 'Dup', email: 'dana@dup.example' }), ana);
  try {
    createContact(db, contact({ firstName: 'Other', email: 'DANA@dup.example' }), ben);
    throw new Error('expected a refusal');
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors).toEqual({ email: 'Dana Dup already has this email.' });
    expect((error as AppError).details).toMatchObject({ duplicateContactName: 'Dana Dup' });
  }
});

test('filters by owner, tag and open deals; sorts and pages in SQL', () => {
  const { id } = createContact(db, contact({ firstName: 'Tagged', lastName: 'Person', tags: 'Golf club, VIP' }), ben);
  expect(listContacts(db, filters({ tag: 'golf club' }), ana).rows.map((r) => r.id)).toEqual([id]);
  const bens = listContacts(db, filters({ owner: 'me' }), ben);
  expect(bens.rows.every((r) => r.ownerName === 'Ben Carter')).toBe(true);
  const withDeals = listContacts(db, filters({ open: '1' }), ana);
  expect(withDeals.total).toBeGreaterThan(0);
  expect(withDeals.rows.every((r) => r.openDeals > 0)).toBe(true);
  const all = listContacts(db, filters({ sort: 'name' }), ana);
  const page2 = listContacts(db, filters({ sort: 'name', page: '2' }), ana);
  expect(all.rows).toHaveLength(50);
  expect(page2.rows.length).toBe(all.total - 50);
  const names = [...all.rows, ...page2.rows].map((r) => r.name);
  expect(new Set(names.map((n, i) => `${n}-${i}`)).size).toBe(all.total);
  // A page past the end (an old link) shows the last page, and says so.
  const beyond = listContacts(db, filters({ sort: 'name', page: '99' }), ana);
  expect(beyond.page).toBe(2);
  expect(beyond.rows.map((r) => r.id)).toEqual(page2.rows.map((r) => r.id));
  const companies = listCompanies(db, filters({ sort: 'created', dir: 'desc', page: '99' }), ana);
  expect(companies.page).toBe(1);
  expect(companies.rows.map((r) => r.createdAt)).toEqual(companies.rows.map((r) => r.createdAt).sort((a, b) => b - a));
  const exported = [...iterateContacts(db, filters({ tag: 'VIP' }), ana, 7)].flat();
  expect(exported.map((r) => r.id)).toContain(id);
  expect(exported.find((r) => r.id === id)?.tags).toBe('Golf club;VIP');
});

test('a rep edits only their own contacts and cannot reassign them', () => {
  const { id } = createContact(db, contact({ firstName: 'Owned', lastName: 'ByAna' }), ana);
  expect(() => updateContact(db, id, contact({ firstName: 'Hacked' }), ben)).toThrow('You can only edit your own contacts.');
  expect(() => updateContact(db, id, contact({ firstName: 'Owned', ownerId: ben.id }), ana)).toThrow('Only a manager or an admin can reassign a contact.');
  updateContact(db, id, contact({ firstName: 'Owned', ownerId: ben.id }), mia);
  expect(getContactHeader(db, id)?.ownerName).toBe('Ben Carter');
});

test('the 360 header adds up won and open deals and finds the next task', () => {
  const row = db.$client.prepare(`select contact_id as id from deals where status = 'won' and contact_id is not null limit 1`).get() as { id: number };
  const expected = db.$client
    .prepare(`select coalesce(sum(case when status = 'won' then value_cents end), 0) as won, coalesce(sum(case when status = 'open' then value_cents end), 0) as open from deals where contact_id = ?`)
    .get(row.id) as { won: number; open: number };
  const header = getContactHeader(db, row.id)!;
  expect(header.wonCents).toBe(expected.won);
  expect(header.openCents).toBe(expected.open);
  expect(header.wonCents).toBeGreaterThan(0);
  const company = getCompanyHeader(db, header.companyId!)!;
  expect(company.wonCents).toBeGreaterThanOrEqual(header.wonCents);
});

test('the timeline merges activities, stage changes and won/lost deals newest first, by page, and filters by type', () => {
  const row = db.$client.prepare(`select contact_id as id, count(*) as n from activities where contact_id is not null group by contact_id order by n desc limit 1`).get() as { id: number; n: number };
  const seen: string[] = [];
  let before = null;
  let previousAt = Infinity;
  for (;;) {
    const page = listTimeline(db, { contactId: row.id }, { before, limit: 4 });
    for (const e of page.entries) {
      expect(e.at).toBeLessThanOrEqual(previousAt);
      previousAt = e.at;
      seen.push(e.key);
    }
    if (!page.next) break;
    before = page.next;
  }
  expect(new Set(seen).size).toBe(seen.length);
  const activityCount = seen.filter((k) => k.startsWith('activity-')).length;
  expect(activityCount).toBe(row.n);
  const calls = listTimeline(db, { contactId: row.id }, { types: ['call'], limit: 100 }).entries;
  expect(calls.every((e) => e.type === 'call')).toBe(true);
  // A company's timeline includes its contacts' activities.
  const companyId = (db.$client.prepare('select company_id as c from contacts where id = ?').get(row.id) as { c: number }).c;
  const companyKeys = listTimeline(db, { companyId }, { limit: 1000 }).entries.map((e) => e.key);
  for (const key of seen.filter((k) => k.startsWith('activity-'))) expect(companyKeys).toContain(key);
  expect(listCompanies(db, filters({ q: 'zzzz-nothing' }), ana).total).toBe(0);
});

test('logging a call with a follow-up writes both in one go, links the company and un-rots the deal', async () => {
  const { logActivity, editActivity, deleteActivity } = await import('@/db/queries/activity-log');
  const deal = db.$client.prepare(`select id, contact_id as contactId, company_id as companyId from deals where status = 'open' and contact_id is not null limit 1`).get() as { id: number; contactId: number; companyId: number };
  db.$client.prepare('update deals set last_activity_at = 0 where id = ?').run(deal.id);
  const now = Date.UTC(2026, 10, 22, 15);
  const { activityId, taskId } = logActivity(
    db,
    { type: 'call', subject: 'Pricing call', body: 'Wants a discount', date: '2026-11-22', outcome: 'left_voicemail', contactId: null, companyId: null, dealId: deal.id, followUp: true, followUpSubject: 'Call back', followUpDue: '2026-11-24' },
    ana,
    now,
    '2026-11-22',
  );
  const rows = db.$client.prepare('select id, type, outcome, done_at as doneAt, due_date as dueDate, contact_id as contactId, company_id as companyId, owner_id as ownerId from activities where id in (?, ?) order by id').all(activityId, taskId);
  expect(rows).toEqual([
    { id: activityId, type: 'call', outcome: 'left_voicemail', doneAt: now, dueDate: null, contactId: deal.contactId, companyId: deal.companyId, ownerId: ana.id },
    { id: taskId, type: 'task', outcome: null, doneAt: null, dueDate: '2026-11-24', contactId: deal.contactId, companyId: deal.companyId, ownerId: ana.id },
  ]);
  expect(db.$client.prepare('select last_activity_at as at from deals where id = ?').get(deal.id)).toEqual({ at: now });
  const timeline = listTimeline(db, { contactId: deal.contactId }, { limit: 5 }).entries;
  expect(timeline.map((e) => e.type).slice(0, 2).sort()).toEqual(['call', 'task']);

  expect(() => editActivity(db, { activityId, subject: 'Mine now' }, ben)).toThrow('You can only change your own entries.');
  editActivity(db, { activityId, subject: 'Pricing call (edited)', body: null }, ana);
  expect(db.$client.prepare('select subject from activities where id = ?').get(activityId)).toEqual({ subject: 'Pricing call (edited)' });
  expect(() => deleteActivity(db, activityId, ben)).toThrow('You can only change your own entries.');
  deleteActivity(db, activityId, ana);
  expect(db.$client.prepare('select count(*) as n from activities where id = ?').get(activityId)).toEqual({ n: 0 });
});
