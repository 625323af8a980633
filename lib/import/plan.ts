// What an import does with each checked row, decided without I/O: create, update or skip by the
// match target and the mode the user chose; which rows of one file are the same record (in-file
// duplicates); and, for an update, which columns change and what they held before (kept for undo).
import { isFreeMailDomain, isSharedSiteDomain, normaliseCompanyName } from '@/lib/customers/normalise';
import type { ImportKind } from './fields';
import type { CompanyValues, ContactValues, DealValues, ImportValues, LeadValues, ProductValues } from './values';
import { MAX_OTHER_CHANNELS } from './values';

export const IMPORT_MODE_LABELS = {
  create_update: 'Create new records and update existing ones',
  create_only: 'Create new records only (skip existing ones)',
  update_only: 'Update existing records only (skip new ones)',
} as const;
export type ImportModeKey = keyof typeof IMPORT_MODE_LABELS;

/** The report's figures. `duplicates` (in-file) are among the skips; `likely` rows are still written. */
export type ImportCounts = {
  create: number;
  update: number;
  skip: number;
  error: number;
  duplicates: number;
  likely: number;
  warnings: number;
  /** Companies a contacts or deals file will create (each counted once). */
  newCompanies: number;
};

export function emptyCounts(): ImportCounts {
  return { create: 0, update: 0, skip: 0, error: 0, duplicates: 0, likely: 0, warnings: 0, newCompanies: 0 };
}

export const RECORD_NOUNS: Record<ImportKind, string> = { contacts: 'contact', companies: 'company', deals: 'deal', products: 'product', leads: 'lead' };

/** Create, update or skip for a row that matched `targetId` (null: no record yet), as the mode says. */
export function decideAction(kind: ImportKind, mode: ImportModeKey, targetId: number | null): { action: 'create' | 'update' | 'skip'; reason: string | null } {
  const noun = RECORD_NOUNS[kind];
  if (targetId === null) return mode === 'update_only' ? { action: 'skip', reason: `No such ${noun} in Keel yet, and this import only updates` } : { action: 'create', reason: null };
  return mode === 'create_only' ? { action: 'skip', reason: `Already in Keel as ${noun} #${targetId}, and this import only creates` } : { action: 'update', reason: null };
}

/**
 * The keys two rows of one file are the same record by, the same keys that match a row to a record
 * in Keel: a contact's emails and external id; a company's external id, website domain (not a
 * free-mail or shared site such as gmail.com or facebook.com) and normalised name; a deal's id; a product's SKU in any case.
 */
export function rowKeys<K extends ImportKind>(kind: K, values: ImportValues<K>): string[] {
  const keys: string[] = [];
  if (kind === 'products') return [`sku:${(values as ProductValues).sku.toLowerCase()}`];
  const withId = values as Exclude<ImportValues<ImportKind>, ProductValues>;
  if (withId.externalId) keys.push(`id:${withId.externalId}`);
  if (kind === 'contacts' || kind === 'leads') {
    const c = values as ContactValues | LeadValues;
    for (const e of [c.email, ...c.otherEmails]) if (e) keys.push(`email:${e}`);
  } else if (kind === 'companies') {
    const c = values as CompanyValues;
    if (c.domain && !isFreeMailDomain(c.domain) && !isSharedSiteDomain(c.domain)) keys.push(`domain:${c.domain}`);
    const name = normaliseCompanyName(c.name);
    if (name) keys.push(`name:${name}`);
  }
  return keys;
}

/** Finds, for each row in file order, the first earlier row sharing one of its keys. */
export class InFileDuplicates {
  private readonly seen = new Map<string, number>();

  /** The line of the earlier row this one repeats, or null (then its keys are remembered). */
  check(keys: string[], line: number): number | null {
    for (const k of keys) {
      const first = this.seen.get(k);
      if (first !== undefined) return first;
    }
    for (const k of keys) this.seen.set(k, line);
    return null;
  }
}

