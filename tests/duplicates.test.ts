import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/db/queries/users';
import { seedEmptyWorkspace } from '@/db/seed';
import { companySchema, contactSchema } from '@/lib/contacts/schemas';
import { createTestDb } from './support/db';

// The duplicates screens' reads and the forms' "this looks like" check, against a real migrated
// database whose pairs are kept by the writes themselves (db/queries/match-keys.ts). Only the session
// is mocked, for the actions.

const session: { user: SessionUser | null } = { user: null };
let db: Db;
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('@/db', () => ({ getDb: () => db }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

const { countDuplicatePairs, dismissDuplicatePair, findLikelyDuplicates, listDuplicatePairs, restoreDuplicatePair } = await import('@/db/queries/duplicates');
const { createContact, getContactHeader, updateContact } = await import('@/db/queries/contacts');
const { createCompany } = await import('@/db/queries/companies');
const contactDuplicates = await import('@/app/(app)/contacts/duplicates/actions');
const companyDuplicates = await import('@/app/(app)/companies/duplicates/actions');
const { createContactAction, updateContactAction } = await import('@/app/(app)/contacts/actions');
const { GET: contactsCsv } = await import('@/app/(app)/contacts/export.csv/route');

const admin: SessionUser = { id: 1, name: 'Olivia Owner', email: 'owner@example.test', role: 'admin' };
const mia: SessionUser = { id: 2, name: 'Mia Manager', email: 'mia@example.test', role: 'manager' };
const ana: SessionUser = { id: 3, name: 'Ana Rivera', email: 'ana@example.test', role: 'rep' };
const ben: SessionUser = { id: 4, name: 'Ben Carter', email: 'ben@example.test', role: 'rep' };

const PAGE = { limit: 50, offset: 0 };
const r = {} as Record<'acme' | 'ann' | 'anne' | 'bob' | 'rob' | 'carl' | 'carlo' | 'loner', number>;

const company = (name: string, domain: string | null, owner = admin) => createCompany(db, companySchema.parse({ name, domain, ownerId: owner.id, tags: '' }), owner).id;
const contact = (fields: Record<string, unknown>, owner = admin) => createContact(db, contactSchema.parse({ tags: '', ownerId: owner.id, ...fields }), owner).id;
const form = (fields: Record<string, string | number>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
  return f;
};
const pairIds = (pairs: { low: { id: number }; high: { id: number } }[]) => pairs.map((p) => [p.low.id, p.high.id]);

beforeEach(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: admin.name, email: admin.email, password: 'password1' });
  for (const u of [mia, ana, ben]) db.$client.prepare(`insert into users (id, name, email, password_hash, role) values (?, ?, ?, 'x', ?)`).run(u.id, u.name, u.email, u.role);
  session.user = admin;
  r.acme = company('Acme Inc', 'acme.example');
  // Ann and Anne: the same address (Anne's as another email), the same line, nearly the same name at Acme.
  r.ann = contact({ firstName: 'Ann', lastName: 'Lee', email: 'ann@acme.example', phone: '+1 415 555 0100', companyId: r.acme }, ana);
  r.anne = contact({ firstName: 'Anne', lastName: 'Lee', email: 'anne.lee@acme.example', otherEmails: 'ANN@acme.example', phone: '(415) 555-0100', companyId: r.acme }, ben);
  // Bob and Rob share only a phone, written differently.
  r.bob = contact({ firstName: 'Bob', lastName: 'Stone', phone: '+1 415 555 0199' }, ana);
  r.rob = contact({ firstName: 'Rob', lastName: 'Stone', phone: '415.555.0199' }, ana);
  // Carl and Karl: only a similar name at the same company.
  r.carl = contact({ firstName: 'Carl', lastName: 'Weber', companyId: r.acme }, ana);
  r.carlo = contact({ firstName: 'Karl', lastName: 'Weber', companyId: r.acme }, ana);
  r.loner = contact({ firstName: 'Zoe', lastName: 'Quist', email: 'zoe@elsewhere.example' });
  db.$client
    .prepare(
      `insert into deals (title, value_cents, pipeline_id, stage_id, position, owner_id, contact_id, company_id, stage_changed_at, created_at, updated_at)
       values ('Acme boards', 100000, 1, 1, 'a0', ?, ?, ?, 0, 0, 0)`,
    )
    .run(ana.id, r.ann, r.acme);
});

