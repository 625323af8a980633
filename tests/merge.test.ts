import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/db/queries/users';
import { createTestDb } from './support/db';

// Merging contacts and companies against a real migrated database: every row pointing at the
// merged-away record moves (found the way the merge finds them, by the schema's foreign keys), the
// picks and blank-filling, the version check, redirects one hop deep, the timeline entry, and who may
// merge. Only the session (and Next's cache) is mocked, for the action.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
let db: Db;
vi.mock('@/db', () => ({ getDb: () => db }));

const { createCompany } = await import('@/db/queries/companies');
const { createContact, updateContact } = await import('@/db/queries/contacts');
const { createDeal } = await import('@/db/queries/deals');
const { logActivity } = await import('@/db/queries/activity-log');
const { getMergeView, mergedInto, mergeRecords, referencesTo, staleMergeMessage } = await import('@/db/queries/merge');
const { refreshMatchKeys } = await import('@/db/queries/match-keys');
const { listTimeline } = await import('@/db/queries/timeline');
const { seedWorkspace } = await import('@/db/seed');
const { contactSchema } = await import('@/lib/contacts/schemas');
const { logActivitySchema } = await import('@/lib/timeline/log-schema');
const { AppError } = await import('@/lib/errors');
const { mergeContactsAction } = await import('@/app/(app)/contacts/merge/actions');

const admin: SessionUser = { id: 1, name: 'Olivia Owner', email: 'owner@demo.local', role: 'admin' };
const manager: SessionUser = { id: 2, name: 'Mia Manager', email: 'mia@demo.local', role: 'manager' };
const rep: SessionUser = { id: 3, name: 'Ana Rivera', email: 'ana@demo.local', role: 'rep' };
const TODAY = '2026-11-22';

beforeEach(() => {
  db = createTestDb();
  seedWorkspace(db, { companies: 4, contacts: 6, deals: 4, activities: 4, seed: 5, today: TODAY });
  session.user = admin;
});

const one = <T>(query: string, ...params: unknown[]) => db.$client.prepare(query).get(...params) as T;
const all = <T>(query: string, ...params: unknown[]) => db.$client.prepare(query).all(...params) as T[];

function contact(fields: Record<string, unknown>, others: { emails?: string; phones?: string } = {}): number {
  const { id } = createContact(db, contactSchema.parse({ lastName: '', tags: '', ...fields }), admin);
  if (others.emails || others.phones) {
    db.$client.prepare('update contacts set other_emails = ?, other_phones = ? where id = ?').run(others.emails ?? null, others.phones ?? null, id);
    refreshMatchKeys(db, 'contact', [id]);
  }
  return id;
}
const company = (name: string, fields: Record<string, unknown> = {}) => createCompany(db, { name, domain: null, tags: [], ownerId: null, ...fields } as never, admin).id;
const stage = () => one<{ id: number; pipelineId: number }>('select id, pipeline_id as pipelineId from stages order by id limit 1');
const deal = (title: string, link: { contactId?: number | null; companyId?: number | null }) =>
  createDeal(db, { title, valueCents: 1000, expectedCloseDate: null, companyId: link.companyId ?? null, contactId: link.contactId ?? null, source: null, pipelineId: stage().pipelineId, stageId: stage().id, ownerId: null }, admin).id;
const activity = (subject: string, link: { contactId?: number; companyId?: number }, followUp?: string) =>
  logActivity(
    db,
    logActivitySchema.parse({ type: 'call', subject, date: TODAY, contactId: link.contactId ?? '', companyId: link.companyId ?? '', ...(followUp ? { followUp: 'on', followUpSubject: followUp, followUpDue: '2026-12-01' } : {}) }),
    admin,
    Date.now(),
    TODAY,
  );
let quoteNumber = 0;
const quote = (link: { contactId?: number | null; companyId?: number | null }) =>
  Number(
    db.$client
      .prepare(`insert into quotes (number, title, contact_id, company_id, owner_id, currency, valid_until, public_token) values (?, 'Q', ?, ?, 1, 'USD', '2026-12-31', ?)`)
      .run(`T-${++quoteNumber}`, link.contactId ?? null, link.companyId ?? null, `tok${quoteNumber}`.padEnd(24, 'x')).lastInsertRowid,
  );
