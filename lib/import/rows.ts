// One row of a file, read through a mapping into the values of one record, before anything is
// looked up or checked: owners, stages and pipelines stay names, money and dates stay text, emails
// are not yet validated. The next step (db side) checks them against the same zod schemas as the
// forms and reports what does not fit, so nothing here invents or drops a value silently: blank
// cells are the only thing left out.
import type { ImportFieldKey, ImportKind, ImportMapping } from './fields';

export type ContactRecord = {
  firstName?: string;
  lastName?: string;
  email?: string;
  otherEmails?: string[];
  phone?: string;
  otherPhones?: string[];
  title?: string;
  companyName?: string;
  companyWebsite?: string;
  owner?: string;
  source?: string;
  address?: string;
  notes?: string;
  tags?: string[];
  externalId?: string;
};

export type CompanyRecord = {
  name?: string;
  website?: string;
  industry?: string;
  size?: string;
  address?: string;
  owner?: string;
  tags?: string[];
  externalId?: string;
  notes?: string;
};

export type DealRecord = {
  title?: string;
  value?: string;
  currency?: string;
  pipeline?: string;
  stage?: string;
  status?: string;
  lostReason?: string;
  owner?: string;
  expectedCloseDate?: string;
  probability?: string;
  contactEmail?: string;
  companyName?: string;
  source?: string;
  notes?: string;
  externalId?: string;
};

export type ProductRecord = {
  name?: string;
  sku?: string;
  unitPrice?: string;
  description?: string;
  unit?: string;
  taxRate?: string;
  active?: string;
  currency?: string;
};

export type LeadRecord = {
  firstName?: string;
  lastName?: string;
  email?: string;
  otherEmails?: string[];
  phone?: string;
  otherPhones?: string[];
  companyName?: string;
  title?: string;
  website?: string;
  country?: string;
  owner?: string;
  source?: string;
  status?: string;
  notes?: string;
  tags?: string[];
  externalId?: string;
};

export type ImportRecord<K extends ImportKind> = { contacts: ContactRecord; companies: CompanyRecord; deals: DealRecord; products: ProductRecord; leads: LeadRecord }[K];

// ─── Cells ───────────────────────────────────────────────────────────────────────────────────────

/**
 * A one-line value: every run of whitespace (a line break typed with Alt+Enter, a tab, the
 * no-break space of text copied from a web page) becomes one space. A stray line break in a
 * company name is a typing accident, not part of the name, and the forms refuse it.
 */
export function oneLine(cell: string): string {
  return cell.replace(/\s+/g, ' ').trim();
}

/** Multi-line text (notes): line breaks kept, trailing spaces on each line and blank edges dropped. */
export function multiLine(cell: string): string {
  return cell
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .trim();
}

// Google Contacts puts several values of one kind in one cell joined by " ::: "; other exports use
// a comma, a semicolon or a line break.
const LIST_SEPARATOR = /:::|[,;\n]/;

/**
 * The addresses in one email cell. A cell is split only when it holds more than one "@", so a
 * display-name form with a comma in it ("Lee, Ann <ann@x.com>") stays whole.
 */
export function splitEmails(cell: string): string[] {
  const parts = (cell.match(/@/g) ?? []).length > 1 ? cell.split(LIST_SEPARATOR) : [cell];
  return parts.map(oneLine).filter(Boolean);
}

/** The numbers in one phone cell ("+1 555 0100 ::: +1 555 0199", "0612; 0613"). */
export function splitPhones(cell: string): string[] {
  return cell.split(LIST_SEPARATOR).map(oneLine).filter(Boolean);
}

// Google's system groups: "* myContacts" is on every contact Google exports and means nothing;
// "* starred" is the user's own marking and is kept as "starred".
const GOOGLE_ALL_CONTACTS = 'mycontacts';

/**
 * Tags from one cell: split on commas, semicolons, line breaks and Google's " ::: ", trimmed,
 * blanks dropped, repeated ones (in any case) kept once with their first spelling.
 */
export function splitTags(cell: string): string[] {
  const seen = new Map<string, string>();
  for (const part of cell.split(LIST_SEPARATOR)) {
    const tag = oneLine(part).replace(/^\*\s*/, '');
    const key = tag.toLowerCase();
    if (!tag || key === GOOGLE_ALL_CONTACTS || seen.has(key)) continue;
    seen.set(key, tag);
  }
  return [...seen.values()];
}

function uniqueBy(values: string[], key: (v: string) => string): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = key(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// Two spellings of one number ("740.645.3807", "740-645-3807") are one phone. The extension is
// part of the number ("x718" and "ext. 718" both keep their x), a missing country code is not
// guessed: "+1 740…" and "740…" stay two entries for the user to see.
const phoneKey = (phone: string) => phone.toLowerCase().replace(/[^0-9+x]/g, '');

// ─── Names ───────────────────────────────────────────────────────────────────────────────────────

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'dame']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'esq', 'mba']);
// Lower-case particles that belong to the family name ("Ludwig van Beethoven"). Only when written
// in lower case: "Van Morrison" is a first name.
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'dos', 'das', 'do', 'ter', 'ten', 'bin', 'ibn', 'al', 'el', 'st.']);

