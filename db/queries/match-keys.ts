import 'server-only';
import type { Db } from '@/db/client';
import { cachedStatement } from '@/db/statements';
import type { DuplicateKind } from '@/db/schema';
import { companyMatchKeys, contactMatchKeys, scoreCompanyPair, scoreContactPair } from '@/lib/customers/similarity';
import { getWorkspace } from './workspace';

// Keeps each contact's and company's match keys and likely-duplicate pairs current. Every write of a
// contact or company calls refreshMatchKeys for the records it touched, inside its transaction:
// the record's keys are rewritten, then every record sharing one of them is scored against it with
// the similarity rule (lib/customers/similarity.ts) and the pairs involving it are replaced. Work is
// bounded per record: a key shared by more than BLOCK_LIMIT records (a switchboard number, a
// placeholder email) says nothing about identity and is skipped when looking for candidates.

export const BLOCK_LIMIT = 25;

type ContactFields = { id: number; firstName: string; lastName: string; emails: string[]; phones: string[]; companyId: number | null };
type CompanyFields = { id: number; name: string; domain: string | null };

const lines = (text: string | null) => (text ?? '').split('\n').map((s) => s.trim()).filter(Boolean);

const TABLES = {
  contact: { keys: 'contact_match_keys', pairs: 'contact_duplicate_pairs', id: 'contact_id' },
  company: { keys: 'company_match_keys', pairs: 'company_duplicate_pairs', id: 'company_id' },
} as const;


function loadContacts(db: Db, ids: number[]): Map<number, ContactFields> {
  const rows = cachedStatement(
    db,
    `select id, first_name as firstName, last_name as lastName, email, other_emails as otherEmails, phone, other_phones as otherPhones, company_id as companyId
     from contacts where id in (select value from json_each(?))`,
  ).all(JSON.stringify(ids)) as { id: number; firstName: string; lastName: string; email: string | null; otherEmails: string | null; phone: string | null; otherPhones: string | null; companyId: number | null }[];
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, firstName: r.firstName, lastName: r.lastName, emails: [r.email, ...lines(r.otherEmails)].filter((e): e is string => !!e), phones: [r.phone, ...lines(r.otherPhones)].filter((p): p is string => !!p), companyId: r.companyId },
    ]),
  );
}

