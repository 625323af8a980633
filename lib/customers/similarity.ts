// ─── The duplicate rule ──────────────────────────────────────────────────────────────────────────
//
// 1. Candidates come from blocking keys, never from comparing every pair. Each record's keys are
//    stored in an indexed table and rewritten whenever the record is; two records are a candidate
//    pair when they share a key of the same type.
//      contact  email       each normalised email (trimmed, no inner spaces, lower-case)
//               phone       each phone as E.164, national numbers read in the workspace's country
//               name        `${companyId}:${normalised last name}` (first name when there is no last
//                           name); only for contacts with a company, so that "similar name within the
//                           same company" candidates meet and namesakes elsewhere do not
//      company  domain      normalised website domain, except free-mail and shared-site domains
//               name        normalised company name (legal suffixes, case and punctuation ignored)
//               name_token  first significant token (≥ 3 characters, not an article) of that name,
//                           so "Acme Corporation", "Acme Corp Europe" and "ACME" meet
//
// 2. A candidate pair is scored on its fields, not on which key brought it together. Reasons:
//      contact  email    an email both have                               weight 0.95
//               phone    a phone both have (extensions ignored)           weight 0.70
//               name     same company AND name similarity ≥ 0.92          weight 0.60 × similarity
//      company  domain   same website domain                              weight 0.90
//               company_name          same normalised name                weight 0.85
//               similar_company_name  name similarity ≥ 0.92 (and not
//                                     the same normalised name)          weight 0.60 × similarity
//    Why these weights: an address is one person's except for shared role boxes (info@), a phone can
//    be a switchboard that colleagues share, a name at one company can be two namesakes; a domain
//    can be shared by a parent and its subsidiary, and a plain name ("Smith Ltd") by unrelated firms.
//    Several reasons of one kind (two shared emails) are listed but weigh once, at their strongest:
//    they usually come from one source, so they are not independent evidence.
//
// 3. score = 1 − Π(1 − weight) over the kinds present. A pair with no reason is not a duplicate (null);
//    any one reason is enough to list the pair, and the score only orders the list. So a pair that
//    shares a name key but scores below the similarity threshold, or has the same name at different
//    companies, or only a free-mail domain in common, is never listed.
//
// Name similarity is Jaro–Winkler (prefix scale 0.1, prefix ≤ 4, boost only above 0.7) over the
// normalised names with their tokens sorted, so "Doe John" equals "John Doe", and with the connective
// "and" dropped, so "Grimes Madden Huff" equals "Grimes, Madden and Huff". It compares spelling only:
// nicknames ("Bob" / "Robert" 0.71) and translations are not recognised, and one-letter variants of
// different people ("John" / "Joan" Doe, 0.95) are — a person confirms every merge. Decided cases:
// "Acme" / "Acme Widgets" (0.87) is not a similar name: a shared first word is how candidates meet,
// but "General Motors" / "General Mills" (0.90) share one too, and so does "Global Tech" / "Global
// Technologies" (0.916, just under). "Vega Gentry" / "Vega Gentry Sons" (0.94) is similar. Sorting
// puts a common word such as "group" first, so unrelated "Mayer Group" / "Weber Group" reach 0.89;
// among the 299 company names of the shared sample files, no two distinct names that share a first
// word reach 0.92 (the highest, 0.91, is "Cummings-Rojas" / "Cummings Inc"): hence 0.92, not 0.85.
//
// Blocking misses what shares no key: a contact whose last name has a typo ("Baxter" / "Baxtor", 0.93)
// or a company whose first word has one ("Microsoft" / "Microsfot") is found only through an email,
// phone or domain it shares.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import {
  isFreeMailDomain, isSharedSiteDomain, normaliseCompanyName, normaliseDomain, normaliseEmail,
  normalisePersonName, normalisePhone,
} from './normalise';

export const EMAIL_WEIGHT = 0.95;
export const PHONE_WEIGHT = 0.7;
export const CONTACT_NAME_WEIGHT = 0.6;
export const CONTACT_NAME_THRESHOLD = 0.92;
export const DOMAIN_WEIGHT = 0.9;
export const COMPANY_NAME_WEIGHT = 0.85;
export const SIMILAR_COMPANY_NAME_WEIGHT = 0.6;
export const COMPANY_NAME_THRESHOLD = 0.92;
/** Shortest first token worth a name_token key: "ab", "3m" would put thousands in one block. */
export const MIN_NAME_TOKEN_LENGTH = 3;

