import 'server-only';
import type { Db } from '@/db/client';
import type { DuplicateKind } from '@/db/schema';
import { normaliseCompanyName } from '@/lib/customers/normalise';
import {
  companyMatchKeys, contactMatchKeys, scoreCompanyPair, scoreContactPair,
  type CompanyMatchFields, type ContactMatchFields, type Match, type Reason,
} from '@/lib/customers/similarity';
import { AppError } from '@/lib/errors';
import { BLOCK_LIMIT } from './match-keys';
import { andScope, canSee, companyScope, contactScope, dealScope, type Viewer } from './visibility';
import { getWorkspace } from './workspace';

// What the duplicates screens and the forms' "this looks like" warning read. The pairs themselves are
// found and scored on every write (db/queries/match-keys.ts); here they are only read, a page at a
// time from the score index, minus the ones someone dismissed. A dismissal is kept apart from the
// pairs table because that table is rewritten whenever either record is saved: the pair comes back
// there, and the dismissal keeps it off the screen.
//
// Visibility: the screens are for admins and managers, who see every record, but the reads still ask
// visibility.ts so that a pair is listed only when the viewer may see both of its records.

const TABLES = {
  contact: { pairs: 'contact_duplicate_pairs', keys: 'contact_match_keys', id: 'contact_id', records: 'contacts', scope: contactScope },
  company: { pairs: 'company_duplicate_pairs', keys: 'company_match_keys', id: 'company_id', records: 'companies', scope: companyScope },
} as const;

/** One contact of a pair, as the duplicates screen shows it. */
export type ContactSide = {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  /** One a line, or null. */
  otherEmails: string | null;
  otherPhones: string | null;
  companyId: number | null;
  companyName: string | null;
  ownerName: string | null;
  createdAt: number;
  deals: number;
};

/** One company of a pair, as the duplicates screen shows it. */
export type CompanySide = {
  id: number;
  name: string;
  domain: string | null;
  ownerName: string | null;
  createdAt: number;
  contacts: number;
  deals: number;
};

export type SideOf<K extends DuplicateKind> = K extends 'contact' ? ContactSide : CompanySide;

/** A likely duplicate pair: the lower id first, its score in 0..1 and why it matched. */
export type DuplicatePair<K extends DuplicateKind> = { low: SideOf<K>; high: SideOf<K>; score: number; reasons: Reason[] };

const notDismissed = (kind: DuplicateKind) =>
  `not exists (select 1 from duplicate_dismissals dd where dd.kind = '${kind}' and dd.low_id = p.low_id and dd.high_id = p.high_id)`;

/** `join`s that keep only pairs whose two records the viewer may see ('' when they see everything). */
function visibleBoth(db: Db, kind: DuplicateKind, viewer: Viewer): string {
  const t = TABLES[kind];
  const a = t.scope(db, viewer, 'va');
  const b = t.scope(db, viewer, 'vb');
  return a && b ? `join ${t.records} va on va.id = p.low_id and ${a} join ${t.records} vb on vb.id = p.high_id and ${b}` : '';
}

export function countDuplicatePairs(db: Db, kind: DuplicateKind, viewer: Viewer): number {
  const t = TABLES[kind];
  const row = db.$client.prepare(`select count(*) as n from ${t.pairs} p ${visibleBoth(db, kind, viewer)} where ${notDismissed(kind)}`).get() as { n: number };
  return row.n;
}

/**
 * A page of likely duplicate pairs, best first. Ties (every pair sharing only an email scores the
 * same) go newest first: the order is the score index read backwards, so a page costs its own rows
 * whatever the number of pairs, and a new duplicate comes near the top of its group.
 */
export function listDuplicatePairs<K extends DuplicateKind>(db: Db, kind: K, page: { limit: number; offset: number }, viewer: Viewer): DuplicatePair<K>[] {
  const t = TABLES[kind];
  const pairs = db.$client
    .prepare(
      `select p.low_id as lowId, p.high_id as highId, p.score, p.reasons from ${t.pairs} p ${visibleBoth(db, kind, viewer)}
       where ${notDismissed(kind)} order by p.score desc, p.low_id desc, p.high_id desc limit ? offset ?`,
    )
    .all(page.limit, page.offset) as { lowId: number; highId: number; score: number; reasons: string }[];
  if (pairs.length === 0) return [];
  const ids = [...new Set(pairs.flatMap((p) => [p.lowId, p.highId]))];
  const sides = (kind === 'contact' ? contactSides(db, ids, viewer) : companySides(db, ids, viewer)) as Map<number, SideOf<K>>;
  return pairs.flatMap((p) => {
    const low = sides.get(p.lowId);
    const high = sides.get(p.highId);
    return low && high ? [{ low, high, score: p.score, reasons: parseReasons(p.reasons) }] : [];
  });
}

