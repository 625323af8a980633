import 'server-only';
import type { Statement } from 'better-sqlite3';
import type { Db } from '@/db/client';
import { isFreeMailDomain, isSharedSiteDomain, normaliseCompanyName } from '@/lib/customers/normalise';
import { companyMatchKeys, contactMatchKeys, scoreCompanyPair, scoreContactPair, type Reason } from '@/lib/customers/similarity';
import type { ImportKind } from '@/lib/import/fields';
import type { CompanyValues, ContactValues, DealValues, ImportValues, LeadValues, ProductValues } from '@/lib/import/values';
import { BLOCK_LIMIT } from './match-keys';

// How an import row finds the record it is (shared by the check and the import job, which looks
// again at commit time: a record created meanwhile turns a create into an update or a skip).
// Contacts are found by their external id or any of their emails; companies by external id,
// website domain or normalised name; deals by external id; products by SKU; leads by external id or email. Every lookup is an index seek: the
// external_id indexes, contacts.email, and the match-key tables the duplicate finder keeps current
// on every write (db/queries/match-keys.ts), which hold every email of a contact and every
// company's domain and normalised name.

export type Target = { id: number } | { conflict: string } | null;
export type Likely = { id: number; name: string; reasons: Reason[] };

const lines = (text: string | null) => (text ?? '').split('\n').map((s) => s.trim()).filter(Boolean);