const version = (kind: 'contact' | 'company', id: number) => one<{ v: number }>(`select updated_at as v from ${kind === 'contact' ? 'contacts' : 'companies'} where id = ?`, id).v;
const merge = (kind: 'contact' | 'company', keepId: number, otherId: number, choices = {}, actor = admin) =>
  mergeRecords(db, kind, { keepId, otherId, keepVersion: version(kind, keepId), otherVersion: version(kind, otherId), choices }, actor);
const tagsOf = (id: number) => all<{ name: string }>('select t.name from contact_tags ct join tags t on t.id = ct.tag_id where ct.contact_id = ? order by t.name', id).map((r) => r.name);

/** Rows of every table that references contacts (or companies) still pointing at this id. */
function leftPointingAt(kind: 'contact' | 'company', id: number): string[] {
  const target = kind === 'contact' ? 'contacts' : 'companies';
  const found: string[] = [];
  for (const { name } of all<{ name: string }>(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and sql not like 'CREATE VIRTUAL%'`)) {
    for (const fk of db.$client.pragma(`foreign_key_list("${name}")`) as { table: string; from: string }[]) {
      if (fk.table !== target) continue;
      const n = one<{ n: number }>(`select count(*) as n from "${name}" where "${fk.from}" = ?`, id).n;
      if (n) found.push(`${name}.${fk.from}: ${n}`);
    }
  }
  return found;
}

function refusal(run: () => unknown): InstanceType<typeof AppError> {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

test('a contact merge moves deals, activities and tasks, quotes, tags, other emails and phones, and leaves nothing pointing at the old id', () => {
  const acme = company('Acme');
  const ann = contact({ firstName: 'Ann', lastName: 'Lee', email: 'ann@acme.example', phone: '(415) 555-0100', tags: 'VIP', companyId: acme }, { emails: 'ann.lee@home.example' });
  const dup = contact({ firstName: 'Anne', lastName: 'Lee', email: 'anne@lee.example', phone: '+1 415.555.0100', tags: 'VIP, Golf' }, { emails: 'ANN.LEE@home.example\nanne@old.example', phones: '+1 415 555 0199' });
  deal('Ann’s deal', { contactId: ann });
  const d1 = deal('Anne’s first deal', { contactId: dup, companyId: acme });
  const d2 = deal('Anne’s second deal', { contactId: dup });
  const { activityId, taskId } = activity('Intro call', { contactId: dup }, 'Send the deck');
  const q = quote({ contactId: dup });
  const dealVersion = one<{ v: number }>('select version as v from deals where id = ?', d1).v;

  const { keptId } = merge('contact', ann, dup);
  expect(keptId).toBe(ann);
  expect(one('select count(*) as n from contacts where id = ?', dup)).toEqual({ n: 0 });
  expect(leftPointingAt('contact', dup)).toEqual([]);
  expect(all<{ id: number }>('select id from deals where contact_id = ? order by id', ann).map((r) => r.id)).toEqual(expect.arrayContaining([d1, d2]));
  expect(all<{ id: number }>('select id from activities where contact_id = ?', ann).map((r) => r.id)).toEqual(expect.arrayContaining([activityId, taskId]));
  expect(one('select contact_id as c from quotes where id = ?', q)).toEqual({ c: ann });
  expect(tagsOf(ann)).toEqual(['Golf', 'VIP']);
  // A moved deal's version moves on, so a form still open on it with the old contact is refused.
  expect(one<{ v: number }>('select version as v from deals where id = ?', d1).v).toBe(dealVersion + 1);
  // The losing primary email and both records' others are kept once each; the same phone in two spellings once.
  const merged = one<{ email: string; other_emails: string; phone: string; other_phones: string; first_name: string }>('select * from contacts where id = ?', ann);
  expect(merged).toMatchObject({ first_name: 'Ann', email: 'ann@acme.example', phone: '(415) 555-0100' });
  expect(merged.other_emails.split('\n')).toEqual(['ann.lee@home.example', 'anne@lee.example', 'anne@old.example']);
  expect(merged.other_phones.split('\n')).toEqual(['+1 415 555 0199']);
  // The merge row: the old record as it was, and what moved.
  const row = one<{ old_id: number; kept_id: number; old_name: string; snapshot: string; merged_by: number }>('select * from record_merges where old_id = ?', dup);
  expect(row).toMatchObject({ kept_id: ann, old_name: 'Anne Lee', merged_by: admin.id });
  expect(JSON.parse(row.snapshot)).toMatchObject({ id: dup, email: 'anne@lee.example', first_name: 'Anne', _moved: { deals: 2, activities: 2, quotes: 1, contact_tags: 1 } });
  // Search no longer finds the merged-away contact (the FTS triggers of migration 0003).
  expect(all('select rowid from contacts_fts where contacts_fts match ?', '"anne"')).toEqual([]);
});

test('picks win; a blank is filled from the other; notes are combined unless one side is picked', () => {
  const globex = company('Globex');
  const a = contact({ firstName: 'Ann', email: 'a@one.example', notes: 'Met at the fair.' });
  const b = contact({ firstName: 'Ann', lastName: 'Lee', email: 'b@two.example', title: 'CTO', companyId: globex, source: 'Event', notes: 'Prefers email.' });
  merge('contact', a, b, { email: 'other', source: 'keep' });
  expect(one('select first_name, last_name, email, other_emails, title, company_id, source, notes from contacts where id = ?', a)).toEqual({
    first_name: 'Ann',
    last_name: 'Lee',
    email: 'b@two.example',
    other_emails: 'a@one.example',
    title: 'CTO',
    company_id: globex,
    source: null,
    notes: 'Met at the fair.\n\nPrefers email.',
  });
  const c = contact({ firstName: 'Cy', notes: 'Old notes' });
  const d = contact({ firstName: 'Cy', notes: 'New notes' });
  merge('contact', c, d, { notes: 'other' });
  expect(one('select notes from contacts where id = ?', c)).toEqual({ notes: 'New notes' });
});

test('company fields: picks, blank-filling and the price list', () => {
  const list = Number(db.$client.prepare(`insert into price_lists (name) values ('Partners')`).run().lastInsertRowid);
  const a = company('Acme Inc', { industry: 'Retail' });
  const b = company('ACME', { domain: 'acme.example', industry: 'Software', size: '11-50' });
  db.$client.prepare('update companies set price_list_id = ?, external_id = ? where id = ?').run(list, 'CRM-7', b);
  merge('company', a, b, { industry: 'other' });
  expect(one('select name, domain, industry, size, price_list_id as priceList, external_id as ext from companies where id = ?', a)).toEqual({
    name: 'Acme Inc',
    domain: 'acme.example',
    industry: 'Software',
    size: '11-50',
    priceList: list,
    ext: 'CRM-7',
  });
});

describe('a concurrent edit of either record refuses the merge with the version message', () => {
  test.each(['kept', 'other'] as const)('the %s record changed after the page was read', async (which) => {
    const a = contact({ firstName: 'Ann', email: 'ann@one.example' });
    const b = contact({ firstName: 'Ann', email: 'ann@two.example' });
    const versions = { keepVersion: version('contact', a), otherVersion: version('contact', b) };
    // The page was read; then someone saves one of them (a millisecond later at least).
    const since = Math.max(versions.keepVersion, versions.otherVersion);
    while (Date.now() <= since) await new Promise((r) => setTimeout(r, 1));
    updateContact(db, which === 'kept' ? a : b, contactSchema.parse({ firstName: 'Ann', lastName: 'Edited', tags: '', email: which === 'kept' ? 'ann@one.example' : 'ann@two.example' }), admin);
    const error = refusal(() => mergeRecords(db, 'contact', { keepId: a, otherId: b, ...versions, choices: {} }, admin));
    expect(error.message).toBe(staleMergeMessage('contact'));
    expect(error.message).toBe('Someone else changed one of these contacts meanwhile. Reload to see their change, then try again.');
    expect(error.details).toEqual({ stale: 1 });
    expect(all('select id from contacts where id in (?, ?)', a, b)).toHaveLength(2);
    expect(all('select id from record_merges')).toEqual([]);
  });
});

test('A merged into B, then B into C: both old ids lead to C in one hop, and C’s timeline has both merges', () => {
  const a = contact({ firstName: 'Ann', lastName: 'One' });
  const b = contact({ firstName: 'Ann', lastName: 'Two' });
  const c = contact({ firstName: 'Ann', lastName: 'Three' });
  merge('contact', b, a);
  expect(mergedInto(db, 'contact', a)).toBe(b);
  merge('contact', c, b);
  expect(mergedInto(db, 'contact', a)).toBe(c);
  expect(mergedInto(db, 'contact', b)).toBe(c);
  expect(mergedInto(db, 'contact', c)).toBeNull();
  expect(all<{ kept_id: number }>('select kept_id from record_merges order by id').map((r) => r.kept_id)).toEqual([c, c]);
  const merges = listTimeline(db, { contactId: c }, { types: ['merge'] }).entries.map((e) => e.title);
  expect(merges).toEqual([`Merged with Ann Two (#${b})`, `Merged with Ann One (#${a})`]);
  // A company with the same id as a merged contact is not redirected.
  expect(mergedInto(db, 'company', a)).toBeNull();
});

test('dismissals and duplicate pairs of the merged-away record go; the kept record is scored again with what it took over', () => {
  const a = contact({ firstName: 'Ann', lastName: 'Lee', email: 'ann@one.example' });
  const b = contact({ firstName: 'Bob', lastName: 'Stone', email: 'bob@two.example', phone: '+1 415 555 0123' });
  const c = contact({ firstName: 'Cat', lastName: 'Moss', email: 'cat@three.example', phone: '415-555-0123' });
  db.$client.prepare(`insert into duplicate_dismissals (kind, low_id, high_id, dismissed_by) values ('contact', ?, ?, 1), ('contact', ?, ?, 1)`).run(a, b, b, c);
  expect(all('select * from contact_duplicate_pairs where low_id = ? and high_id = ?', b, c)).toHaveLength(1);
  merge('contact', a, b);
  expect(all('select * from duplicate_dismissals')).toEqual([]);
  expect(all('select * from contact_duplicate_pairs where ? in (low_id, high_id)', b)).toEqual([]);
  expect(all('select * from contact_match_keys where contact_id = ?', b)).toEqual([]);
  // Ann took Bob's phone: she and Cat are now a likely pair.
  expect(all<{ low_id: number; high_id: number }>('select low_id, high_id from contact_duplicate_pairs where ? in (low_id, high_id)', a)).toEqual([{ low_id: a, high_id: c }]);
});

test('the kept record’s timeline says what was merged, by whom, and what moved; filters by type still work', () => {
  const a = contact({ firstName: 'Ann', lastName: 'Lee' });
  const b = contact({ firstName: 'Ann', lastName: 'Leigh', tags: 'VIP' });
  deal('One', { contactId: b });
  activity('Called Ann', { contactId: b }, 'Call again');
  activity('Called Ann first', { contactId: a });
  merge('contact', a, b, {}, manager);
  const { entries } = listTimeline(db, { contactId: a });
  const entry = entries.find((e) => e.type === 'merge')!;
  expect(entry).toMatchObject({ title: `Merged with Ann Leigh (#${b})`, userName: 'Mia Manager', body: 'Moved 1 deal, 2 activities and tasks and 1 tag.', activityId: null });
  expect(entries.map((e) => e.title)).toEqual(expect.arrayContaining(['Called Ann', 'Call again', 'Called Ann first', 'Deal created']));
  expect(listTimeline(db, { contactId: a }, { types: ['call'] }).entries.every((e) => e.type === 'call')).toBe(true);
  expect(listTimeline(db, { contactId: a }, { types: ['merge'] }).entries).toHaveLength(1);
  // Paging back in time passes the merge entry by its key like any other.
  const first = listTimeline(db, { contactId: a }, { limit: 1 });
  const rest = listTimeline(db, { contactId: a }, { before: first.next });
  expect([...first.entries, ...rest.entries].map((e) => e.key)).toEqual(entries.map((e) => e.key));
});

test('refusals: a rep, the same record twice, a record that no longer exists', async () => {
  const a = contact({ firstName: 'Ann' });
  const b = contact({ firstName: 'Ann' });
  expect(refusal(() => merge('contact', a, b, {}, rep)).message).toBe('Only admins and managers can merge contacts.');
  expect(refusal(() => merge('contact', a, a)).message).toBe('Pick two different contacts to merge.');
  expect(refusal(() => mergeRecords(db, 'contact', { keepId: a, otherId: 99_999, keepVersion: version('contact', a), otherVersion: 1, choices: {} }, admin)).message).toBe(
    'This contact no longer exists.',
  );
  merge('contact', a, b);
  // The page's second submit, after the first went through.
  expect(refusal(() => mergeRecords(db, 'contact', { keepId: a, otherId: b, keepVersion: version('contact', a), otherVersion: 1, choices: {} }, admin)).message).toBe(
    'This contact no longer exists.',
  );

  // Through the action: the role is checked before anything else.
  const c = contact({ firstName: 'Cy', email: 'cy@one.example' });
  const d = contact({ firstName: 'Cy', email: 'cy@two.example' });
  const form = new FormData();
  for (const [k, v] of Object.entries({ ids: `${c},${d}`, versions: `${version('contact', c)},${version('contact', d)}`, keep: String(d), pick_email: String(c) })) form.append(k, v);
  session.user = rep;
  expect(await mergeContactsAction(form)).toEqual({ ok: false, error: 'You are not allowed to do that.' });
  session.user = manager;
  expect(await mergeContactsAction(form)).toEqual({ ok: true, data: { id: d } });
  expect(one('select email, other_emails from contacts where id = ?', d)).toEqual({ email: 'cy@one.example', other_emails: 'cy@two.example' });
});

test('a company merge repoints contacts, deals, quotes, activities and tags, and recomputes the moved contacts’ keys', () => {
  const kept = company('Acme', { tags: ['Partner'] });
  const gone = company('Acme Ltd', { tags: ['Partner', 'VIP'] });
  const annHere = contact({ firstName: 'Ann', lastName: 'Lee', email: 'ann@acme.example', companyId: kept });
  const annThere = contact({ firstName: 'Ann', lastName: 'Lee', email: 'ann.lee@acme.example', companyId: gone });
  const bob = contact({ firstName: 'Bob', lastName: 'Stone', companyId: gone });
  // Same name in different companies is no evidence.
  expect(all('select * from contact_duplicate_pairs where low_id = ? and high_id = ?', annHere, annThere)).toEqual([]);
  const d = deal('Acme Ltd renewal', { companyId: gone, contactId: bob });
  const q = quote({ companyId: gone });
  const { activityId } = activity('Called the office', { companyId: gone });
  // A contact merge on the way is not the company's to show.
  const spare = contact({ firstName: 'Ann', lastName: 'Spare', companyId: kept });
  merge('contact', annHere, spare);

  merge('company', kept, gone);
  expect(leftPointingAt('company', gone)).toEqual([]);
  expect(all<{ company_id: number }>('select company_id from contacts where id in (?, ?)', annThere, bob)).toEqual([{ company_id: kept }, { company_id: kept }]);
  expect(one('select company_id as c from deals where id = ?', d)).toEqual({ c: kept });
  expect(one('select company_id as c from quotes where id = ?', q)).toEqual({ c: kept });
  expect(one('select company_id as c from activities where id = ?', activityId)).toEqual({ c: kept });
  expect(all<{ name: string }>('select t.name from company_tags ct join tags t on t.id = ct.tag_id where ct.company_id = ? order by t.name', kept).map((r) => r.name)).toEqual(['Partner', 'VIP']);
  // Both Anns now work at one company: their name keys match, and they are a likely pair.
  const pair = one<{ reasons: string }>('select reasons from contact_duplicate_pairs where low_id = ? and high_id = ?', Math.min(annHere, annThere), Math.max(annHere, annThere));
  expect(JSON.parse(pair.reasons).map((r: { kind: string }) => r.kind)).toContain('name');
  // The company's timeline has the company merge only, with what moved.
  const merges = listTimeline(db, { companyId: kept }, { types: ['merge'] }).entries;
  expect(merges.map((e) => [e.title, e.body])).toEqual([[`Merged with Acme Ltd (#${gone})`, 'Moved 2 contacts, 1 deal, 1 activity or task, 1 quote and 1 tag.']]);
  expect(mergedInto(db, 'company', gone)).toBe(kept);
});

test('references are found from the schema, a table a later feature adds included, and every one is indexed', () => {
  // A table added later that points at contacts: a merge moves its rows without being told about it.
  db.$client.exec(`create table later_feature (id integer primary key, contact_id integer references contacts(id) on delete cascade, note text);
                   create index later_feature_contact_idx on later_feature (contact_id);`);
  const refs = (kind: 'contact' | 'company') => referencesTo(db, kind).map((r) => `${r.table}.${r.column}${r.keyed ? ' (keyed)' : ''}`).sort();
  // At least these (other features may add more); never the keys and pairs, which are recomputed.
  expect(refs('contact')).toEqual(expect.arrayContaining(['activities.contact_id', 'contact_tags.contact_id (keyed)', 'deals.contact_id', 'later_feature.contact_id', 'quotes.contact_id']));
  expect(refs('company')).toEqual(expect.arrayContaining(['activities.company_id', 'company_tags.company_id (keyed)', 'contacts.company_id', 'deals.company_id', 'quotes.company_id']));
  expect([...refs('contact'), ...refs('company')].filter((r) => /match_keys|duplicate_pairs|record_merges/.test(r))).toEqual([]);
  const a = contact({ firstName: 'Ann' });
  const b = contact({ firstName: 'Ann' });
  db.$client.prepare(`insert into later_feature (contact_id, note) values (?, 'x'), (?, 'y')`).run(b, b);
  merge('contact', a, b);
  expect(all('select contact_id from later_feature')).toEqual([{ contact_id: a }, { contact_id: a }]);
  expect(leftPointingAt('contact', b)).toEqual([]);
  // A merge costs the same at any size: each moved column is looked up by an index that starts with it.
  for (const kind of ['contact', 'company'] as const) {
    for (const ref of referencesTo(db, kind)) {
      const leading = (db.$client.pragma(`index_list("${ref.table}")`) as { name: string }[]).map(
        (i) => (db.$client.pragma(`index_info("${i.name}")`) as { seqno: number; name: string }[]).find((c) => c.seqno === 0)?.name,
      );
      expect(leading, `${ref.table}.${ref.column} is indexed`).toContain(ref.column);
    }
  }
});

test('the merge page’s view: ids checked, both records with what would move, defaults by deals then age', () => {
  const older = contact({ firstName: 'Ann', email: 'ann@one.example', title: 'CEO' });
  const newer = contact({ firstName: 'Ann', lastName: 'Lee', email: 'ann@two.example', tags: 'VIP' });
  expect(getMergeView(db, 'contact', `${older}`, admin)).toMatchObject({ ok: false, message: 'Pick two different contacts to merge.' });
  expect(getMergeView(db, 'contact', `${older},${older}`, admin)).toMatchObject({ ok: false });
  let view = getMergeView(db, 'contact', `${newer},${older}`, admin);
  if (!view.ok) throw new Error(view.message);
  expect(view.defaultKeepId).toBe(older);
  expect(view.sides[0].counts).toEqual([
    { label: 'deals', count: 0 },
    { label: 'activities', count: 0 },
    { label: 'tasks', count: 0 },
    { label: 'quotes', count: 0 },
    { label: 'tags', count: 1 },
  ]);
  const title = view.fields.find((f) => f.key === 'title')!;
  expect(title).toMatchObject({ differs: true, defaults: { [older]: String(older), [newer]: String(older) } });
  expect(view.fields.find((f) => f.key === 'firstName')).toMatchObject({ differs: false });
  deal('Makes the newer one the keeper', { contactId: newer });
  view = getMergeView(db, 'contact', `${older},${newer}`, admin);
  expect(view.ok && view.defaultKeepId).toBe(newer);
  merge('contact', newer, older);
  expect(getMergeView(db, 'contact', `${older},${newer}`, admin)).toEqual({ ok: false, message: 'One of these contacts no longer exists. It may have been merged already.', mergedIntoId: newer });
});