function parseReasons(json: string): Reason[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? (parsed as Reason[]) : [];
  } catch {
    return [];
  }
}

// Per-row counts are correlated subqueries on indexed columns (deals_contact_idx, deals_company_idx,
// contacts_company_idx), for the page's records only: at most a hundred rows.
function contactSides(db: Db, ids: number[], viewer: Viewer): Map<number, ContactSide> {
  const rows = db.$client
    .prepare(
      `select c.id, trim(c.first_name || ' ' || c.last_name) as name, c.email, c.phone, c.other_emails as otherEmails, c.other_phones as otherPhones,
              co.id as companyId, co.name as companyName,
              u.name as ownerName, c.created_at as createdAt,
              (select count(*) from deals d where d.contact_id = c.id ${andScope(dealScope(db, viewer, 'd'))}) as deals
       from contacts c
       left join companies co on co.id = c.company_id ${andScope(companyScope(db, viewer, 'co', { one: true }))}
       left join users u on u.id = c.owner_id
       where c.id in (select value from json_each(?)) ${andScope(contactScope(db, viewer, 'c'))}`,
    )
    .all(JSON.stringify(ids)) as ContactSide[];
  return new Map(rows.map((r) => [r.id, r]));
}

function companySides(db: Db, ids: number[], viewer: Viewer): Map<number, CompanySide> {
  const rows = db.$client
    .prepare(
      `select co.id, co.name, co.domain, u.name as ownerName, co.created_at as createdAt,
              (select count(*) from contacts x where x.company_id = co.id ${andScope(contactScope(db, viewer, 'x', { one: true }))}) as contacts,
              (select count(*) from deals d where d.company_id = co.id ${andScope(dealScope(db, viewer, 'd'))}) as deals
       from companies co left join users u on u.id = co.owner_id
       where co.id in (select value from json_each(?)) ${andScope(companyScope(db, viewer, 'co'))}`,
    )
    .all(JSON.stringify(ids)) as CompanySide[];
  return new Map(rows.map((r) => [r.id, r]));
}

function orderedPair(a: number, b: number): [number, number] {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a <= 0 || b <= 0 || a === b) throw new AppError('Pick two different records.');
  return a < b ? [a, b] : [b, a];
}

/** The pair, lower id first, once both records are known to exist and be visible to the actor. */
function visiblePair(db: Db, kind: DuplicateKind, a: number, b: number, actor: Viewer): [number, number] {
  const [low, high] = orderedPair(a, b);
  if (!canSee(db, actor, kind, low) || !canSee(db, actor, kind, high)) throw new AppError(`One of these ${kind === 'contact' ? 'contacts' : 'companies'} no longer exists.`);
  return [low, high];
}

/** "Not a duplicate": this pair stays off the duplicates screen, however its records change. Idempotent. */
export function dismissDuplicatePair(db: Db, kind: DuplicateKind, a: number, b: number, actor: Viewer, now = Date.now()): void {
  const [low, high] = visiblePair(db, kind, a, b, actor);
  db.$client
    .prepare(`insert or ignore into duplicate_dismissals (kind, low_id, high_id, dismissed_by, dismissed_at) values (?, ?, ?, ?, ?)`)
    .run(kind, low, high, actor.id, now);
}

/** Undoes a dismissal: the pair is listed again if its records still match. */
export function restoreDuplicatePair(db: Db, kind: DuplicateKind, a: number, b: number, actor: Viewer): void {
  const [low, high] = visiblePair(db, kind, a, b, actor);
  db.$client.prepare(`delete from duplicate_dismissals where kind = ? and low_id = ? and high_id = ?`).run(kind, low, high);
}

// ─── Likely duplicates of an unsaved form ───────────────────────────────────────────────────────

/** A record an unsaved form resembles, with the words for why. */
export type LikelyDuplicate = { id: number; name: string; detail: string | null; score: number; reasons: Reason[] };

export type ContactFormFields = Omit<ContactMatchFields, 'companyId'> & { companyId: number | null };

type Options = { excludeId?: number | null; viewer: Viewer; limit?: number };

/**
 * The records the typed fields look like, best first: the typed fields' match keys are looked up in
 * the key tables (an index lookup each; a key shared by more than BLOCK_LIMIT records is no evidence
 * and skipped, as when pairs are found on save), then each record found is scored with the same rule
 * the duplicates screen uses. Only records the viewer may see; never the record being edited.
 */