/** Lookups for one import run, with their statements prepared once. */
export function importMatcher(db: Db, country: string) {
  const cache = new Map<string, Statement>();
  const stmt = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.$client.prepare(sql)));
    return s;
  };
  const ids = (sql: string, ...params: unknown[]) => (stmt(sql).all(...params) as { id: number }[]).map((r) => r.id);
  const byExternalId = (table: string, id: string | null) => (id ? ids(`select id from ${table} where external_id = ? order by id limit 2`, id) : []);
  const contactsByEmail = (email: string) =>
    ids(`select id from contacts where email = ? union select contact_id as id from contact_match_keys where type = 'email' and key = ?`, email, email);
  const companyKey = (type: 'domain' | 'name', key: string) =>
    ids(`select company_id as id from company_match_keys where type = ? and key = ? order by company_id limit 1`, type, key)[0] ?? null;

  /** A contact matched by id or email; two different contacts matched is a conflict to report. */
  function findContact(v: ContactValues): Target {
    const found = new Map<number, string>();
    for (const id of byExternalId('contacts', v.externalId)) if (!found.has(id)) found.set(id, `its ID ${v.externalId}`);
    for (const email of [v.email, ...v.otherEmails]) {
      if (!email) continue;
      for (const id of contactsByEmail(email)) if (!found.has(id)) found.set(id, email);
    }
    if (found.size === 0) return null;
    if (found.size > 1) {
      const which = [...found].slice(0, 3).map(([id, by]) => `#${id} (${by})`).join(' and ');
      return { conflict: `Matches ${found.size} different contacts: ${which}. Merge them first, or fix this row` };
    }
    return { id: [...found.keys()][0] };
  }

  /** The company a name and website point at: by domain first (a company's own), then by name. */
  function findCompanyBy(name: string | null, domain: string | null): number | null {
    const ownDomain = domain && !isFreeMailDomain(domain) && !isSharedSiteDomain(domain) ? domain : null;
    const byDomain = ownDomain ? companyKey('domain', ownDomain) : null;
    if (byDomain) return byDomain;
    const key = normaliseCompanyName(name);
    return key ? companyKey('name', key) : null;
  }

  /** A company matched by id, else domain, else normalised name (a weak key, so the strongest wins). */
  function findCompany(v: CompanyValues): Target {
    const [byId] = byExternalId('companies', v.externalId);
    if (byId) return { id: byId };
    const id = findCompanyBy(v.name, v.domain);
    return id ? { id } : null;
  }

  function findDeal(v: DealValues): Target {
    const found = byExternalId('deals', v.externalId);
    if (found.length > 1) return { conflict: `Several deals have the ID ${v.externalId}` };
    return found[0] ? { id: found[0] } : null;
  }

  /** The product with this SKU: unique in any case (products_sku_unique is nocase), so at most one. */
  function findProduct(v: ProductValues): Target {
    const [id] = ids('select id from products where sku = ? collate nocase', v.sku);
    return id ? { id } : null;
  }

  /** A lead matched by its external id or its main email (leads_email_idx); two different leads is a conflict. */
  function findLead(v: LeadValues): Target {
    const found = new Set<number>(byExternalId('leads', v.externalId));
    for (const email of [v.email, ...v.otherEmails]) if (email) for (const id of ids('select id from leads where email = ? order by id limit 2', email)) found.add(id);
    if (found.size > 1) return { conflict: `Matches ${found.size} different leads: ${[...found].slice(0, 3).map((id) => `#${id}`).join(' and ')}. Fix this row or those leads first` };
    const [id] = found;
    return id ? { id } : null;
  }

  function find<K extends ImportKind>(kind: K, v: ImportValues<K>): Target {
    if (kind === 'leads') return findLead(v as LeadValues);
    if (kind === 'contacts') return findContact(v as ContactValues);
    if (kind === 'companies') return findCompany(v as CompanyValues);
    if (kind === 'products') return findProduct(v as ProductValues);
    return findDeal(v as DealValues);
  }

  /** The contact a deal names by email (its main or another of its emails). */
  function contactByEmail(email: string): number | null {
    return contactsByEmail(email)[0] ?? null;
  }

  /**
   * Existing records this row looks like without being the record it matched: an existing contact
   * sharing a phone or with a similar name at the same company; a company with a similar name. The
   * same keys and score as the duplicates screen (lib/customers/similarity.ts); a key shared by
   * more than BLOCK_LIMIT records says nothing and is skipped. Best first, at most three.
   */
  function likely<K extends ImportKind>(kind: K, v: ImportValues<K>, companyId: number | null, exceptId: number | null): Likely[] {
    if (kind === 'deals' || kind === 'products' || kind === 'leads') return [];
    const contact = kind === 'contacts' ? (v as ContactValues) : null;
    const fields = contact
      ? { firstName: contact.firstName, lastName: contact.lastName, emails: [contact.email, ...contact.otherEmails], phones: [contact.phone, ...contact.otherPhones], companyId }
      : null;
    const company = kind === 'companies' ? { name: (v as CompanyValues).name, domain: (v as CompanyValues).domain } : null;
    // A contact row that matched no contact shares no email with any (that is how it would have
    // matched), so only its phones and name are looked up.
    const keys = fields ? contactMatchKeys({ ...fields, emails: exceptId === null ? [] : fields.emails }, country) : companyMatchKeys(company!);
    const table = fields ? 'contact_match_keys' : 'company_match_keys';
    const column = fields ? 'contact_id' : 'company_id';
    const candidates = new Set<number>();
    for (const k of keys) {
      const members = ids(`select ${column} as id from ${table} where type = ? and key = ? limit ${BLOCK_LIMIT + 1}`, k.type, k.key);
      if (members.length > BLOCK_LIMIT) continue;
      for (const id of members) if (id !== exceptId) candidates.add(id);
    }
    const out: (Likely & { score: number })[] = [];
    for (const id of candidates) {
      if (fields) {
        const c = stmt(`select id, first_name as firstName, last_name as lastName, email, other_emails as otherEmails, phone, other_phones as otherPhones, company_id as companyId from contacts where id = ?`).get(id) as
          | { id: number; firstName: string; lastName: string; email: string | null; otherEmails: string | null; phone: string | null; otherPhones: string | null; companyId: number | null }
          | undefined;
        if (!c) continue;
        const match = scoreContactPair(fields, { ...c, emails: [c.email, ...lines(c.otherEmails)], phones: [c.phone, ...lines(c.otherPhones)] }, country);
        if (match) out.push({ id, name: `${c.firstName} ${c.lastName}`.trim(), ...match });
      } else {
        const c = stmt(`select id, name, domain from companies where id = ?`).get(id) as { id: number; name: string; domain: string | null } | undefined;
        if (!c) continue;
        const match = scoreCompanyPair(company!, c);
        if (match) out.push({ id, name: c.name, ...match });
      }
    }
    return out
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, 3)
      .map(({ id, name, reasons }) => ({ id, name, reasons }));
  }

  return { find, findCompanyBy, contactByEmail, likely };
}

export type ImportMatcher = ReturnType<typeof importMatcher>;