const bare = (word: string) => word.toLowerCase().replace(/\./g, '');

/**
 * A full name split into first and last: the last word is the last name (with its particles and
 * suffixes), the rest the first name; "Lee, Ann" is last-name-first. A leading honorific is dropped:
 * "Dr" is not part of anyone's first name and would stop the duplicate check matching the person.
 * One word is a first name with no last name (the forms require a first name, not a last one).
 */
export function splitName(full: string): { firstName: string; lastName: string } {
  let text = oneLine(full);
  const comma = text.split(',').map((p) => p.trim());
  if (comma.length === 2 && comma[0] && comma[1] && !comma[1].split(' ').every((w) => SUFFIXES.has(bare(w)))) {
    return { firstName: comma[1], lastName: comma[0] };
  }
  text = text.replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  const words = text.split(' ').filter(Boolean);
  // Dropped only when a first and a last name remain: "Mr Smith" keeps its "Mr" rather than
  // become a person called Smith with no last name.
  while (words.length > 2 && HONORIFICS.has(bare(words[0]))) words.shift();
  if (words.length <= 1) return { firstName: words[0] ?? '', lastName: '' };
  let end = words.length;
  while (end > 1 && SUFFIXES.has(bare(words[end - 1]))) end--;
  if (end === 1) return { firstName: words[0], lastName: words.slice(1).join(' ') };
  let start = end - 1;
  while (start > 1 && PARTICLES.has(words[start - 1])) start--;
  return { firstName: words.slice(0, start).join(' '), lastName: words.slice(start).join(' ') };
}

// ─── Addresses ───────────────────────────────────────────────────────────────────────────────────

export type AddressParts = { street?: string; line2?: string; city?: string; state?: string; postalCode?: string; country?: string };

// Countries that write the postal code before the town ("10115 Berlin"); everywhere else it
// follows the state ("Springfield, IL 62701", "London, SW1A 2AA"). Names as exports spell them,
// in English and in the country's language, and ISO codes.
const POSTCODE_FIRST = new Set([
  'germany', 'deutschland', 'de', 'deu', 'france', 'fr', 'fra', 'spain', 'espana', 'es', 'esp', 'italy', 'italia', 'it', 'ita',
  'netherlands', 'the netherlands', 'nederland', 'nl', 'nld', 'belgium', 'belgique', 'belgie', 'be', 'bel', 'austria', 'osterreich', 'at', 'aut',
  'switzerland', 'schweiz', 'suisse', 'svizzera', 'ch', 'che', 'denmark', 'danmark', 'dk', 'dnk', 'sweden', 'sverige', 'se', 'swe',
  'norway', 'norge', 'no', 'nor', 'finland', 'suomi', 'fi', 'fin', 'poland', 'polska', 'pl', 'pol', 'portugal', 'pt', 'prt',
  'czech republic', 'czechia', 'cz', 'cze', 'luxembourg', 'lu', 'lux', 'iceland', 'is', 'isl', 'mexico', 'mx', 'mex',
]);

const countryKey = (country: string) => country.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\./g, '').trim();

/**
 * The parts of an address as one line, the way the address field holds it: street, second line,
 * then the town with its postal code and state in the country's order, then the country, joined by
 * ", ". Line breaks inside a part become ", ". A part already present as a segment (a street
 * column that holds the whole address) is not repeated.
 */
export function joinAddress(parts: AddressParts): string {
  const clean = (v?: string) =>
    (v ?? '')
      .split(/\r\n?|\n/)
      .map((l) => oneLine(l).replace(/^,+|,+$/g, '').trim())
      .filter(Boolean)
      .join(', ');
  const [street, line2, city, state, postal, country] = [parts.street, parts.line2, parts.city, parts.state, parts.postalCode, parts.country].map(clean);
  const locality = POSTCODE_FIRST.has(countryKey(country))
    ? [[postal, city].filter(Boolean).join(' '), state]
    : [city, [state, postal].filter(Boolean).join(' ')];
  const segments: string[] = [];
  for (const part of [street, line2, ...locality, country]) {
    if (!part) continue;
    const have = new Set(segments.join(', ').toLowerCase().split(', '));
    if (!have.has(part.toLowerCase())) segments.push(part);
  }
  return segments.join(', ');
}

// ─── Rows ────────────────────────────────────────────────────────────────────────────────────────

/** The non-blank cells of each mapped field, in column order (raw, for the shaping below). */
function collect(mapping: (string | null)[], cells: string[]): Map<string, string[]> {
  const values = new Map<string, string[]>();
  mapping.forEach((field, i) => {
    const cell = cells[i] ?? '';
    if (!field || cell.trim() === '') return;
    values.set(field, [...(values.get(field) ?? []), cell]);
  });
  return values;
}

/** Sets only the values that are there, so "not in the file" and "blank" both read as absent. */
function assign<T extends object>(record: T, entries: { [F in keyof T]?: T[F] | '' | [] }): T {
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    (record as Record<string, unknown>)[key] = value;
  }
  return record;
}