function loadCompanies(db: Db, ids: number[]): Map<number, CompanyFields> {
  const rows = cachedStatement(db, `select id, name, domain from companies where id in (select value from json_each(?))`).all(JSON.stringify(ids)) as CompanyFields[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** Rewrites the keys of these records (those that no longer exist just lose theirs), then their pairs. */
export function refreshMatchKeys(db: Db, kind: DuplicateKind, ids: readonly number[], country = getWorkspace(db).defaultCountry): void {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  const t = TABLES[kind];
  db.transaction(() => {
    const records = kind === 'contact' ? loadContacts(db, unique) : loadCompanies(db, unique);
    const del = cachedStatement(db, `delete from ${t.keys} where ${t.id} = ?`);
    const ins = cachedStatement(db, `insert or ignore into ${t.keys} (${t.id}, type, key) values (?, ?, ?)`);
    for (const id of unique) {
      del.run(id);
      const record = records.get(id);
      if (!record) continue;
      const keys = kind === 'contact' ? contactMatchKeys(record as ContactFields, country) : companyMatchKeys(record as CompanyFields);
      for (const k of keys) ins.run(id, k.type, k.key);
    }
    const rescore = new Set(unique);
    // A key that has just grown past the limit stops counting: its members' pairs are scored again
    // without it (once, as it crosses; a block that shrinks back counts again as its members are written).
    const crossed = cachedStatement(
      db,
      `select distinct member.${t.id} as id from ${t.keys} mine
       join ${t.keys} member on member.type = mine.type and member.key = mine.key
       where mine.${t.id} = ? and (select count(*) from (select 1 from ${t.keys} b where b.type = mine.type and b.key = mine.key limit ${BLOCK_LIMIT + 2})) = ${BLOCK_LIMIT + 1}`,
    );
    for (const id of unique) for (const r of crossed.all(id) as { id: number }[]) rescore.add(r.id);
    const extra = [...rescore].filter((id) => !records.has(id));
    const more = extra.length ? (kind === 'contact' ? loadContacts(db, extra) : loadCompanies(db, extra)) : new Map();
    for (const id of rescore) refreshPairs(db, kind, id, records.get(id) ?? more.get(id) ?? null, country);
  });
}

/** The records sharing a key with this one, skipping keys shared too widely to mean anything. */
function candidates(db: Db, kind: DuplicateKind, id: number): number[] {
  const t = TABLES[kind];
  const rows = cachedStatement(
    db,
    `select distinct other.${t.id} as id
     from ${t.keys} mine
     join ${t.keys} other on other.type = mine.type and other.key = mine.key and other.${t.id} <> mine.${t.id}
     where mine.${t.id} = ?
       and (select count(*) from (select 1 from ${t.keys} b where b.type = mine.type and b.key = mine.key limit ${BLOCK_LIMIT + 1})) <= ${BLOCK_LIMIT}`,
  ).all(id) as { id: number }[];
  return rows.map((r) => r.id);
}

/** Replaces the pairs of one record; `rebuilding` (all pairs were cleared) scores each pair once, from its lower id. */
function refreshPairs(db: Db, kind: DuplicateKind, id: number, record: ContactFields | CompanyFields | null, country: string, rebuilding = false): void {
  const t = TABLES[kind];
  if (!rebuilding) cachedStatement(db, `delete from ${t.pairs} where low_id = ? or high_id = ?`).run(id, id);
  if (!record) return;
  const others = candidates(db, kind, id).filter((other) => !rebuilding || other > id);
  if (others.length === 0) return;
  const loaded = kind === 'contact' ? loadContacts(db, others) : loadCompanies(db, others);
  const ins = cachedStatement(db, `insert or replace into ${t.pairs} (low_id, high_id, score, reasons) values (?, ?, ?, ?)`);
  for (const otherId of others) {
    const other = loaded.get(otherId);
    if (!other) continue;
    const scored = kind === 'contact' ? scoreContactPair(record as ContactFields, other as ContactFields, country) : scoreCompanyPair(record as CompanyFields, other as CompanyFields);
    if (!scored) continue;
    ins.run(Math.min(id, otherId), Math.max(id, otherId), scored.score, JSON.stringify(scored.reasons));
  }
}

/**
 * Rebuilds every record's keys, then every pair, in batches (the one-off job after the migration that
 * added them, and the seed). Reports progress as a fraction of the records done.
 */
export function rebuildMatchKeys(db: Db, progress: (fraction: number, message: string) => void = () => undefined, batch = 1000): { contacts: number; companies: number; pairs: number } {
  const country = getWorkspace(db).defaultCountry;
  const counts = { contacts: 0, companies: 0, pairs: 0 };
  const total = (db.$client.prepare(`select (select count(*) from contacts) + (select count(*) from companies) as n`).get() as { n: number }).n || 1;
  let done = 0;
  for (const kind of ['company', 'contact'] as const) {
    const table = kind === 'contact' ? 'contacts' : 'companies';
    const t = TABLES[kind];
    db.$client.prepare(`delete from ${t.pairs}`).run();
    db.$client.prepare(`delete from ${t.keys}`).run();
    // Keys for everyone first, so that each record's pairs see all the others.
    const pass = (work: (ids: number[]) => void, label: string, share: number, offset: number) => {
      let last = 0;
      let seen = 0;
      const all = (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
      for (;;) {
        const ids = (db.$client.prepare(`select id from ${table} where id > ? order by id limit ?`).all(last, batch) as { id: number }[]).map((r) => r.id);
        if (ids.length === 0) break;
        db.transaction(() => work(ids));
        last = ids[ids.length - 1];
        seen += ids.length;
        progress((done + offset * all + share * seen) / total, label);
      }
      return all;
    };
    const records = pass(
      (ids) => {
        const loaded = kind === 'contact' ? loadContacts(db, ids) : loadCompanies(db, ids);
        const ins = cachedStatement(db, `insert or ignore into ${t.keys} (${t.id}, type, key) values (?, ?, ?)`);
        for (const [id, record] of loaded) {
          const keys = kind === 'contact' ? contactMatchKeys(record as ContactFields, country) : companyMatchKeys(record as CompanyFields);
          for (const k of keys) ins.run(id, k.type, k.key);
        }
      },
      kind === 'contact' ? 'Reading contacts' : 'Reading companies',
      0.5,
      0,
    );
    pass(
      (ids) => {
        const loaded = kind === 'contact' ? loadContacts(db, ids) : loadCompanies(db, ids);
        for (const id of ids) refreshPairs(db, kind, id, loaded.get(id) ?? null, country, true);
      },
      kind === 'contact' ? 'Finding duplicate contacts' : 'Finding duplicate companies',
      0.5,
      0.5,
    );
    done += records;
    counts[kind === 'contact' ? 'contacts' : 'companies'] = records;
    counts.pairs += (db.$client.prepare(`select count(*) as n from ${t.pairs}`).get() as { n: number }).n;
  }
  return counts;
}
