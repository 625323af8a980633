// Guessing which field each column fills from its header. Headers are reduced to a canonical form
// (lower case, no accents, words split on punctuation and camelCase) and looked up among the
// fields' aliases; nothing is matched by similarity, so a guess is either one a person would make
// or none at all, and the user can change every one.
import { ENTITY_WORDS, IMPORT_FIELDS, type ImportFieldDefinition, type ImportFieldKey, type ImportKind, type ImportMapping } from './fields';

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ß/g, 'ss');
}

function words(header: string): string[] {
  const text = fold(
    header
      // "Probability (%)", "Amount (USD)", and the "Email (2)" that parse.ts names a repeated header.
      .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
      // Salesforce API names and hand-made sheets: FirstName, MailingPostalCode, AccountID, email1.
      .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
      .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2'),
  )
    .replace(/(\p{L})(\d)/gu, '$1 $2')
    .replace(/(\d)(\p{L})/gu, '$1 $2')
    .replace(/\be[\s_.-]?mail/g, 'email');
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * The forms a header is looked up by, best first: as written ("address line 2"), then without its
 * numbering ("Email 2" → "email", Google's "E-mail 1 - Value" → "email", "Address 1 - City" →
 * "address city"). The numbered form comes first so "Address line 2" can mean the second line while
 * "Phone 2" is just another phone.
 */
export function normaliseHeader(header: string): { full: string; unnumbered: string } {
  const tokens = words(header);
  const kept: string[] = [];
  let afterNumber = false;
  for (const token of tokens) {
    if (/^\d+$/.test(token)) {
      afterNumber = true;
      continue;
    }
    // Google Contacts pairs "E-mail 1 - Type" with "E-mail 1 - Value": the value is the field.
    if (!(afterNumber && token === 'value')) kept.push(token);
    afterNumber = false;
  }
  return { full: tokens.join(' '), unnumbered: kept.join(' ') };
}

type AliasHit = { field: ImportFieldDefinition; rank: number };

const aliasTables = new Map<ImportKind, Map<string, AliasHit>>();

/** Alias → field for a kind, built once; aliases are normalised here too, so either form works. */
function aliasTable(kind: ImportKind): Map<string, AliasHit> {
  let table = aliasTables.get(kind);
  if (!table) {
    table = new Map();
    for (const field of IMPORT_FIELDS[kind] as readonly ImportFieldDefinition[]) {
      field.aliases.forEach((alias, rank) => {
        const key = normaliseHeader(alias).full;
        if (!table!.has(key)) table!.set(key, { field, rank });
      });
    }
    aliasTables.set(kind, table);
  }
  return table;
}

function withoutEntityWord(kind: ImportKind, key: string): string | null {
  const [first, ...rest] = key.split(' ');
  return ENTITY_WORDS[kind].includes(first) && rest.length > 0 ? rest.join(' ') : null;
}

export type HeaderMatch = {
  field: string;
  /** Where the alias stands in the field's list (0 is the best). */
  rank: number;
  /** Which form matched: 0 as written, 1 unnumbered, 2 and 3 the same without the entity word. */
  form: number;
  /** Matched only without a number above 1: a second instance ("Street 3", "Organization 2 - Name"). */
  later: boolean;
};

/** The field a header means for this kind of record, and how good a match it is. */
export function matchHeader(kind: ImportKind, header: string): HeaderMatch | null {
  const table = aliasTable(kind);
  const { full, unnumbered } = normaliseHeader(header);
  const forms = [full, unnumbered, withoutEntityWord(kind, full), withoutEntityWord(kind, unnumbered)];
  for (let form = 0; form < forms.length; form++) {
    const key = forms[form];
    const hit = key ? table.get(key) : undefined;
    if (!hit) continue;
    const later = (form === 1 || form === 3) && full.split(' ').some((t) => /^\d+$/.test(t) && Number(t) > 1);
    return { field: hit.field.key, rank: hit.rank, form, later };
  }
  return null;
}

/**
 * For each header, the field it most likely fills, or null to skip it. A field that takes many
 * columns gets every matching column, in the file's order. A field that takes one gets the best:
 * a first instance beats a later one ("Address line 1" over "Address line 3", "Email 1" over
 * "Email 2"), then the alias that comes first ("Contact ID" over "Account ID" for the contact's own
 * id, Google's "Organization 1 - Title" over its "Occupation"), then the column that comes first.
 */
export function guessMapping<K extends ImportKind>(kind: K, headers: string[]): ImportMapping<K> {
  const matches = headers.map((h) => matchHeader(kind, h));
  const score = (m: HeaderMatch) => [m.later ? 1 : 0, m.rank, m.form];
  const best = new Map<string, number>();
  matches.forEach((m, i) => {
    if (!m) return;
    const current = best.get(m.field);
    if (current === undefined) return void best.set(m.field, i);
    const [a, b] = [score(m), score(matches[current]!)];
    const diff = a.map((v, j) => v - b[j]).find((d) => d !== 0) ?? 0;
    if (diff < 0) best.set(m.field, i);
  });
  const fields = IMPORT_FIELDS[kind] as readonly ImportFieldDefinition[];
  return matches.map((m, i) => {
    if (!m) return null;
    const many = fields.find((f) => f.key === m.field)!.many;
    return (many || best.get(m.field) === i ? m.field : null) as ImportFieldKey<K>;
  });
}

/**
 * A short stable string for a header row, to offer a saved mapping again for the next file with
 * the same columns in the same order (the mapping is per column, so order matters). Case, spacing
 * and punctuation do not count; anything else does. cyrb53 is enough: a collision only offers a
 * mapping the user sees and can change.
 */
export function headerSignature(headers: string[]): string {
  const text = headers.map((h) => normaliseHeader(h).full).join('\n');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${headers.length}:${hash.toString(36)}`;
}