const ADDRESS_FIELDS = {
  street: 'addressStreet',
  line2: 'addressLine2',
  city: 'addressCity',
  state: 'addressState',
  postalCode: 'addressPostalCode',
  country: 'addressCountry',
} as const;

/** Typed access to one row's values for the fields of one kind (a misspelt field does not compile). */
function reader<F extends string>(values: Map<string, string[]>) {
  const raw = (field: F) => values.get(field)?.[0] ?? '';
  return {
    one: (field: F) => oneLine(raw(field)),
    text: (field: F) => multiLine(raw(field)),
    all: (field: F) => values.get(field) ?? [],
    tags: (field: F) => splitTags((values.get(field) ?? []).join(',')),
    // The raw cells go to joinAddress, which turns line breaks inside them into commas.
    address: (fields: Record<keyof AddressParts, F>) =>
      joinAddress(Object.fromEntries(Object.entries(fields).map(([part, field]) => [part, raw(field as F)])) as AddressParts),
  };
}

type PersonField = 'firstName' | 'lastName' | 'fullName' | 'email' | 'phone';

/** A person's name (a full name split when there is no first or last) and their emails and phones, main one first. */
function person(r: ReturnType<typeof reader<PersonField>>) {
  const emails = uniqueBy(r.all('email').flatMap(splitEmails), (e) => e.toLowerCase());
  const phones = uniqueBy(r.all('phone').flatMap(splitPhones), phoneKey);
  let firstName = r.one('firstName');
  let lastName = r.one('lastName');
  if (!firstName && !lastName) ({ firstName, lastName } = splitName(r.one('fullName')));
  return { firstName, lastName, email: emails[0] ?? '', otherEmails: emails.slice(1), phone: phones[0] ?? '', otherPhones: phones.slice(1) };
}

/**
 * The values of one row for a record of this kind. One-column fields take their column's trimmed
 * text (the first non-blank column, should a mapping give a field several); emails and phones are
 * gathered from all their columns in order, the first becoming the main one and repeats dropped
 * (emails ignoring case); tags are split and gathered; address parts are joined into one address;
 * a full name is split only when the row has neither a first nor a last name. Only fields with a
 * value are present.
 */
export function mapRow<K extends ImportKind>(kind: K, mapping: ImportMapping<K>, cells: string[]): ImportRecord<K> {
  const values = collect(mapping, cells);

  if (kind === 'contacts') {
    const r = reader<ImportFieldKey<'contacts'>>(values);
    return assign<ContactRecord>({}, {
      ...person(r),
      title: r.one('title'),
      companyName: r.one('companyName'),
      companyWebsite: r.one('companyWebsite'),
      owner: r.one('owner'),
      source: r.one('source'),
      address: r.address(ADDRESS_FIELDS),
      notes: r.text('notes'),
      tags: r.tags('tags'),
      externalId: r.one('externalId'),
    }) as ImportRecord<K>;
  }

  if (kind === 'companies') {
    const r = reader<ImportFieldKey<'companies'>>(values);
    return assign<CompanyRecord>({}, {
      name: r.one('name'),
      website: r.one('website'),
      industry: r.one('industry'),
      size: r.one('size'),
      address: r.address(ADDRESS_FIELDS),
      owner: r.one('owner'),
      tags: r.tags('tags'),
      externalId: r.one('externalId'),
      notes: r.text('notes'),
    }) as ImportRecord<K>;
  }

  if (kind === 'leads') {
    const r = reader<ImportFieldKey<'leads'>>(values);
    return assign<LeadRecord>({}, {
      ...person(r),
      companyName: r.one('companyName'),
      title: r.one('title'),
      website: r.one('website'),
      country: r.one('country'),
      owner: r.one('owner'),
      source: r.one('source'),
      status: r.one('status'),
      notes: r.text('notes'),
      tags: r.tags('tags'),
      externalId: r.one('externalId'),
    }) as ImportRecord<K>;
  }

  if (kind === 'products') {
    const r = reader<ImportFieldKey<'products'>>(values);
    return assign<ProductRecord>({}, {
      name: r.one('name'),
      sku: r.one('sku'),
      unitPrice: r.one('unitPrice'),
      description: r.text('description'),
      unit: r.one('unit'),
      taxRate: r.one('taxRate'),
      active: r.one('active'),
      currency: r.one('currency'),
    }) as ImportRecord<K>;
  }

  const r = reader<ImportFieldKey<'deals'>>(values);
  return assign<DealRecord>({}, {
    title: r.one('title'),
    value: r.one('value'),
    currency: r.one('currency'),
    pipeline: r.one('pipeline'),
    stage: r.one('stage'),
    status: r.one('status'),
    lostReason: r.one('lostReason'),
    owner: r.one('owner'),
    expectedCloseDate: r.one('expectedCloseDate'),
    probability: r.one('probability'),
    contactEmail: r.one('contactEmail'),
    companyName: r.one('companyName'),
    source: r.one('source'),
    notes: r.text('notes'),
    externalId: r.one('externalId'),
  }) as ImportRecord<K>;
}