const setRepsSee = (value: 'everything' | 'own') => db.$client.prepare('update workspace set reps_see = ? where id = 1').run(value);

describe('the duplicates list', () => {
  test('lists pairs best first, lower id first, with the reasons and what the screen shows of each record', () => {
    const pairs = listDuplicatePairs(db, 'contact', PAGE, admin);
    expect(pairIds(pairs)).toEqual([
      [r.ann, r.anne],
      [r.bob, r.rob],
      [r.carl, r.carlo],
    ]);
    expect(pairs.map((p) => p.score)).toEqual([...pairs.map((p) => p.score)].sort((a, b) => b - a));
    expect(pairs[0].reasons.map((x) => x.kind).sort()).toEqual(['email', 'name', 'phone']);
    expect(pairs[0].reasons).toContainEqual({ kind: 'email', value: 'ann@acme.example' });
    expect(pairs[1].reasons).toEqual([{ kind: 'phone', value: '+14155550199' }]);
    expect(pairs[2].reasons).toEqual([{ kind: 'name', similarity: expect.any(Number) }]);
    expect(pairs[0].low).toMatchObject({ id: r.ann, name: 'Ann Lee', email: 'ann@acme.example', phone: '+1 415 555 0100', companyId: r.acme, companyName: 'Acme Inc', ownerName: 'Ana Rivera', deals: 1 });
    expect(pairs[0].high).toMatchObject({ id: r.anne, name: 'Anne Lee', ownerName: 'Ben Carter', deals: 0 });
    expect(countDuplicatePairs(db, 'contact', admin)).toBe(3);
    // A page is a slice of the same order.
    expect(pairIds(listDuplicatePairs(db, 'contact', { limit: 1, offset: 1 }, mia))).toEqual([[r.bob, r.rob]]);
  });

  test('companies: the same domain or name, with counts of their contacts and deals', () => {
    const again = company('ACME, LLC', null);
    const pairs = listDuplicatePairs(db, 'company', PAGE, admin);
    expect(pairIds(pairs)).toEqual([[r.acme, again]]);
    expect(pairs[0].reasons).toEqual([{ kind: 'company_name', value: 'acme' }]);
    expect(pairs[0].low).toMatchObject({ name: 'Acme Inc', domain: 'acme.example', contacts: 4, deals: 1 });
    expect(pairs[0].high).toMatchObject({ name: 'ACME, LLC', contacts: 0, deals: 0 });
    expect(countDuplicatePairs(db, 'company', admin)).toBe(1);
  });

  test('a dismissed pair stays dismissed, in either order, also after its records are edited and scored again; restoring brings it back', () => {
    dismissDuplicatePair(db, 'contact', r.rob, r.bob, admin);
    dismissDuplicatePair(db, 'contact', r.bob, r.rob, mia); // idempotent
    expect(db.$client.prepare('select kind, low_id as low, high_id as high, dismissed_by as by from duplicate_dismissals').all()).toEqual([{ kind: 'contact', low: r.bob, high: r.rob, by: admin.id }]);
    expect(pairIds(listDuplicatePairs(db, 'contact', PAGE, admin))).toEqual([
      [r.ann, r.anne],
      [r.carl, r.carlo],
    ]);
    expect(countDuplicatePairs(db, 'contact', admin)).toBe(2);

    // Rob gains Bob's email too: the pair is scored again, higher, and still stays off the list.
    updateContact(db, r.bob, contactSchema.parse({ firstName: 'Bob', lastName: 'Stone', email: 'stone@home.example', phone: '+1 415 555 0199', tags: '' }), admin);
    updateContact(db, r.rob, contactSchema.parse({ firstName: 'Rob', lastName: 'Stone', otherEmails: 'stone@home.example', phone: '415.555.0199', tags: '' }), admin);
    const stored = db.$client.prepare('select score, reasons from contact_duplicate_pairs where low_id = ? and high_id = ?').get(r.bob, r.rob) as { score: number; reasons: string };
    expect(JSON.parse(stored.reasons).map((x: { kind: string }) => x.kind).sort()).toEqual(['email', 'phone']);
    expect(pairIds(listDuplicatePairs(db, 'contact', PAGE, admin))).not.toContainEqual([r.bob, r.rob]);
    expect(countDuplicatePairs(db, 'contact', admin)).toBe(2);

    restoreDuplicatePair(db, 'contact', r.rob, r.bob, admin);
    expect(pairIds(listDuplicatePairs(db, 'contact', PAGE, admin))).toEqual([
      [r.ann, r.anne],
      [r.bob, r.rob],
      [r.carl, r.carlo],
    ]);
  });

  test('a dismissal is per kind and refuses a record that does not exist or the same record twice', () => {
    expect(() => dismissDuplicatePair(db, 'contact', r.ann, 99_999, admin)).toThrow('One of these contacts no longer exists.');
    expect(() => dismissDuplicatePair(db, 'contact', r.ann, r.ann, admin)).toThrow('Pick two different records.');
    dismissDuplicatePair(db, 'contact', r.ann, r.anne, admin);
    expect(countDuplicatePairs(db, 'company', admin)).toBe(0);
    expect(countDuplicatePairs(db, 'contact', admin)).toBe(2);
  });

  test('a pair is listed only when the viewer may see both records', () => {
    setRepsSee('own');
    // Ana sees Ann (hers) but not Anne (Ben's): that pair is not hers to see. Bob and Rob, Carl and Carlo are hers.
    expect(pairIds(listDuplicatePairs(db, 'contact', PAGE, ana))).toEqual([
      [r.bob, r.rob],
      [r.carl, r.carlo],
    ]);
    expect(countDuplicatePairs(db, 'contact', ana)).toBe(2);
    expect(countDuplicatePairs(db, 'contact', ben)).toBe(0);
    expect(() => dismissDuplicatePair(db, 'contact', r.ann, r.anne, ana)).toThrow('no longer exists');
    // Managers see everything.
    expect(countDuplicatePairs(db, 'contact', mia)).toBe(3);
    setRepsSee('everything');
    expect(countDuplicatePairs(db, 'contact', ana)).toBe(3);
  });

  test('the screens\u2019 actions are for admins and managers; a rep is refused', async () => {
    session.user = ana;
    expect(await contactDuplicates.dismissContactPairAction({ a: r.bob, b: r.rob })).toEqual({ ok: false, error: 'You are not allowed to do that.' });
    expect(await companyDuplicates.dismissCompanyPairAction({ a: 1, b: 2 })).toEqual({ ok: false, error: 'You are not allowed to do that.' });
    expect(countDuplicatePairs(db, 'contact', admin)).toBe(3);
    session.user = mia;
    expect(await contactDuplicates.dismissContactPairAction(form({ a: r.rob, b: r.bob }))).toEqual({ ok: true, data: undefined });
    expect(countDuplicatePairs(db, 'contact', admin)).toBe(2);
    expect(await contactDuplicates.restoreContactPairAction({ a: r.rob, b: r.bob })).toEqual({ ok: true, data: undefined });
    expect(countDuplicatePairs(db, 'contact', admin)).toBe(3);
  });
});