type Raw = string | null | undefined;

export type ContactMatchFields = {
  firstName?: Raw;
  lastName?: Raw;
  emails?: readonly Raw[];
  phones?: readonly Raw[];
  companyId: number | null;
};

export type CompanyMatchFields = { name?: Raw; domain?: Raw };

export type ContactMatchKey = { type: 'email' | 'phone' | 'name'; key: string };
export type CompanyMatchKey = { type: 'domain' | 'name' | 'name_token'; key: string };

export type Reason =
  | { kind: 'email'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'name'; similarity: number }
  | { kind: 'domain'; value: string }
  | { kind: 'company_name'; value: string }
  | { kind: 'similar_company_name'; similarity: number };

export type Match = { score: number; reasons: Reason[] };

// ─── Similarity ──────────────────────────────────────────────────────────────────────────────────

/** Jaro–Winkler similarity in 0..1 of two strings, by code point (so non-BMP letters count once). */
export function jaroWinkler(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  if (s.length === 0 && t.length === 0) return 1;
  if (s.length === 0 || t.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(s.length, t.length) / 2) - 1);
  const sMatched = new Array<boolean>(s.length).fill(false);
  const tMatched = new Array<boolean>(t.length).fill(false);
  let matches = 0;
  for (let i = 0; i < s.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(t.length, i + window + 1); j++) {
      if (!tMatched[j] && s[i] === t[j]) {
        sMatched[i] = tMatched[j] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  for (let i = 0, k = 0; i < s.length; i++) {
    if (!sMatched[i]) continue;
    while (!tMatched[k]) k++;
    if (s[i] !== t[k]) halfTranspositions++;
    k++;
  }
  const jaro = (matches / s.length + matches / t.length + (matches - halfTranspositions / 2) / matches) / 3;
  // Winkler's boost rewards a common start, but only for strings already alike; below 0.7 a shared
  // first letter says nothing.
  if (jaro <= 0.7) return jaro;
  let prefix = 0;
  while (prefix < 4 && prefix < s.length && prefix < t.length && s[prefix] === t[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

function comparable(normalisedName: string): string {
  return normalisedName.split(' ').filter((t) => t && t !== 'and').sort().join(' ');
}

/**
 * Similarity in 0..1 of two already normalised names (normalisePersonName / normaliseCompanyName):
 * token order and "and" ignored. An empty name is similar to nothing, not even another empty name.
 */
export function nameSimilarity(a: Raw, b: Raw): number {
  const x = a ? comparable(a) : '';
  const y = b ? comparable(b) : '';
  return x && y ? jaroWinkler(x, y) : 0;
}

// ─── Blocking keys ───────────────────────────────────────────────────────────────────────────────

function normalisedSet(values: readonly Raw[] | undefined, normalise: (v: Raw) => string | null): string[] {
  const out = new Set<string>();
  for (const v of values ?? []) {
    const n = normalise(v);
    if (n) out.add(n);
  }
  return [...out];
}

function contactNameKey(c: ContactMatchFields): string | null {
  if (c.companyId == null) return null;
  const name = normalisePersonName(null, c.lastName) ?? normalisePersonName(c.firstName, null);
  return name ? `${c.companyId}:${name}` : null;
}

export function contactMatchKeys(contact: ContactMatchFields, defaultCountry?: string | null): ContactMatchKey[] {
  const keys: ContactMatchKey[] = [
    ...normalisedSet(contact.emails, normaliseEmail).map((key) => ({ type: 'email' as const, key })),
    ...normalisedSet(contact.phones, (p) => normalisePhone(p, defaultCountry)).map((key) => ({ type: 'phone' as const, key })),
  ];
  const name = contactNameKey(contact);
  if (name) keys.push({ type: 'name', key: name });
  return keys;
}

/** A company's own domain, or null for none, a free-mail domain or a shared site such as facebook.com. */
function companyDomain(raw: Raw): string | null {
  const domain = normaliseDomain(raw);
  return domain && !isFreeMailDomain(domain) && !isSharedSiteDomain(domain) ? domain : null;
}

// Words that open many unrelated names; a block on them would be large and meaningless.
const NOT_SIGNIFICANT = new Set(['the', 'and', 'les', 'los', 'las', 'der', 'die', 'das', 'van', 'von', 'del', 'della']);

function nameToken(normalisedName: string): string | null {
  const token = normalisedName.split(' ').find((t) => !NOT_SIGNIFICANT.has(t) && Array.from(t).length >= MIN_NAME_TOKEN_LENGTH);
  return token ?? null;
}

export function companyMatchKeys(company: CompanyMatchFields): CompanyMatchKey[] {
  const keys: CompanyMatchKey[] = [];
  const domain = companyDomain(company.domain);
  if (domain) keys.push({ type: 'domain', key: domain });
  const name = normaliseCompanyName(company.name);
  if (name) {
    keys.push({ type: 'name', key: name });
    const token = nameToken(name);
    if (token) keys.push({ type: 'name_token', key: token });
  }
  return keys;
}

// ─── Scoring ─────────────────────────────────────────────────────────────────────────────────────

/** 1 − Π(1 − w): independent pieces of evidence, each alone worth w. */
export function combineWeights(weights: readonly number[]): number {
  return 1 - weights.reduce((rest, w) => rest * (1 - w), 1);
}

function reasonWeight(reason: Reason): number {
  switch (reason.kind) {
    case 'email': return EMAIL_WEIGHT;
    case 'phone': return PHONE_WEIGHT;
    case 'name': return CONTACT_NAME_WEIGHT * reason.similarity;
    case 'domain': return DOMAIN_WEIGHT;
    case 'company_name': return COMPANY_NAME_WEIGHT;
    case 'similar_company_name': return SIMILAR_COMPANY_NAME_WEIGHT * reason.similarity;
  }
}

function toMatch(reasons: Reason[]): Match | null {
  if (reasons.length === 0) return null;
  const strongest = new Map<Reason['kind'], number>();
  for (const r of reasons) strongest.set(r.kind, Math.max(strongest.get(r.kind) ?? 0, reasonWeight(r)));
  return { score: combineWeights([...strongest.values()]), reasons };
}

function shared(a: string[], b: string[]): string[] {
  const inB = new Set(b);
  return a.filter((x) => inB.has(x));
}

export function scoreContactPair(a: ContactMatchFields, b: ContactMatchFields, defaultCountry?: string | null): Match | null {
  const phone = (p: Raw) => normalisePhone(p, defaultCountry);
  const reasons: Reason[] = [
    ...shared(normalisedSet(a.emails, normaliseEmail), normalisedSet(b.emails, normaliseEmail)).map((value) => ({ kind: 'email' as const, value })),
    ...shared(normalisedSet(a.phones, phone), normalisedSet(b.phones, phone)).map((value) => ({ kind: 'phone' as const, value })),
  ];
  if (a.companyId != null && a.companyId === b.companyId) {
    const similarity = nameSimilarity(normalisePersonName(a.firstName, a.lastName), normalisePersonName(b.firstName, b.lastName));
    if (similarity >= CONTACT_NAME_THRESHOLD) reasons.push({ kind: 'name', similarity });
  }
  return toMatch(reasons);
}

export function scoreCompanyPair(a: CompanyMatchFields, b: CompanyMatchFields): Match | null {
  const reasons: Reason[] = [];
  const domain = companyDomain(a.domain);
  if (domain && domain === companyDomain(b.domain)) reasons.push({ kind: 'domain', value: domain });
  const nameA = normaliseCompanyName(a.name);
  const nameB = normaliseCompanyName(b.name);
  if (nameA && nameA === nameB) {
    reasons.push({ kind: 'company_name', value: nameA });
  } else {
    const similarity = nameSimilarity(nameA, nameB);
    if (similarity >= COMPANY_NAME_THRESHOLD) reasons.push({ kind: 'similar_company_name', similarity });
  }
  return toMatch(reasons);
}

// ─── Words for the screen ────────────────────────────────────────────────────────────────────────

// Floored so that "100 %" is only ever shown for identical names and a pair at the threshold never
// shows a figure below it.
const percent = (similarity: number) => `${Math.floor(similarity * 100)} %`;

export function describeReason(reason: Reason): string {
  switch (reason.kind) {
    case 'email': return `Same email ${reason.value}`;
    case 'phone': return `Same phone ${parsePhoneNumberFromString(reason.value)?.formatInternational() ?? reason.value}`;
    case 'name': return reason.similarity >= 1 ? 'Same name at the same company' : `Similar name (${percent(reason.similarity)}) at the same company`;
    case 'domain': return `Same website domain ${reason.value}`;
    case 'company_name': return 'Same company name';
    case 'similar_company_name': return `Similar company name (${percent(reason.similarity)})`;
  }
}