// ─── Updates ─────────────────────────────────────────────────────────────────────────────────────

export type Columns = Record<string, string | number | null>;
export type Change = { set: Columns; before: Columns; tags: { before: string[]; after: string[] } | null; warnings: string[] };

const lines = (text: string | number | null | undefined) => (typeof text === 'string' ? text.split('\n').map((s) => s.trim()).filter(Boolean) : []);

/**
 * A record's main value and its others ("one a line") with the incoming values added: the main one
 * stays unless there is none, new values join the others in order, repeats (by `key`) are dropped,
 * and at most MAX_OTHER_CHANNELS others are kept (a warning says how many were not).
 */
export function mergeChannels(
  primary: string | null,
  othersText: string | null,
  incoming: string[],
  key: (v: string) => string,
  noun: string,
): { primary: string | null; others: string | null; warning: string | null } {
  const all = [primary, ...lines(othersText), ...incoming].filter((v): v is string => !!v);
  const seen = new Set<string>();
  const unique = all.filter((v) => (seen.has(key(v)) ? false : (seen.add(key(v)), true)));
  const [main = null, ...rest] = unique;
  const kept = rest.slice(0, MAX_OTHER_CHANNELS);
  const dropped = rest.length - kept.length;
  return {
    primary: main,
    others: kept.length ? kept.join('\n') : null,
    warning: dropped > 0 ? `${dropped} more ${noun}${dropped === 1 ? ' was' : 's were'} not kept: a contact keeps at most ${MAX_OTHER_CHANNELS} other ${noun}s` : null,
  };
}

export const phoneKey = (p: string) => p.toLowerCase().replace(/[^0-9+x]/g, '');

/** Tags after an import adds its own: the record's, then the new ones (case-insensitively new). */
export function addTags(existing: string[], incoming: string[]): string[] {
  const have = new Set(existing.map((t) => t.toLowerCase()));
  return [...existing, ...incoming.filter((t) => !have.has(t.toLowerCase()) && (have.add(t.toLowerCase()), true))];
}

/** The columns of `desired` (undefined: not in the file) that differ from `existing`, and their old values. */
export function diffColumns(existing: Columns, desired: Record<string, string | number | null | undefined>): { set: Columns; before: Columns } {
  const set: Columns = {};
  const before: Columns = {};
  for (const [column, value] of Object.entries(desired)) {
    if (value === undefined || value === null || existing[column] === value) continue;
    set[column] = value;
    before[column] = existing[column] ?? null;
  }
  return { set, before };
}

function tagChange(existing: string[], incoming: string[]): Change['tags'] {
  const after = addTags(existing, incoming);
  return after.length === existing.length ? null : { before: existing, after };
}

const given = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

/** What writing a contact row over an existing contact changes. `ownerId`/`companyId`: resolved, null for not given. */
export function contactChange(existing: Columns, existingTags: string[], v: ContactValues, resolved: { ownerId: number | null; companyId: number | null }): Change {
  const emails = mergeChannels(existing.email as string | null, existing.other_emails as string | null, [v.email, ...v.otherEmails].filter((e): e is string => !!e), (e) => e.toLowerCase(), 'email');
  const phones = mergeChannels(existing.phone as string | null, existing.other_phones as string | null, [v.phone, ...v.otherPhones].filter((p): p is string => !!p), phoneKey, 'phone');
  const { set, before } = diffColumns(existing, {
    first_name: v.firstName,
    // A last name is only ever set, never cleared: the file may simply not split names.
    last_name: given(v.lastName || null),
    email: given(emails.primary),
    other_emails: given(emails.others),
    phone: given(phones.primary),
    other_phones: given(phones.others),
    title: given(v.title),
    company_id: given(resolved.companyId),
    owner_id: given(resolved.ownerId),
    source: given(v.source),
    address: given(v.address),
    notes: given(v.notes),
    external_id: given(v.externalId),
  });
  return { set, before, tags: tagChange(existingTags, v.tags), warnings: [emails.warning, phones.warning].filter((w): w is string => !!w) };
}