describe('the form check: what an unsaved form looks like', () => {
  test('a new contact typed with an email in another case finds both contacts that have it, best first, with reasons', () => {
    const found = findLikelyDuplicates(db, 'contact', { firstName: 'A.', lastName: 'Lee', emails: [' ANN@Acme.Example '], phones: [], companyId: null }, { viewer: admin });
    expect(found.map((f) => f.id)).toEqual([r.ann, r.anne]);
    // The detail tells the two apart: Anne's own address (Ann's is already in the reason) and the company.
    expect(found[0]).toMatchObject({ name: 'Ann Lee', detail: 'Acme Inc', reasons: [{ kind: 'email', value: 'ann@acme.example' }] });
    expect(found[1]).toMatchObject({ name: 'Anne Lee', detail: 'anne.lee@acme.example · Acme Inc' });
    // Another phone format and the same name at the same company weigh in too.
    const more = findLikelyDuplicates(db, 'contact', { firstName: 'Carl', lastName: 'Weber', emails: [], phones: ['(415) 555-0199'], companyId: r.acme }, { viewer: admin, limit: 3 });
    expect(more.map((f) => f.id)).toEqual([r.bob, r.rob, r.carl]);
    expect(more.map((f) => f.reasons[0].kind)).toEqual(['phone', 'phone', 'name']);
    expect(findLikelyDuplicates(db, 'contact', { firstName: 'Carl', lastName: 'Weber', emails: [], phones: ['(415) 555-0199'], companyId: r.acme }, { viewer: admin, limit: 1 })).toHaveLength(1);
    expect(findLikelyDuplicates(db, 'contact', { firstName: 'Nobody', emails: ['nobody@x.example'], phones: [], companyId: null }, { viewer: admin })).toEqual([]);
  });

  test('an edited record is never its own lookalike', () => {
    const found = findLikelyDuplicates(db, 'contact', { firstName: 'Ann', lastName: 'Lee', emails: ['ann@acme.example'], phones: ['+1 415 555 0100'], companyId: r.acme }, { viewer: admin, excludeId: r.ann });
    expect(found.map((f) => f.id)).toEqual([r.anne]);
    expect(found[0].reasons.map((x) => x.kind).sort()).toEqual(['email', 'name', 'phone']);
    const companies = findLikelyDuplicates(db, 'company', { name: 'Acme Inc', domain: 'acme.example' }, { viewer: admin, excludeId: r.acme });
    expect(companies).toEqual([]);
  });

  test('companies are found by a pasted URL or the name without its legal form', () => {
    expect(findLikelyDuplicates(db, 'company', { name: 'Something else', domain: 'https://www.ACME.example/about' }, { viewer: admin })).toMatchObject([{ id: r.acme, reasons: [{ kind: 'domain', value: 'acme.example' }] }]);
    expect(findLikelyDuplicates(db, 'company', { name: 'ACME GmbH', domain: '' }, { viewer: admin })).toMatchObject([{ id: r.acme, name: 'Acme Inc', detail: 'acme.example' }]);
  });

  test('a rep is told only about records they may see', () => {
    setRepsSee('own');
    const typed = { firstName: 'X', emails: ['ann@acme.example'], phones: [], companyId: null };
    expect(findLikelyDuplicates(db, 'contact', typed, { viewer: ana }).map((f) => f.id)).toEqual([r.ann]);
    expect(findLikelyDuplicates(db, 'contact', typed, { viewer: ben }).map((f) => f.id)).toEqual([r.anne]);
  });

  test('the form actions read the typed company name and answer in words, for reps too', async () => {
    session.user = ana;
    const result = await contactDuplicates.findLikelyContactsAction(form({ firstName: 'Carl', lastName: 'Weber', email: '', otherEmails: '', phone: '', otherPhones: '', companyName: 'acme inc' }));
    expect(result).toEqual({
      ok: true,
      data: [
        { id: r.carl, name: 'Carl Weber', href: `/contacts/${r.carl}`, detail: 'Acme Inc', reasons: ['same name at the same company'] },
        { id: r.carlo, name: 'Karl Weber', href: `/contacts/${r.carlo}`, detail: 'Acme Inc', reasons: [expect.stringMatching(/^similar name \(9\d %\) at the same company$/)] },
      ],
    });
    // Editing Carl: he is left out, and his other emails count.
    const editing = await contactDuplicates.findLikelyContactsAction(form({ contactId: r.carl, firstName: 'Carl', lastName: 'Weber', otherEmails: 'x@y.example\nzoe@elsewhere.example', companyName: 'Acme Inc' }));
    expect(editing.ok && editing.data.map((f) => [f.id, f.reasons])).toEqual([
      [r.loner, ['same email zoe@elsewhere.example']],
      [r.carlo, [expect.stringMatching(/^similar name/)]],
    ]);
    const companies = await companyDuplicates.findLikelyCompaniesAction(form({ name: 'The Acme Corporation', domain: '' }));
    expect(companies).toEqual({ ok: true, data: [{ id: r.acme, name: 'Acme Inc', href: `/companies/${r.acme}`, detail: 'acme.example', reasons: ['same company name'] }] });
  });
});