export function findLikelyDuplicates(db: Db, kind: 'contact', fields: ContactFormFields, options: Options): LikelyDuplicate[];
export function findLikelyDuplicates(db: Db, kind: 'company', fields: CompanyMatchFields, options: Options): LikelyDuplicate[];
export function findLikelyDuplicates(db: Db, kind: DuplicateKind, fields: ContactFormFields | CompanyMatchFields, { excludeId = null, viewer, limit = 3 }: Options): LikelyDuplicate[] {
  const t = TABLES[kind];
  const country = getWorkspace(db).defaultCountry;
  const keys = kind === 'contact' ? contactMatchKeys(fields as ContactFormFields, country) : companyMatchKeys(fields as CompanyMatchFields);
  if (keys.length === 0) return [];
  const block = db.$client.prepare(`select ${t.id} as id from ${t.keys} where type = ? and key = ? limit ${BLOCK_LIMIT + 1}`);
  const ids = new Set<number>();
  for (const k of keys) {
    const members = block.all(k.type, k.key) as { id: number }[];
    if (members.length > BLOCK_LIMIT) continue;
    for (const m of members) if (m.id !== excludeId) ids.add(m.id);
  }
  if (ids.size === 0) return [];
  const found: (LikelyDuplicate & Match)[] = [];
  if (kind === 'contact') {
    for (const c of contactCandidates(db, [...ids], viewer)) {
      const candidate = { ...c, emails: [c.email, ...lines(c.otherEmails)], phones: [c.phone, ...lines(c.otherPhones)] };
      const match = scoreContactPair(fields as ContactFormFields, candidate, country);
      // What tells this one apart from a namesake: its address (unless a reason already says it) and company.
      const said = match?.reasons.some((r) => r.kind === 'email' && r.value === c.email?.toLowerCase());
      if (match) found.push({ id: c.id, name: c.name, detail: [said ? null : c.email, c.companyName].filter(Boolean).join(' · ') || null, ...match });
    }
  } else {
    for (const c of companyCandidates(db, [...ids], viewer)) {
      const match = scoreCompanyPair(fields as CompanyMatchFields, c);
      if (match) found.push({ id: c.id, name: c.name, detail: c.domain, ...match });
    }
  }
  return found.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit);
}

const lines = (text: string | null) => (text ?? '').split('\n').map((s) => s.trim()).filter(Boolean);

function contactCandidates(db: Db, ids: number[], viewer: Viewer) {
  return db.$client
    .prepare(
      `select c.id, c.first_name as firstName, c.last_name as lastName, trim(c.first_name || ' ' || c.last_name) as name, c.email, c.other_emails as otherEmails,
              c.phone, c.other_phones as otherPhones, c.company_id as companyId, co.name as companyName
       from contacts c left join companies co on co.id = c.company_id ${andScope(companyScope(db, viewer, 'co', { one: true }))}
       where c.id in (select value from json_each(?)) ${andScope(contactScope(db, viewer, 'c'))}`,
    )
    .all(JSON.stringify(ids)) as {
    id: number; firstName: string; lastName: string; name: string; email: string | null; otherEmails: string | null;
    phone: string | null; otherPhones: string | null; companyId: number | null; companyName: string | null;
  }[];
}

function companyCandidates(db: Db, ids: number[], viewer: Viewer) {
  return db.$client
    .prepare(`select co.id, co.name, co.domain from companies co where co.id in (select value from json_each(?)) ${andScope(companyScope(db, viewer, 'co'))}`)
    .all(JSON.stringify(ids)) as { id: number; name: string; domain: string | null }[];
}

/**
 * The company a contact form's typed company name would be saved to, without creating it: the one
 * with that name (case-insensitive) the viewer may see, preferring `keepId` (the company the contact
 * has now), as findOrCreateCompanyByName decides on save. Found through the company name key
 * (an index lookup) rather than by scanning every company's lower-cased name.
 */
export function companyIdForName(db: Db, name: string | null | undefined, viewer: Viewer, keepId: number | null = null): number | null {
  const key = normaliseCompanyName(name);
  if (!name || !key) return null;
  const scope = companyScope(db, viewer, 'co', { one: true });
  const row = db.$client
    .prepare(
      `select co.id from company_match_keys k join companies co on co.id = k.company_id
       where k.type = 'name' and k.key = @key and lower(co.name) = lower(@name) and (co.id = @keepId ${scope ? `or ${scope}` : 'or 1'})
       order by co.id = @keepId desc, co.id limit 1`,
    )
    .get({ key, name: name.trim(), keepId }) as { id: number } | undefined;
  return row?.id ?? null;
}
