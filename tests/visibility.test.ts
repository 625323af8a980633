import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/db/queries/users';
import { seedEmptyWorkspace } from '@/db/seed';
import { parseListFilters } from '@/lib/contacts/list-filters';
import { contactSchema, companySchema } from '@/lib/contacts/schemas';
import { parseDealFilters } from '@/lib/deals/filters';
import { createQuoteSchema, updateQuoteSchema } from '@/lib/quotes/schemas';
import { parseQuoteFilters } from '@/lib/quotes/list-filters';
import { logActivitySchema } from '@/lib/timeline/log-schema';
import { createTestDb } from './support/db';

// "Reps see: only their own" (db/queries/visibility.ts) at every read path and every write that
// names a record: two reps' books side by side, a manager's activity and quote on a rep's deal, and a
// deal of one rep on the other's contact. Only the session is mocked, for the route handlers.

const session: { user: SessionUser | null } = { user: null };
let db: Db;
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('@/db', () => ({ getDb: () => db }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { getBoardCard, getColumnSummaries, listColumnCards } = await import('@/db/queries/board');
const { listDeals, iterateDeals } = await import('@/db/queries/deal-list');
const { getDealDetail, listDealTimeline } = await import('@/db/queries/deal-detail');
const { closeDeal, createDeal, moveDeal, reopenDeal, updateDeal } = await import('@/db/queries/deals');
const { contactCompanyId, createContact, getContactHeader, iterateContacts, listContacts, listDealsFor, listOpenTasksFor, updateContact } = await import('@/db/queries/contacts');
const { findOrCreateCompanyByName, getCompanyHeader, iterateCompanies, listCompanies, listCompanyContacts, updateCompany } = await import('@/db/queries/companies');
const { listTimeline } = await import('@/db/queries/timeline');
const { searchRecords } = await import('@/db/queries/record-search');
const { listDealQuotes, listQuotes } = await import('@/db/queries/quote-list');
const { createQuote, getQuote, listRevisions, updateQuote } = await import('@/db/queries/quotes');
const { reviseQuote, sendQuote } = await import('@/db/queries/quote-status');
const { listDealsClosing, listOverdueTasks, listRottingDeals } = await import('@/db/queries/dashboard');
const { getForecast, getRepForecast } = await import('@/db/queries/forecast');
const { listFeedActivities } = await import('@/db/queries/calendar');
const { completeTask, listTaskGroups, snoozeTask } = await import('@/db/queries/tasks');
const { deleteActivity, editActivity, logActivity } = await import('@/db/queries/activity-log');
const { getCompanyPriceList } = await import('@/db/queries/price-lists');
const { canSee } = await import('@/db/queries/visibility');
const { GET: dealsCsv } = await import('@/app/(app)/deals/export.csv/route');
const { GET: contactsCsv } = await import('@/app/(app)/contacts/export.csv/route');
const { GET: companiesCsv } = await import('@/app/(app)/companies/export.csv/route');
const { GET: forecastCsv } = await import('@/app/(app)/forecast/export.csv/route');
const { GET: quotePdf } = await import('@/app/(app)/quotes/[id]/pdf/route');
const { updateContactAction } = await import('@/app/(app)/contacts/actions');

const TODAY = '2026-11-20';
const NOW = Date.parse('2026-11-20T12:00:00Z');
const DAY = 86_400_000;

const mia: SessionUser = { id: 2, name: 'Mia Manager', email: 'mia@example.test', role: 'manager' };
const ana: SessionUser = { id: 3, name: 'Ana Rivera', email: 'ana@example.test', role: 'rep' };
const ben: SessionUser = { id: 4, name: 'Ben Carter', email: 'ben@example.test', role: 'rep' };

// Record ids, filled in by the fixture.
const r = {} as Record<
  'anaCo' | 'benCo' | 'sharedCo' | 'anaPerson' | 'benPerson' | 'linkedPerson' | 'anaAtBenCo' | 'anaDeal' | 'benDeal' | 'benDealOnAnaPerson' | 'anaCall' | 'benCall' | 'miaNoteOnAnaDeal' | 'benTask' | 'benNoteOnLinked' | 'anaTask' | 'anaQuote' | 'benQuote' | 'miaQuoteOnAnaDeal',
  number
>;

function setRepsSee(value: 'everything' | 'own') {
  db.$client.prepare('update workspace set reps_see = ? where id = 1').run(value);
}

function insert(sql: string, ...values: unknown[]): number {
  return Number(db.$client.prepare(sql).run(...values).lastInsertRowid);
}

const company = (name: string, owner: number) => insert('insert into companies (name, owner_id) values (?, ?)', name, owner);
const contact = (first: string, last: string, owner: number, companyId: number | null, email: string) =>
  insert('insert into contacts (first_name, last_name, owner_id, company_id, email) values (?, ?, ?, ?, ?)', first, last, owner, companyId, email);
function deal(title: string, owner: number, contactId: number | null, companyId: number | null, valueCents: number, position: string) {
  const id = insert(
    `insert into deals (title, value_cents, pipeline_id, stage_id, position, owner_id, contact_id, company_id, expected_close_date, stage_changed_at, created_at, updated_at)
     values (?, ?, 1, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
    title, valueCents, position, owner, contactId, companyId, '2026-11-22', NOW - 90 * DAY, NOW - 90 * DAY, NOW - 90 * DAY,
  );
  insert('insert into deal_stage_history (deal_id, from_stage_id, to_stage_id, at, user_id) values (?, null, 1, ?, ?)', id, NOW - 90 * DAY, owner);
  return id;
}
const activity = (type: string, subject: string, owner: number, links: { contactId?: number; companyId?: number; dealId?: number }, task?: { due: string }) =>
  insert(
    `insert into activities (type, subject, owner_id, contact_id, company_id, deal_id, due_date, done_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    type, subject, owner, links.contactId ?? null, links.companyId ?? null, links.dealId ?? null, task?.due ?? null, task ? null : NOW - 5 * DAY, NOW - 5 * DAY, NOW - 5 * DAY,
  );
function quote(title: string, actor: SessionUser, dealId: number | null, companyId: number | null) {
  const fields = createQuoteSchema.parse({ dealId, title, companyId, validUntil: '2026-12-20', paymentTerms: 'net_30', lines: JSON.stringify([{ description: 'Boards', quantity: '1', unitPrice: '100' }]) });
  return createQuote(db, fields, actor, { currency: 'USD', today: TODAY, now: NOW }).id;
}

beforeAll(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Olivia Owner', email: 'owner@example.test', password: 'password1' });
  for (const u of [mia, ana, ben]) insert(`insert into users (id, name, email, password_hash, role) values (?, ?, ?, 'x', ?)`, u.id, u.name, u.email, u.role);
  r.anaCo = company('Anaco Widgets', ana.id);
  r.benCo = company('Bensco Hidden', ben.id);
  r.sharedCo = company('Sharedco Partners', ben.id); // Ben's, but Ana's deal is with it
  r.anaPerson = contact('Alma', 'Anders', ana.id, r.anaCo, 'alma@anaco.example');
  r.benPerson = contact('Boris', 'Hiddenfield', ben.id, r.benCo, 'boris@bensco.example');
  r.linkedPerson = contact('Lina', 'Linkwell', ben.id, r.sharedCo, 'lina@sharedco.example'); // Ben's, the contact of Ana's deal
  r.anaAtBenCo = contact('Carla', 'Crossover', ana.id, r.benCo, 'carla@crossover.example'); // Ana's, at a company she may not see
  r.anaDeal = deal('Anaco expansion', ana.id, r.linkedPerson, r.sharedCo, 500_000, 'a0');
  r.benDeal = deal('Bensco secret deal', ben.id, r.benPerson, r.benCo, 700_000, 'a1');
  r.benDealOnAnaPerson = deal('Bensco side deal', ben.id, r.anaPerson, r.anaCo, 300_000, 'a2');
  r.anaCall = activity('call', 'Ana called Alma', ana.id, { contactId: r.anaPerson, companyId: r.anaCo });
  r.benCall = activity('call', 'Ben called Boris', ben.id, { contactId: r.benPerson, companyId: r.benCo, dealId: r.benDeal });
  r.miaNoteOnAnaDeal = activity('note', 'Mia coached the deal', mia.id, { contactId: r.linkedPerson, companyId: r.sharedCo, dealId: r.anaDeal });
  r.benTask = activity('task', 'Ben chases Boris', ben.id, { contactId: r.benPerson, dealId: r.benDeal }, { due: '2026-11-18' });
  r.benNoteOnLinked = activity('note', 'Ben gossip about Lina', ben.id, { contactId: r.linkedPerson, companyId: r.sharedCo });
  r.anaTask = activity('task', 'Ana sends proposal', ana.id, { contactId: r.linkedPerson, dealId: r.anaDeal }, { due: '2026-11-18' });
  r.anaQuote = quote('Ana own quote', ana, null, r.anaCo);
  r.benQuote = quote('Ben hidden quote', ben, r.benDeal, r.benCo);
  r.miaQuoteOnAnaDeal = quote('Mia quote on Ana deal', mia, r.anaDeal, r.sharedCo);
});

beforeEach(() => setRepsSee('own'));

const ids = <T extends { id: number }>(rows: T[]) => rows.map((x) => x.id).sort((a, b) => a - b);
const sorted = (...xs: number[]) => xs.sort((a, b) => a - b);
const dealFilters = (params: Record<string, string> = {}, role: SessionUser['role'] = 'rep') => parseDealFilters({ owner: 'all', ...params }, role);
const listFilters = (params: Record<string, string> = {}) => parseListFilters(params);
const collect = <T,>(gen: Generator<T[]>) => [...gen].flat();
const version = (table: string, id: number) => (db.$client.prepare(`select version from ${table} where id = ?`).get(id) as { version: number }).version;

describe('with "only their own", a rep reads', () => {
  test('the board: cards, counts and sums of their deals only, whatever the owner filter says', () => {
    const summaries = getColumnSummaries(db, 1, dealFilters(), ana);
    expect(summaries).toEqual([expect.objectContaining({ stageId: 1, count: 1, sumCents: 500_000 })]);
    expect(ids(listColumnCards(db, 1, dealFilters(), ana).cards)).toEqual([r.anaDeal]);
    expect(listColumnCards(db, 1, dealFilters({ owner: String(ben.id) }), ana).cards).toEqual([]);
    expect(getBoardCard(db, r.benDeal, ana)).toBeNull();
    expect(getBoardCard(db, r.anaDeal, ana)?.title).toBe('Anaco expansion');
    // The text search of the board and list cannot reach past the scope either.
    expect(listColumnCards(db, 1, dealFilters({ q: 'Bensco' }), ana).cards).toEqual([]);
  });

  test('the deal list and its CSV export', async () => {
    expect(ids(listDeals(db, dealFilters(), ana, { sort: 'title', dir: 'asc', page: 1 }).rows)).toEqual([r.anaDeal]);
    expect(listDeals(db, dealFilters(), ana, { sort: 'title', dir: 'asc', page: 1 }).total).toBe(1);
    expect(ids(collect(iterateDeals(db, dealFilters(), ana)))).toEqual([r.anaDeal]);
    session.user = ana;
    const csv = await (await dealsCsv(new Request('http://localhost/deals/export.csv?owner=all'))).text();
    expect(csv).toContain('Anaco expansion');
    expect(csv).not.toContain('Bensco');
  });

  test('a deal page: another rep’s deal is not there, nor its story or quotes', () => {
    expect(getDealDetail(db, r.benDeal, ana)).toBeNull();
    expect(getDealDetail(db, r.anaDeal, ana)?.title).toBe('Anaco expansion');
    expect(listDealTimeline(db, r.benDeal, { limit: 50, currency: 'USD', viewer: ana }).entries).toEqual([]);
    // On their own deal they see everyone's work on it: the manager's note and quote.
    const story = listDealTimeline(db, r.anaDeal, { limit: 50, currency: 'USD', viewer: ana }).entries.map((e) => e.title);
    expect(story).toContain('Mia coached the deal');
    expect(ids(listDealQuotes(db, r.anaDeal, TODAY, ana))).toEqual([r.miaQuoteOnAnaDeal]);
    expect(listDealQuotes(db, r.benDeal, TODAY, ana)).toEqual([]);
  });

  test('contacts: their own and their deals’ contacts, in the list, the export and the search', async () => {
    expect(ids(listContacts(db, listFilters(), ana).rows)).toEqual(sorted(r.anaPerson, r.linkedPerson, r.anaAtBenCo));
    expect(listContacts(db, listFilters(), ana).total).toBe(3);
    expect(listContacts(db, listFilters({ q: 'hiddenfield' }), ana).rows).toEqual([]);
    // Open deals counted on a row are the rep's own: Ben's deal on Alma does not count.
    expect(listContacts(db, listFilters(), ana).rows.find((x) => x.id === r.anaPerson)?.openDeals).toBe(0);
    expect(listContacts(db, listFilters({ open: '1' }), ana).rows.map((x) => x.id)).toEqual([r.linkedPerson]);
    expect(ids(collect(iterateContacts(db, listFilters(), ana)) as { id: number }[])).toEqual(sorted(r.anaPerson, r.linkedPerson, r.anaAtBenCo));
    expect(searchRecords(db, 'contact', 'boris', ana)).toEqual([]);
    expect(searchRecords(db, 'contact', 'lina', ana).map((x) => x.id)).toEqual([r.linkedPerson]);
    session.user = ana;
    const csv = await (await contactsCsv(new Request('http://localhost/contacts/export.csv'))).text();
    expect(csv).toContain('Linkwell');
    expect(csv).not.toContain('Hiddenfield');
  });

  test('companies: their own and their deals’ companies, in the list, the export and the search', async () => {
    expect(ids(listCompanies(db, listFilters(), ana).rows)).toEqual(sorted(r.anaCo, r.sharedCo));
    const shared = listCompanies(db, listFilters(), ana).rows.find((x) => x.id === r.sharedCo)!;
    expect(shared).toMatchObject({ contacts: 1, openDeals: 1 });
    // Anaco's open deal is Ben's: not counted for Ana.
    expect(listCompanies(db, listFilters(), ana).rows.find((x) => x.id === r.anaCo)).toMatchObject({ contacts: 1, openDeals: 0 });
    expect(ids(collect(iterateCompanies(db, listFilters(), ana)) as { id: number }[])).toEqual(sorted(r.anaCo, r.sharedCo));
    expect(searchRecords(db, 'company', 'bensco', ana)).toEqual([]);
    expect(searchRecords(db, 'company', 'sharedco', ana).map((x) => x.id)).toEqual([r.sharedCo]);
    session.user = ana;
    const csv = await (await companiesCsv(new Request('http://localhost/companies/export.csv'))).text();
    expect(csv).toContain('Sharedco Partners');
    expect(csv).not.toContain('Bensco');
  });

  test('a contact of theirs at a company they may not see shows no company, and saving it keeps the link', async () => {
    expect(listContacts(db, listFilters(), ana).rows.find((x) => x.id === r.anaAtBenCo)).toMatchObject({ companyId: null, companyName: null });
    expect(collect(iterateContacts(db, listFilters(), ana)).find((x) => x.id === r.anaAtBenCo)).toMatchObject({ company: null });
    expect(getContactHeader(db, r.anaAtBenCo, ana)).toMatchObject({ companyId: null, companyName: null });
    expect(searchRecords(db, 'contact', 'carla', ana)).toEqual([{ id: r.anaAtBenCo, label: 'Carla Crossover', sub: 'carla@crossover.example' }]);
    expect(getContactHeader(db, r.anaAtBenCo, mia)).toMatchObject({ companyId: r.benCo, companyName: 'Bensco Hidden' });
    session.user = ana;
    const saved = await updateContactAction({ contactId: r.anaAtBenCo, firstName: 'Carla', lastName: 'Crossover', email: 'carla@crossover.example', companyName: '', tags: '' } as never);
    expect(saved).toMatchObject({ ok: true });
    expect(contactCompanyId(db, r.anaAtBenCo)).toBe(r.benCo);
    // Another rep's contact cannot be saved through the action either.
    expect(await updateContactAction({ contactId: r.benPerson, firstName: 'X', tags: '' } as never)).toMatchObject({ ok: false, error: 'This contact no longer exists.' });
  });

  test('a contact page: header figures, related deals, tasks and timeline from what they may see', () => {
    expect(getContactHeader(db, r.benPerson, ana)).toBeNull();
    const alma = getContactHeader(db, r.anaPerson, ana)!;
    expect(alma).toMatchObject({ openCents: 0, wonCents: 0 });
    expect(listDealsFor(db, { contactId: r.anaPerson }, ana)).toEqual([]);
    const lina = getContactHeader(db, r.linkedPerson, ana)!;
    expect(lina).toMatchObject({ openCents: 500_000, nextTaskSubject: 'Ana sends proposal' });
    expect(listDealsFor(db, { contactId: r.linkedPerson }, ana).map((d) => d.id)).toEqual([r.anaDeal]);
    expect(listOpenTasksFor(db, { contactId: r.benPerson }, ana)).toEqual([]);
    const titles = listTimeline(db, { contactId: r.linkedPerson }, { limit: 100, viewer: ana }).entries.map((e) => e.title);
    expect(titles).toContain('Mia coached the deal');
    expect(titles).not.toContain('Ben gossip about Lina');
    expect(listTimeline(db, { contactId: r.anaPerson }, { limit: 100, viewer: ana }).entries.map((e) => e.dealId)).not.toContain(r.benDealOnAnaPerson);
    // A manager sees it all.
    expect(listTimeline(db, { contactId: r.linkedPerson }, { limit: 100, viewer: mia }).entries.map((e) => e.title)).toContain('Ben gossip about Lina');
  });

  test('a company page: header roll-ups, people, related deals and timeline', () => {
    expect(getCompanyHeader(db, r.benCo, ana)).toBeNull();
    expect(getCompanyHeader(db, r.anaCo, ana)).toMatchObject({ contacts: 1, openCents: 0 });
    expect(getCompanyHeader(db, r.anaCo, mia)).toMatchObject({ contacts: 1, openCents: 300_000 });
    expect(listCompanyContacts(db, r.sharedCo, ana).map((c) => c.id)).toEqual([r.linkedPerson]);
    // Only the people there they may see (the company's own page is not found to them).
    expect(listCompanyContacts(db, r.benCo, ana).map((c) => c.id)).toEqual([r.anaAtBenCo]);
    expect(listDealsFor(db, { companyId: r.anaCo }, ana)).toEqual([]);
    const keys = listTimeline(db, { companyId: r.sharedCo }, { limit: 100, viewer: ana }).entries.map((e) => e.title);
    expect(keys).toContain('Mia coached the deal');
    expect(keys).not.toContain('Ben gossip about Lina');
    expect(listTimeline(db, { companyId: r.benCo }, { limit: 100, viewer: ana }).entries).toEqual([]);
  });

  test('quotes: their own and those on their deals, in the list, the page, its versions and the PDF', async () => {
    const today = TODAY;
    expect(ids(listQuotes(db, parseQuoteFilters({}, 'all'), ana, today).rows)).toEqual(sorted(r.anaQuote, r.miaQuoteOnAnaDeal));
    expect(listQuotes(db, parseQuoteFilters({ q: 'Ben hidden' }, 'all'), ana, today).total).toBe(0);
    expect(getQuote(db, r.benQuote, ana)).toBeNull();
    expect(getQuote(db, r.miaQuoteOnAnaDeal, ana)?.title).toBe('Mia quote on Ana deal');
    expect(listRevisions(db, getQuote(db, r.benQuote)!.number, ana)).toEqual([]);
    session.user = ana;
    expect((await quotePdf(new Request('http://localhost/pdf'), { params: Promise.resolve({ id: String(r.benQuote) }) })).status).toBe(404);
  });

  test('the dashboard and the forecast: their deals only, even asked for the team', async () => {
    expect(listDealsClosing(db, ana, null, '2026-11-01', '2026-11-30').deals.map((d) => d.id)).toEqual([r.anaDeal]);
    expect(listRottingDeals(db, ana, null, NOW).deals.map((d) => d.id)).toEqual([r.anaDeal]);
    expect(listDealsClosing(db, mia, null, '2026-11-01', '2026-11-30').total).toBe(3);
    expect(listOverdueTasks(db, ana, TODAY).tasks.map((t) => t.id)).toEqual([r.anaTask]);
    const query = { months: ['2026-11'], today: TODAY, timeZone: 'UTC', pipelineId: null, ownerId: null };
    expect(getForecast(db, { ...query, viewer: ana }).rows[0]).toMatchObject({ openDeals: 1, openCents: 500_000 });
    expect(getForecast(db, { ...query, viewer: mia }).rows[0]).toMatchObject({ openDeals: 3 });
    expect(getRepForecast(db, { ...query, viewer: ana }).find((x) => x.userId === ben.id)?.weightedCents).toBe(0);
    session.user = ana;
    const csv = await (await forecastCsv(new Request('http://localhost/forecast/export.csv?range=next6'))).text();
    expect(csv).toContain('5000.00');
    expect(csv).not.toContain('7000.00');
  });

  test('tasks, the calendar feed and price lists', () => {
    const open = listTaskGroups(db, { scope: { ownerId: ana.id }, today: TODAY, limit: 50 });
    expect(open.groups.flatMap((g) => g.rows.map((x) => x.id))).toEqual([r.anaTask]);
    expect(listFeedActivities(db, ana, '2026-11-01').map((x) => x.id)).toEqual([r.anaTask]);
    // Her own task about Ben's company and deal is listed, without naming or linking what she cannot see.
    const about = activity('task', 'Ana asks about Bensco', ana.id, { contactId: r.anaAtBenCo, companyId: r.benCo, dealId: r.benDeal }, { due: '2026-11-10' });
    try {
      const row = listTaskGroups(db, { scope: { ownerId: ana.id }, today: TODAY, limit: 50, viewer: ana }).groups.flatMap((g) => g.rows).find((x) => x.id === about);
      expect(row).toMatchObject({ contactId: r.anaAtBenCo, contactName: 'Carla Crossover', companyId: null, companyName: null, dealId: null, dealTitle: null });
      expect(listOverdueTasks(db, ana, TODAY).tasks.find((x) => x.id === about)).toMatchObject({ contactName: 'Carla Crossover', dealId: null, dealTitle: null });
      expect(listFeedActivities(db, ana, '2026-11-01').find((x) => x.id === about)).toMatchObject({ contactName: 'Carla Crossover', companyName: null, dealTitle: null });
      const asManager = listTaskGroups(db, { scope: { ownerId: ana.id }, today: TODAY, limit: 50, viewer: mia }).groups.flatMap((g) => g.rows).find((x) => x.id === about);
      expect(asManager).toMatchObject({ companyName: 'Bensco Hidden', dealTitle: 'Bensco secret deal' });
    } finally {
      db.$client.prepare('delete from activities where id = ?').run(about);
    }
    db.$client.prepare('insert into price_lists (id, name) values (1, ?)').run('Partners');
    db.$client.prepare('update companies set price_list_id = 1 where id = ?').run(r.benCo);
    expect(getCompanyPriceList(db, r.benCo, ana)).toBeNull();
    expect(getCompanyPriceList(db, r.benCo, mia)?.name).toBe('Partners');
  });
});

describe('with "only their own", a rep cannot change what they cannot see: it is not found', () => {
  test('deals', () => {
    const v = version('deals', r.benDeal);
    expect(() => moveDeal(db, { dealId: r.benDeal, toStageId: 2, aboveId: null, version: v }, ana)).toThrow('This deal no longer exists.');
    expect(() => closeDeal(db, { dealId: r.benDeal, version: v, status: 'won', lostReason: null }, ana)).toThrow('This deal no longer exists.');
    expect(() => reopenDeal(db, { dealId: r.benDeal, version: v }, ana)).toThrow('This deal no longer exists.');
    expect(() =>
      updateDeal(db, { dealId: r.benDeal, version: v, title: 'Mine now', valueCents: 1, expectedCloseDate: null, companyId: null, contactId: null, source: null, ownerId: null, probabilityOverride: null }, ana),
    ).toThrow('This deal no longer exists.');
    expect(version('deals', r.benDeal)).toBe(v);
    // Nor can a new deal point at Ben's contact or company.
    expect(() => createDeal(db, { title: 'Poach', valueCents: 0, expectedCloseDate: null, companyId: null, contactId: r.benPerson, source: null, pipelineId: 1, stageId: 1, ownerId: null }, ana)).toThrow(
      'That contact no longer exists',
    );
  });

  test('contacts and companies', () => {
    expect(() => updateContact(db, r.benPerson, contactSchema.parse({ firstName: 'X', tags: '' }), ana)).toThrow('This contact no longer exists.');
    expect(() => updateCompany(db, r.benCo, companySchema.parse({ name: 'X', tags: '' }), ana)).toThrow('This company no longer exists.');
    expect(getContactHeader(db, r.benPerson)?.firstName).toBe('Boris');
    // An email taken by a contact they cannot see is refused without naming it.
    expect(() => createContact(db, contactSchema.parse({ firstName: 'Dup', email: 'boris@bensco.example', tags: '' }), ana)).toThrow('Another contact already has this email.');
    // A company typed by name is found only among those they may see; a hidden one is not reused.
    const made = findOrCreateCompanyByName(db, 'bensco hidden', ana.id, ana);
    expect(made.id).not.toBe(r.benCo);
    expect(findOrCreateCompanyByName(db, 'bensco hidden', mia.id, mia).id).toBe(r.benCo);
    // Saving a contact keeps the company it already has, even one the rep cannot see.
    expect(findOrCreateCompanyByName(db, 'Bensco Hidden', ana.id, ana, r.benCo).id).toBe(r.benCo);
    expect(contactCompanyId(db, r.linkedPerson)).toBe(r.sharedCo);
    db.$client.prepare('delete from companies where id = ?').run(made.id);
  });

  test('activities and tasks', () => {
    const log = (fields: Record<string, unknown>) => logActivitySchema.parse({ type: 'note', subject: 'Sneaky', date: TODAY, followUp: false, ...fields });
    expect(() => logActivity(db, log({ dealId: r.benDeal }), ana, NOW, TODAY)).toThrow('That deal no longer exists');
    expect(() => logActivity(db, log({ contactId: r.benPerson }), ana, NOW, TODAY)).toThrow('That contact no longer exists');
    expect(() => logActivity(db, log({ companyId: r.benCo }), ana, NOW, TODAY)).toThrow('That company no longer exists');
    expect(() => editActivity(db, { activityId: r.benCall, subject: 'Edited' }, ana)).toThrow('This entry no longer exists.');
    expect(() => deleteActivity(db, r.benCall, ana)).toThrow('This entry no longer exists.');
    expect(() => completeTask(db, r.benTask, ana, NOW)).toThrow('This task no longer exists.');
    expect(() => snoozeTask(db, r.benTask, 'tomorrow', ana, TODAY)).toThrow('This task no longer exists.');
    expect(db.$client.prepare('select done_at as d from activities where id = ?').get(r.benTask)).toEqual({ d: null });
  });

  test('quotes', () => {
    const v = version('quotes', r.benQuote);
    const fields = updateQuoteSchema.parse({ quoteId: r.benQuote, version: v, title: 'Mine', validUntil: '2026-12-20', paymentTerms: 'net_30', lines: '[]' });
    expect(() => updateQuote(db, r.benQuote, v, fields, ana, NOW)).toThrow('This quote no longer exists.');
    expect(() => sendQuote(db, r.benQuote, v, ana, NOW)).toThrow('This quote no longer exists.');
    expect(() => reviseQuote(db, r.benQuote, v, ana, TODAY, NOW)).toThrow('This quote no longer exists.');
    expect(() => quote('On Ben deal', ana, r.benDeal, null)).toThrow('This deal no longer exists.');
    expect(() => quote('For Ben company', ana, null, r.benCo)).toThrow('That company no longer exists');
    expect(version('quotes', r.benQuote)).toBe(v);
  });
});

describe('who sees everything', () => {
  test('managers and admins, under "only their own"', () => {
    expect(listDeals(db, dealFilters({}, 'manager'), mia, { sort: 'title', dir: 'asc', page: 1 }).total).toBe(3);
    expect(listContacts(db, listFilters(), mia).total).toBe(4);
    expect(getQuote(db, r.benQuote, mia)).not.toBeNull();
    expect(canSee(db, { id: 1, role: 'admin' }, 'deal', r.benDeal)).toBe(true);
  });

  test('reps again, once the setting is back on "everything"', () => {
    setRepsSee('everything');
    expect(ids(listColumnCards(db, 1, dealFilters(), ana).cards)).toEqual(sorted(r.anaDeal, r.benDeal, r.benDealOnAnaPerson));
    expect(listContacts(db, listFilters(), ana).total).toBe(4);
    expect(listCompanies(db, listFilters(), ana).total).toBe(3);
    expect(getDealDetail(db, r.benDeal, ana)?.title).toBe('Bensco secret deal');
    expect(getContactHeader(db, r.benPerson, ana)).toMatchObject({ openCents: 700_000 });
    expect(getQuote(db, r.benQuote, ana)).not.toBeNull();
    expect(searchRecords(db, 'company', 'bensco', ana).map((x) => x.id)).toEqual([r.benCo]);
    expect(listTimeline(db, { contactId: r.linkedPerson }, { limit: 100, viewer: ana }).entries.map((e) => e.title)).toContain('Ben gossip about Lina');
    // Their own-deals-only rules for changes stay as they were.
    expect(() => moveDeal(db, { dealId: r.benDeal, toStageId: 2, aboveId: null, version: version('deals', r.benDeal) }, ana)).toThrow('You can only change your own deals.');
  });
});