/** What writing a company row over an existing company changes (its notes become a note, not a column). */
export function companyChange(existing: Columns, existingTags: string[], v: CompanyValues, resolved: { ownerId: number | null }): Change {
  const { set, before } = diffColumns(existing, {
    name: v.name,
    domain: given(v.domain),
    industry: given(v.industry),
    size: given(v.size),
    address: given(v.address),
    owner_id: given(resolved.ownerId),
    external_id: given(v.externalId),
  });
  return { set, before, tags: tagChange(existingTags, v.tags), warnings: [] };
}

export type DealRefs = { ownerId: number | null; pipelineId: number | null; stageId: number | null; contactId: number | null; companyId: number | null };

/** What writing a deal row over an existing deal changes; a stage in another pipeline moves the deal there. */
export function dealChange(existing: Columns, v: DealValues, refs: DealRefs): Change {
  const { set, before } = diffColumns(existing, {
    title: v.title,
    value_cents: given(v.valueCents),
    pipeline_id: given(refs.pipelineId),
    stage_id: given(refs.stageId),
    status: given(v.status),
    lost_reason: given(v.status === 'lost' ? v.lostReason : null),
    owner_id: given(refs.ownerId),
    expected_close_date: given(v.expectedCloseDate),
    probability_override_bp: given(v.probabilityBp),
    contact_id: given(refs.contactId),
    company_id: given(refs.companyId),
    source: given(v.source),
    external_id: given(v.externalId),
  });
  return { set, before, tags: null, warnings: [] };
}

/** What writing a product row over the product with its SKU changes (the SKU is the match, in any case). */
export function productChange(existing: Columns, v: ProductValues): Change {
  const { set, before } = diffColumns(existing, {
    name: v.name,
    description: given(v.description),
    unit: given(v.unit),
    unit_price_cents: v.unitPriceCents,
    tax_rate_bp: given(v.taxRateBp),
    active: v.active === null ? undefined : v.active ? 1 : 0,
  });
  return { set, before, tags: null, warnings: [] };
}

/** What writing a lead row over an existing lead changes (its source, owner and status resolved by the caller). */
export function leadChange(existing: Columns, existingTags: string[], v: LeadValues, resolved: { ownerId: number | null; sourceId: number | null }): Change {
  const emails = mergeChannels(existing.email as string | null, existing.other_emails as string | null, [v.email, ...v.otherEmails].filter((e): e is string => !!e), (e) => e.toLowerCase(), 'email');
  const phones = mergeChannels(existing.phone as string | null, existing.other_phones as string | null, [v.phone, ...v.otherPhones].filter((p): p is string => !!p), phoneKey, 'phone');
  const { set, before } = diffColumns(existing, {
    first_name: given(v.firstName || null),
    last_name: given(v.lastName || null),
    email: given(emails.primary),
    other_emails: given(emails.others),
    phone: given(phones.primary),
    other_phones: given(phones.others),
    company_name: given(v.companyName),
    title: given(v.title),
    website: given(v.website),
    country: given(v.country),
    owner_id: given(resolved.ownerId),
    source_id: given(resolved.sourceId),
    // A converted lead's status is its conversion's to keep.
    status: existing.status === 'converted' ? undefined : given(v.status),
    notes: given(v.notes),
    external_id: given(v.externalId),
  });
  return { set, before, tags: tagChange(existingTags, v.tags), warnings: [emails.warning, phones.warning].filter((w): w is string => !!w).map((w) => w.replace('a contact keeps', 'a lead keeps')) };
}

/** Whether a change changes anything at all (else the row is skipped as "already up to date"). */
export function changesSomething(change: Change, notes: string | null = null): boolean {
  return Object.keys(change.set).length > 0 || change.tags !== null || notes !== null;
}