describe('other emails and phones', () => {
  test('are saved one a line without repeats or the primary value, shown in the header, and kept by an update that leaves them out', () => {
    const id = contact({ firstName: 'Pat', email: 'pat@one.example', otherEmails: ' Pat@Two.example\n\npat@two.example\r\nPAT@one.example', phone: '+1 212 555 0000', otherPhones: '+1 (212) 555-0001\n+1 212 555 0001\n+1 212 555 0000' });
    expect(getContactHeader(db, id, admin)).toMatchObject({ otherEmails: 'pat@two.example', otherPhones: '+1 (212) 555-0001' });
    updateContact(db, id, contactSchema.parse({ firstName: 'Pat', email: 'pat@one.example', tags: '' }), admin);
    expect(getContactHeader(db, id, admin)).toMatchObject({ otherEmails: 'pat@two.example', otherPhones: '+1 (212) 555-0001' });
    updateContact(db, id, contactSchema.parse({ firstName: 'Pat', email: 'pat@one.example', otherEmails: '', otherPhones: '', tags: '' }), admin);
    expect(getContactHeader(db, id, admin)).toMatchObject({ otherEmails: null, otherPhones: null });
  });

  test('are validated with the line named, at most ten each', async () => {
    const bad = contactSchema.safeParse({ firstName: 'Pat', otherEmails: 'ok@x.example\nnot an email', otherPhones: Array.from({ length: 11 }, (_, i) => `+1 212 555 01${10 + i}`).join('\n') });
    expect(bad.success || bad.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['otherEmails', 'Line 2 (“not an email”): enter a valid email address'],
      ['otherPhones', 'Keep it to 10 other phones or fewer'],
    ]);
    const long = contactSchema.safeParse({ firstName: 'Pat', otherPhones: '1'.repeat(51) });
    expect(long.success || long.error.issues[0].message).toBe('Keep each phone under 50 characters');
    // Through the form's action, the message comes back beside the field and nothing is saved.
    const result = await createContactAction(form({ firstName: 'Pat', otherEmails: 'pat@x', tags: '' }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { otherEmails: 'Enter a valid email address' } });
    expect(db.$client.prepare(`select count(*) as n from contacts where first_name = 'Pat'`).get()).toEqual({ n: 0 });
  });

  test('match like the primary ones, through the form, and go out in the CSV export', async () => {
    const created = await createContactAction(form({ firstName: 'Zed', lastName: 'Quist', otherEmails: 'ZOE@elsewhere.example', otherPhones: '', tags: '' }));
    expect(created.ok).toBe(true);
    const zed = created.ok ? created.data.id : 0;
    expect(pairIds(listDuplicatePairs(db, 'contact', PAGE, admin))).toContainEqual([r.loner, zed]);
    const edited = await updateContactAction(form({ contactId: zed, firstName: 'Zed', lastName: 'Quist', otherEmails: '', otherPhones: '415 555 0199', tags: '' }));
    expect(edited.ok).toBe(true);
    // Equal scores: the newer pair first.
    const pairs = listDuplicatePairs(db, 'contact', PAGE, admin).filter((p) => p.high.id === zed);
    expect(pairIds(pairs)).toEqual([
      [r.rob, zed],
      [r.bob, zed],
    ]);
    const csv = await (await contactsCsv(new Request('http://x/contacts/export.csv?q=zed'))).text();
    expect(csv.split('\r\n')[0]).toContain('email,phone,other_emails,other_phones,title');
    expect(csv).toContain('415 555 0199');
  });
});
