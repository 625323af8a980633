import { z } from 'zod';
import { idParam } from '@/lib/route-params';
import { normaliseEmail, normalisePhone } from './normalise';

// The rules of merging two contacts or two companies, without I/O: which fields are merged and how
// a value is picked, how notes are combined, what becomes of the emails and phones that lose, which
// record is kept by default, and the one line the timeline says about what moved. db/queries/merge.ts
// applies them inside one transaction.

export const MERGE_KINDS = ['contact', 'company'] as const;
export type MergeKind = (typeof MERGE_KINDS)[number];

/**
 * A field the person merging picks a value for. `combinable` fields (notes) may keep both sides:
 * notes are what people wrote about the customer, and picking one side would throw the other's away.
 */
export type MergeField = { key: string; column: string; label: string; combinable?: boolean };

export const CONTACT_MERGE_FIELDS: readonly MergeField[] = [
  { key: 'firstName', column: 'first_name', label: 'First name' },
  { key: 'lastName', column: 'last_name', label: 'Last name' },
  { key: 'email', column: 'email', label: 'Email' },
  { key: 'phone', column: 'phone', label: 'Phone' },
  { key: 'title', column: 'title', label: 'Job title' },
  { key: 'companyId', column: 'company_id', label: 'Company' },
  { key: 'ownerId', column: 'owner_id', label: 'Owner' },
  { key: 'source', column: 'source', label: 'Source' },
  { key: 'address', column: 'address', label: 'Address' },
  { key: 'externalId', column: 'external_id', label: 'External id' },
  { key: 'notes', column: 'notes', label: 'Notes', combinable: true },
];

export const COMPANY_MERGE_FIELDS: readonly MergeField[] = [
  { key: 'name', column: 'name', label: 'Name' },
  { key: 'domain', column: 'domain', label: 'Website' },
  { key: 'industry', column: 'industry', label: 'Industry' },
  { key: 'size', column: 'size', label: 'Size' },
  { key: 'address', column: 'address', label: 'Address' },
  { key: 'ownerId', column: 'owner_id', label: 'Owner' },
  { key: 'priceListId', column: 'price_list_id', label: 'Price list' },
  { key: 'externalId', column: 'external_id', label: 'External id' },
];

export const MERGE_FIELDS: Record<MergeKind, readonly MergeField[]> = { contact: CONTACT_MERGE_FIELDS, company: COMPANY_MERGE_FIELDS };

export const MERGE_NOUNS: Record<MergeKind, { one: string; many: string; path: string }> = {
  contact: { one: 'contact', many: 'contacts', path: '/contacts' },
  company: { one: 'company', many: 'companies', path: '/companies' },
};

/** 'keep': the kept record's value; 'other': the merged-away record's; 'both': combined (notes only). */
export type MergeChoice = 'keep' | 'other' | 'both';
export type MergeChoices = Partial<Record<string, MergeChoice>>;

type Value = string | number | null;
type Row = Record<string, unknown>;

export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

const sameText = (a: unknown, b: unknown) => String(a ?? '').trim() === String(b ?? '').trim();

/**
 * What a field becomes when nobody picked: the kept record's value, or the other's when the kept one
 * is blank; notes written on both (and different) are combined.
 */
export function defaultChoice(field: MergeField, keep: unknown, other: unknown): MergeChoice {
  if (field.combinable && !isBlank(keep) && !isBlank(other) && !sameText(keep, other)) return 'both';
  return isBlank(keep) && !isBlank(other) ? 'other' : 'keep';
}

// The contact form's limit on notes (lib/contacts/schemas.ts): combined notes must still be editable.
export const MERGED_NOTES_MAX = 5000;

/** Both records' notes, the kept record's first; one of them when it already holds the other. */
export function combineNotes(keep: string | null, other: string | null): string | null {
  const a = keep?.trim() ?? '';
  const b = other?.trim() ?? '';
  if (!a || !b) return a || b || null;
  if (a.includes(b)) return a;
  if (b.includes(a)) return b;
  return `${a}\n\n${b}`;
}

/**
 * The merged record's values by column, from the choices (a field left out takes its default). A
 * choice that cannot be honoured is a problem by field key, e.g. notes too long to keep both.
 */
export function mergedValues(
  fields: readonly MergeField[],
  keep: Row,
  other: Row,
  choices: MergeChoices,
): { values: Record<string, Value>; problems: Record<string, string> } {
  const values: Record<string, Value> = {};
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const k = keep[field.column] as Value;
    const o = other[field.column] as Value;
    let choice = choices[field.key] ?? defaultChoice(field, k, o);
    if (choice === 'both' && !field.combinable) choice = 'keep';
    if (choice === 'both') {
      const combined = combineNotes(k as string | null, o as string | null);
      if (combined && combined.length > MERGED_NOTES_MAX) {
        problems[field.key] = `Together the notes are longer than ${MERGED_NOTES_MAX.toLocaleString('en-US')} characters. Keep one side's notes.`;
      }
      values[field.column] = combined;
    } else {
      values[field.column] = choice === 'other' ? o : k;
    }
  }
  return { values, problems };
}

const lines = (text: string | null | undefined) => (text ?? '').split('\n').map((s) => s.trim()).filter(Boolean);

