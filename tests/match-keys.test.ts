import { beforeEach, expect, test } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/db/queries/users';
import { createCompany, updateCompany } from '@/db/queries/companies';
import { createContact, updateContact } from '@/db/queries/contacts';
import { BLOCK_LIMIT, rebuildMatchKeys, refreshMatchKeys } from '@/db/queries/match-keys';
import { seedEmptyWorkspace, seedWorkspace } from '@/db/seed';
import { contactSchema } from '@/lib/contacts/schemas';
import { createTestDb } from './support/db';

// Match keys and duplicate pairs are kept current by every write, and a rebuild from scratch gives
// the same pairs as those writes did one by one.

let db: Db;
const admin: SessionUser = { id: 1, name: 'Olivia Owner', email: 'owner@example.test', role: 'admin' };

beforeEach(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: admin.name, email: admin.email, password: 'password1' });
});

const contact = (fields: Record<string, unknown>) => createContact(db, contactSchema.parse(fields), admin).id;
const pairs = (table = 'contact_duplicate_pairs') =>
  (db.$client.prepare(`select low_id as low, high_id as high, reasons from ${table} order by low_id, high_id`).all() as { low: number; high: number; reasons: string }[]).map((p) => ({
    ids: [p.low, p.high],
    reasons: (JSON.parse(p.reasons) as { kind: string }[]).map((r) => r.kind).sort(),
  }));

test('a contact sharing a phone in another format, or another email, becomes a pair with its reasons; an edit that removes the match removes the pair', () => {
  const acme = createCompany(db, { name: 'Acme', domain: null, tags: [] } as never, admin).id;
  const ann = contact({ firstName: 'Ann', lastName: 'Lee', email: 'ann@acme.example', phone: '(415) 555-0100', companyId: acme });
  const other = contact({ firstName: 'Bob', lastName: 'Stone', email: 'bob@x.example', phone: '+1 415.555.0100 x12' });
  const annAgain = contact({ firstName: 'Anne', lastName: 'Lee', email: 'anne.lee@acme.example', companyId: acme });
  expect(pairs()).toEqual([
    { ids: [ann, other], reasons: ['phone'] },
    { ids: [ann, annAgain], reasons: ['name'] },
  ]);
  updateContact(db, other, contactSchema.parse({ firstName: 'Bob', lastName: 'Stone', email: 'bob@x.example', phone: '+44 20 7946 0000' }), admin);
  expect(pairs()).toEqual([{ ids: [ann, annAgain], reasons: ['name'] }]);
  db.$client.prepare('delete from contacts where id = ?').run(annAgain);
  expect(pairs()).toEqual([]);
  expect(db.$client.prepare('select count(*) as n from contact_match_keys where contact_id = ?').get(annAgain)).toEqual({ n: 0 });
});

test('other emails match too, case and spaces aside', () => {
  const a = contact({ firstName: 'Ann', email: 'ann@one.example' });
  const b = contact({ firstName: 'Zed', email: 'zed@two.example' });
  db.$client.prepare(`update contacts set other_emails = ? where id = ?`).run(' ANN@One.Example \nzed2@two.example', b);
  refreshMatchKeys(db, 'contact', [b]);
  expect(pairs()).toEqual([{ ids: [a, b], reasons: ['email'] }]);
});

test('companies pair by domain and by name without legal suffixes; free-mail domains never do', () => {
  const a = createCompany(db, { name: 'Acme Inc', domain: 'acme.example', tags: [] } as never, admin).id;
  const b = createCompany(db, { name: 'ACME, LLC', domain: null, tags: [] } as never, admin).id;
  const c = createCompany(db, { name: 'Globex', domain: 'gmail.com', tags: [] } as never, admin).id;
  const d = createCompany(db, { name: 'Initech', domain: 'gmail.com', tags: [] } as never, admin).id;
  expect(pairs('company_duplicate_pairs')).toEqual([{ ids: [a, b], reasons: ['company_name'] }]);
  updateCompany(db, b, { name: 'Wayne Enterprises', domain: 'www.acme.example/about', tags: [] } as never, admin);
  expect(pairs('company_duplicate_pairs')).toEqual([{ ids: [a, b], reasons: ['domain'] }]);
  expect([c, d]).toHaveLength(2);
});

test('a key shared by too many records is no evidence: a switchboard number pairs nobody', () => {
  for (let i = 0; i <= BLOCK_LIMIT; i++) contact({ firstName: `Person${i}`, lastName: `Nr${i}`, email: `p${i}@x.example`, phone: '+1 415 555 0199' });
  expect(pairs()).toEqual([]);
});

test('a rebuild from scratch finds the same pairs as the writes did, and reports progress', () => {
  db = createTestDb();
  seedWorkspace(db, { companies: 30, contacts: 200, deals: 0, seed: 3 });
  const acme = createCompany(db, { name: 'Acme', domain: 'acme.example', tags: [] } as never, admin).id;
  contact({ firstName: 'Ann', lastName: 'Lee', email: 'ann@acme.example', phone: '+1 415 555 0100', companyId: acme });
  contact({ firstName: 'Ann', lastName: 'Leigh', email: 'ann.lee@acme.example', phone: '415-555-0100', companyId: acme });
  createCompany(db, { name: 'ACME Ltd.', domain: null, tags: [] } as never, admin);
  // The seed writes its rows directly: rebuild covers them too.
  const seen: number[] = [];
  const counts = rebuildMatchKeys(db, (f) => seen.push(f), 50);
  const before = [pairs(), pairs('company_duplicate_pairs')];
  expect(counts.contacts).toBe(202);
  expect(counts.companies).toBe(32);
  expect(before[0].length).toBeGreaterThanOrEqual(1);
  expect(before[1].length).toBeGreaterThanOrEqual(1);
  expect(seen.at(-1)).toBeCloseTo(1, 5);
  expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
  // Every record refreshed one at a time gives the same pairs.
  const ids = (t: string) => (db.$client.prepare(`select id from ${t}`).all() as { id: number }[]).map((r) => r.id);
  refreshMatchKeys(db, 'contact', ids('contacts'));
  refreshMatchKeys(db, 'company', ids('companies'));
  expect([pairs(), pairs('company_duplicate_pairs')]).toEqual(before);
});