/**
 * The "other" emails or phones of the merged contact: every value either record had (primary or
 * other), in that order, except the primary the merge keeps, once per matching form (`key`), one per
 * line; null when none is left.
 */
export function mergeAlternates(primary: string | null, sources: readonly (string | null)[], key: (value: string) => string): string | null {
  const seen = new Set<string>();
  if (primary && primary.trim()) seen.add(key(primary.trim()));
  const kept: string[] = [];
  for (const value of sources.flatMap(lines)) {
    const k = key(value);
    if (seen.has(k)) continue;
    seen.add(k);
    kept.push(value);
  }
  return kept.length ? kept.join('\n') : null;
}

/** Two spellings of one address are one address; a value that is no address is compared as typed. */
export const emailKey = (value: string) => normaliseEmail(value) ?? value.trim().toLowerCase();

/** Two spellings of one number are one number (E.164 in the workspace's country), else its digits. */
export const phoneKey = (country: string | null) => (value: string) => normalisePhone(value, country) ?? (value.replace(/\D/g, '') || value.trim());

/**
 * The record kept unless the person merging picks the other: the one with more deals (the one people
 * have been working with, whose links are most likely shared), or, with as many, the older one (the
 * original, which a later import or form most likely duplicated).
 */
export function defaultKeep(a: { id: number; deals: number; createdAt: number }, b: { id: number; deals: number; createdAt: number }): number {
  if (a.deals !== b.deals) return a.deals > b.deals ? a.id : b.id;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? a.id : b.id;
  return Math.min(a.id, b.id);
}

/** `?ids=12,34`: exactly two different record ids, else null. */
export function parseMergeIds(raw: unknown): [number, number] | null {
  if (typeof raw !== 'string') return null;
  const parts = raw.split(',').map((s) => idParam(s.trim()));
  if (parts.length !== 2 || parts[0] === null || parts[1] === null || parts[0] === parts[1]) return null;
  return [parts[0], parts[1]];
}

// What a timeline says moved, by table. A table a later feature adds is named by its own name.
const MOVED_LABELS: Record<string, [string, string]> = {
  deals: ['deal', 'deals'],
  activities: ['activity or task', 'activities and tasks'],
  quotes: ['quote', 'quotes'],
  contacts: ['contact', 'contacts'],
  contact_tags: ['tag', 'tags'],
  company_tags: ['tag', 'tags'],
};
const MOVED_ORDER = ['contacts', 'deals', 'activities', 'quotes', 'contact_tags', 'company_tags'];

/** "Moved 2 deals, 3 activities and tasks and 1 tag." from rows moved by table. */
export function describeMoved(moved: Record<string, number> | null | undefined): string {
  const parts = Object.entries(moved ?? {})
    .filter(([, n]) => Number.isInteger(n) && n > 0)
    .sort(([a], [b]) => (MOVED_ORDER.indexOf(a) + 1 || 99) - (MOVED_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b))
    .map(([table, n]) => {
      const [one, many] = MOVED_LABELS[table] ?? [table.replace(/_/g, ' '), table.replace(/_/g, ' ')];
      return `${n} ${n === 1 ? one : many}`;
    });
  if (parts.length === 0) return 'Nothing else was linked to it.';
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `Moved ${list}.`;
}

export type MergeInput = { keepId: number; otherId: number; keepVersion: number; otherVersion: number; choices: MergeChoices };

const id = z.coerce.number().int().positive();
const pair = <T extends z.ZodType>(item: T, message: string) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()) : v), z.tuple([item, item], { message }));

/**
 * The merge form: `ids` and `versions` ("12,34" and the two records' versions as the page read
 * them), `keep` (the id kept), and per field `pick_<key>`: the id of the record whose value wins, or
 * "both" for notes. A field left out takes its default.
 */
export function mergeFormSchema(kind: MergeKind) {
  const fields = MERGE_FIELDS[kind];
  const picks = Object.fromEntries(fields.map((f) => [`pick_${f.key}`, z.string().max(20).optional()]));
  return z
    .object({
      ids: pair(id, `Pick two ${MERGE_NOUNS[kind].many} to merge.`),
      versions: pair(z.coerce.number().int().nonnegative(), 'Reload the page and try again.'),
      keep: id,
      ...picks,
    })
    .superRefine((v, ctx) => {
      if (v.ids[0] === v.ids[1]) ctx.addIssue({ code: 'custom', path: ['ids'], message: `Pick two different ${MERGE_NOUNS[kind].many} to merge.` });
      if (!v.ids.includes(v.keep)) ctx.addIssue({ code: 'custom', path: ['keep'], message: `Pick the ${MERGE_NOUNS[kind].one} to keep.` });
    })
    .transform((v): MergeInput => {
      const keepIndex = v.ids[0] === v.keep ? 0 : 1;
      const otherId = v.ids[1 - keepIndex];
      const form = v as unknown as Record<string, string | undefined>;
      const choices: MergeChoices = {};
      for (const f of fields) {
        const pick = form[`pick_${f.key}`];
        if (pick === 'both' && f.combinable) choices[f.key] = 'both';
        else if (pick === String(v.keep)) choices[f.key] = 'keep';
        else if (pick === String(otherId)) choices[f.key] = 'other';
      }
      return { keepId: v.keep, otherId, keepVersion: v.versions[keepIndex], otherVersion: v.versions[1 - keepIndex], choices };
    });
}
