// What an import can fill, per kind of record, and the column headers that mean each field in the
// exports people bring (HubSpot, Pipedrive, Salesforce, Google Contacts, Atomic CRM, Outlook,
// datablist samples, hand-made sheets). Aliases are written in the normalised form guess.ts compares
// (lower case, words split on anything that is not a letter or digit, no accents), best first: when
// two columns could fill a one-column field, the one whose alias comes first wins (Outlook's
// "Job Title" over its "Title", which holds Mr or Dr). A header can only reach a field through an
// alias here: there is no fuzzy matching, so "Email Opt Out" never lands in Email.
import { z } from 'zod';

export const IMPORT_KINDS = ['contacts', 'companies', 'deals', 'products', 'leads'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ImportFieldDefinition = {
  key: string;
  label: string;
  /** Takes several columns (two emails, three phones, tag columns); the rest take at most one. */
  many: boolean;
  aliases: readonly string[];
};

/** "work email", "email work", ... for every qualifier: exports put the kind before or after. */
function qualified(bases: string[], qualifiers: string[]): string[] {
  return bases.flatMap((b) => [b, ...qualifiers.flatMap((q) => [`${q} ${b}`, `${b} ${q}`])]);
}

const EMAIL_QUALIFIERS = ['work', 'home', 'personal', 'private', 'business', 'office', 'other', 'primary', 'secondary', 'alternate', 'alternative', 'additional', 'main', 'direct'];
const EMAIL_ALIASES = [...qualified(['email', 'email address'], EMAIL_QUALIFIERS), 'emails', 'email addresses', 'email id', 'mail', 'mail address'];

const PHONE_QUALIFIERS = ['work', 'home', 'mobile', 'cell', 'office', 'business', 'direct', 'work direct', 'main', 'other', 'personal', 'private', 'primary', 'secondary', 'alternate', 'alternative', 'additional', 'landline', 'company'];
const PHONE_ALIASES = [
  ...qualified(['phone', 'phone number', 'telephone', 'telephone number', 'tel'], PHONE_QUALIFIERS),
  'phones', 'phone numbers', 'mobile', 'mobile number', 'mobile no', 'cell', 'cellphone', 'cell number', 'phone no', 'contact number',
];

const OWNER_ALIASES = ['owner', 'owner name', 'owner email', 'record owner', 'assigned to', 'assignee', 'sales rep', 'sales representative', 'salesperson', 'account manager', 'rep'];
const SOURCE_ALIASES = ['source', 'lead source', 'original source', 'source channel', 'channel', 'acquisition channel', 'referral source', 'utm source', 'origin', 'how did you hear about us'];
const TAG_ALIASES = ['tags', 'tag', 'labels', 'label', 'categories', 'keywords', 'groups', 'group membership'];
const NOTES_ALIASES = ['notes', 'note', 'comments', 'comment', 'description', 'background', 'about', 'remarks', 'details'];

// Address parts, with the prefixes exports put before them (Salesforce's "Mailing City" for a
// contact, "Billing City" for an account, Google's "Address 1 - City"). Salesforce's "Other" and
// "Shipping" addresses are left out: they are second addresses and would mix into the first.
function addressFields(prefixes: string[]) {
  const withPrefixes = (parts: string[]) => parts.flatMap((p) => ['', ...prefixes].map((pre) => (pre ? `${pre} ${p}` : p)));
  return [
    { key: 'addressStreet', label: 'Street', many: false, aliases: [...withPrefixes(['street', 'street address', 'address', 'address line', 'address line 1', 'street 1']), 'postal address', 'full address'] },
    // Google's "Extended Address" is the flat or suite: the second line.
    { key: 'addressLine2', label: 'Street (line 2)', many: false, aliases: [...withPrefixes(['address line 2', 'street 2', 'street address 2', 'address 2']), 'extended address', 'address extended address'] },
    { key: 'addressCity', label: 'City', many: false, aliases: withPrefixes(['city', 'town', 'locality']) },
    { key: 'addressState', label: 'State or region', many: false, aliases: withPrefixes(['state', 'region', 'province', 'state province', 'state region', 'county']) },
    { key: 'addressPostalCode', label: 'Postal code', many: false, aliases: withPrefixes(['postal code', 'postcode', 'post code', 'zip', 'zip code', 'zipcode', 'zip postal code', 'postal']) },
    { key: 'addressCountry', label: 'Country', many: false, aliases: withPrefixes(['country', 'country region', 'country name', 'country code']) },
  ] as const;
}

const CONTACT_FIELDS = [
  { key: 'firstName', label: 'First name', many: false, aliases: ['first name', 'firstname', 'given name', 'forename', 'first', 'fname'] },
  { key: 'lastName', label: 'Last name', many: false, aliases: ['last name', 'lastname', 'surname', 'family name', 'last', 'lname'] },
  { key: 'fullName', label: 'Full name (split when there is no first and last name)', many: false, aliases: ['name', 'full name', 'fullname', 'display name', 'contact', 'person'] },
  { key: 'email', label: 'Email (the first is the main one)', many: true, aliases: EMAIL_ALIASES },
  { key: 'phone', label: 'Phone (the first is the main one)', many: true, aliases: PHONE_ALIASES },
  { key: 'title', label: 'Job title', many: false, aliases: ['job title', 'title', 'position', 'job position', 'role', 'job role', 'job', 'designation', 'organization title', 'organisation title', 'occupation'] },
  {
    key: 'companyName',
    label: 'Company',
    many: false,
    aliases: ['company', 'company name', 'organization', 'organisation', 'organization name', 'organisation name', 'account name', 'account', 'company account', 'associated company', 'employer', 'business name'],
  },
  {
    key: 'companyWebsite',
    label: 'Company website or domain',
    many: false,
    aliases: ['company website', 'website', 'web site', 'website url', 'company url', 'company domain', 'company domain name', 'domain', 'url', 'homepage', 'home page', 'web', 'www', 'web address'],
  },
  { key: 'owner', label: 'Owner (user name or email)', many: false, aliases: OWNER_ALIASES },
  { key: 'source', label: 'Source', many: false, aliases: SOURCE_ALIASES },
  // A CRM keeps where a person works: Outlook's "Business Street" rather than its "Home Street".
  ...addressFields(['mailing', 'address', 'business', 'work']),
  { key: 'notes', label: 'Notes', many: false, aliases: NOTES_ALIASES },
  { key: 'tags', label: 'Tags (split on commas)', many: true, aliases: TAG_ALIASES },
  {
    key: 'externalId',
    label: 'ID in the other system',
    many: false,
    aliases: ['id', 'external id', 'record id', 'crm id', 'customer id', 'user id', 'account id'],
  },
] as const satisfies readonly ImportFieldDefinition[];

const COMPANY_FIELDS = [
  { key: 'name', label: 'Name', many: false, aliases: ['name', 'company name', 'company', 'organization', 'organisation', 'organization name', 'organisation name', 'account name', 'account', 'company account', 'business name', 'business', 'legal name'] },
  { key: 'website', label: 'Website or domain', many: false, aliases: ['website', 'web site', 'website url', 'domain', 'domain name', 'url', 'homepage', 'home page', 'web', 'www', 'web address'] },
  { key: 'industry', label: 'Industry', many: false, aliases: ['industry', 'sector', 'vertical', 'industry type', 'business type'] },
  {
    key: 'size',
    label: 'Size or employees',
    many: false,
    aliases: ['size', 'employees', 'number of employees', 'employee count', 'employees count', 'no of employees', 'num employees', 'employee range', 'headcount', 'staff', 'staff count', 'team size'],
  },
  ...addressFields(['billing', 'address', 'hq']),
  { key: 'owner', label: 'Owner (user name or email)', many: false, aliases: OWNER_ALIASES },
  { key: 'tags', label: 'Tags (split on commas)', many: true, aliases: TAG_ALIASES },
  { key: 'externalId', label: 'ID in the other system', many: false, aliases: ['id', 'external id', 'record id', 'crm id', 'customer id'] },
  // Companies have no notes column: the text is kept as a note on the company, so a description
  // and notes are the same thing here. Notes wins when a file has both; the other can be chosen.
  { key: 'notes', label: 'Notes or description (kept as a note)', many: false, aliases: NOTES_ALIASES },
] as const satisfies readonly ImportFieldDefinition[];

const DEAL_FIELDS = [
  { key: 'title', label: 'Title', many: false, aliases: ['title', 'name', 'subject', 'topic', 'deal', 'opportunity'] },
  { key: 'value', label: 'Value', many: false, aliases: ['value', 'amount', 'deal size', 'revenue', 'price', 'total', 'total amount', 'expected value', 'amount in company currency'] },
  { key: 'currency', label: 'Currency (checked against the workspace’s)', many: false, aliases: ['currency', 'currency code', 'value currency', 'amount currency'] },
  { key: 'pipeline', label: 'Pipeline (name)', many: false, aliases: ['pipeline', 'pipeline name', 'sales pipeline'] },
  { key: 'stage', label: 'Stage (name)', many: false, aliases: ['stage', 'pipeline stage', 'sales stage', 'stage name', 'phase'] },
  { key: 'status', label: 'Status (open, won or lost)', many: false, aliases: ['status', 'won lost', 'outcome'] },
  { key: 'lostReason', label: 'Lost reason', many: false, aliases: ['lost reason', 'loss reason', 'reason lost', 'reason for loss', 'closed lost reason'] },
  { key: 'owner', label: 'Owner (user name or email)', many: false, aliases: OWNER_ALIASES },
  {
    key: 'expectedCloseDate',
    label: 'Expected close date',
    many: false,
    aliases: ['expected close date', 'close date', 'closing date', 'expected close', 'expected closing date', 'estimated close date', 'target close date', 'close'],
  },
  { key: 'probability', label: 'Probability (%)', many: false, aliases: ['probability', 'win probability', 'win percentage', 'win chance'] },
  // The deal's contact is found by email: names are too often shared to pick a person by.
  {
    key: 'contactEmail',
    label: 'Contact email',
    many: false,
    aliases: [...EMAIL_ALIASES, ...EMAIL_ALIASES.flatMap((a) => [`contact ${a}`, `person ${a}`, `primary contact ${a}`])],
  },
  {
    key: 'companyName',
    label: 'Company',
    many: false,
    aliases: ['company', 'company name', 'organization', 'organisation', 'organization name', 'organisation name', 'account name', 'account', 'company account', 'associated company', 'customer', 'client'],
  },
  { key: 'source', label: 'Source', many: false, aliases: SOURCE_ALIASES },
  { key: 'notes', label: 'Notes or description (kept as a note)', many: false, aliases: NOTES_ALIASES },
  { key: 'externalId', label: 'ID in the other system', many: false, aliases: ['id', 'external id', 'record id', 'crm id'] },
] as const satisfies readonly ImportFieldDefinition[];

// The catalogue's columns, matched by SKU. Keel's own export (unit_price, tax_rate) maps back, and so do
// shop and catalogue exports (Shopify's "Variant SKU" and "Variant Price", an EAN or GTIN column).
const PRODUCT_FIELDS = [
  { key: 'name', label: 'Name', many: false, aliases: ['name', 'product name', 'title', 'product', 'product title', 'item name', 'item', 'article name'] },
  {
    key: 'sku',
    label: 'SKU',
    many: false,
    aliases: ['sku', 'variant sku', 'product code', 'item code', 'article code', 'product number', 'item number', 'article number', 'product no', 'item no', 'code', 'ean', 'upc', 'gtin', 'barcode', 'part number'],
  },
  { key: 'unitPrice', label: 'Unit price', many: false, aliases: ['unit price', 'price', 'variant price', 'regular price', 'list price', 'sales price', 'selling price', 'amount', 'rate', 'cost'] },
  { key: 'description', label: 'Description', many: false, aliases: ['description', 'product description', 'details', 'detail', 'body', 'body html', 'notes'] },
  { key: 'unit', label: 'Unit', many: false, aliases: ['unit', 'uom', 'unit of measure', 'unit of measurement', 'units'] },
  { key: 'taxRate', label: 'Tax %', many: false, aliases: ['tax rate', 'tax', 'tax percent', 'vat', 'vat rate', 'vat percent', 'sales tax'] },
  { key: 'active', label: 'Active (yes or no)', many: false, aliases: ['active', 'status', 'availability', 'available', 'published', 'enabled'] },
  { key: 'currency', label: 'Currency (checked against the workspace’s)', many: false, aliases: ['currency', 'currency code', 'price currency'] },
] as const satisfies readonly ImportFieldDefinition[];

// A lead is a person who may become a customer: a contact's fields, its company as a name (a lead has
// no company record yet), and where it stands. Matched by any email or an external id, as contacts.
const LEAD_FIELDS = [
  { key: 'firstName', label: 'First name', many: false, aliases: ['first name', 'firstname', 'given name', 'forename', 'first', 'fname'] },
  { key: 'lastName', label: 'Last name', many: false, aliases: ['last name', 'lastname', 'surname', 'family name', 'last', 'lname'] },
  { key: 'fullName', label: 'Full name (split when there is no first and last name)', many: false, aliases: ['name', 'full name', 'fullname', 'display name', 'contact', 'person', 'lead name'] },
  { key: 'email', label: 'Email (the first is the main one)', many: true, aliases: EMAIL_ALIASES },
  { key: 'phone', label: 'Phone (the first is the main one)', many: true, aliases: PHONE_ALIASES },
  { key: 'companyName', label: 'Company', many: false, aliases: ['company', 'company name', 'organization', 'organisation', 'organization name', 'organisation name', 'account name', 'account', 'employer', 'business name'] },
  { key: 'title', label: 'Job title', many: false, aliases: ['job title', 'title', 'position', 'job position', 'role', 'job role', 'designation', 'occupation'] },
  { key: 'website', label: 'Website', many: false, aliases: ['website', 'web site', 'website url', 'company website', 'url', 'domain', 'company domain', 'homepage', 'home page', 'web'] },
  { key: 'country', label: 'Country (two letters)', many: false, aliases: ['country', 'country code', 'country region', 'address country', 'mailing country'] },
  { key: 'owner', label: 'Owner (user name or email)', many: false, aliases: OWNER_ALIASES },
  { key: 'source', label: 'Source (a new one is added to the list)', many: false, aliases: SOURCE_ALIASES },
  // Exports carry the lead's stage in a "Lead Status" or, in datablist's sample, a "Deal Stage" column.
  { key: 'status', label: 'Status (new, contacted, qualified or disqualified)', many: false, aliases: ['status', 'lead status', 'stage', 'lead stage', 'deal stage'] },
  { key: 'notes', label: 'Notes', many: false, aliases: NOTES_ALIASES },
  { key: 'tags', label: 'Tags (split on commas)', many: true, aliases: TAG_ALIASES },
  { key: 'externalId', label: 'ID in the other system', many: false, aliases: ['id', 'external id', 'record id', 'crm id', 'lead id'] },
] as const satisfies readonly ImportFieldDefinition[];

export const IMPORT_FIELDS = { contacts: CONTACT_FIELDS, companies: COMPANY_FIELDS, deals: DEAL_FIELDS, products: PRODUCT_FIELDS, leads: LEAD_FIELDS } as const;

export type ImportFieldKey<K extends ImportKind> = (typeof IMPORT_FIELDS)[K][number]['key'];

/** For each column of the file, in order, the field it fills, or null to skip it. */
export type ImportMapping<K extends ImportKind> = (ImportFieldKey<K> | null)[];

// Words that name the record itself and may lead a header without changing its meaning: a
// contacts file's "Contact Owner" is its owner, a deals file's "Deal - Stage" its stage. A header
// is tried without them only when it matches nothing as written.
export const ENTITY_WORDS: Record<ImportKind, readonly string[]> = {
  contacts: ['contact', 'person', 'people', 'lead'],
  companies: ['company', 'organization', 'organisation', 'account', 'org', 'business'],
  deals: ['deal', 'opportunity'],
  products: ['product', 'item', 'article'],
  leads: ['lead', 'contact', 'person', 'prospect'],
};

// What a row needs before it can become a record: every entry, each met by any one of its fields.
const REQUIRED: { [K in ImportKind]: { anyOf: ImportFieldKey<K>[]; message: string }[] } = {
  contacts: [{ anyOf: ['firstName', 'fullName'], message: 'Choose the column for First name (or for Full name)' }],
  companies: [{ anyOf: ['name'], message: 'Choose the column for the company Name' }],
  deals: [{ anyOf: ['title'], message: 'Choose the column for the deal Title' }],
  leads: [{ anyOf: ['firstName', 'lastName', 'fullName', 'email'], message: 'Choose the column for a name or an email' }],
  products: [
    { anyOf: ['name'], message: 'Choose the column for the product Name' },
    { anyOf: ['sku'], message: 'Choose the column for the SKU' },
    { anyOf: ['unitPrice'], message: 'Choose the column for the Unit price' },
  ],
};

export function importField<K extends ImportKind>(kind: K, key: ImportFieldKey<K>): ImportFieldDefinition {
  const field = (IMPORT_FIELDS[kind] as readonly ImportFieldDefinition[]).find((f) => f.key === key);
  if (!field) throw new Error(`No ${kind} import field ${key}`);
  return field;
}

/**
 * What keeps a mapping from being used, as messages for the mapping step: a required field with no
 * column, one-column fields given several, a mapping that does not fit the file's columns.
 */
export function mappingProblems<K extends ImportKind>(kind: K, mapping: ImportMapping<K>, headers: string[]): string[] {
  if (mapping.length !== headers.length) return ['This mapping was made for another file: choose the columns again'];
  const problems: string[] = [];
  for (const required of REQUIRED[kind] as { anyOf: string[]; message: string }[]) {
    if (!mapping.some((f) => f !== null && required.anyOf.includes(f))) problems.push(required.message);
  }
  for (const field of IMPORT_FIELDS[kind] as readonly ImportFieldDefinition[]) {
    if (field.many) continue;
    const columns = headers.filter((_, i) => mapping[i] === field.key);
    if (columns.length > 1) problems.push(`${field.label} takes one column: choose between ${columns.map((c) => `"${c}"`).join(' and ')}`);
  }
  return problems;
}

/** The mapping as the browser sends it back: one entry per column, a field of this kind or null. */
export function importMappingSchema<K extends ImportKind>(kind: K) {
  const keys = (IMPORT_FIELDS[kind] as readonly ImportFieldDefinition[]).map((f) => f.key) as [ImportFieldKey<K>, ...ImportFieldKey<K>[]];
  return z.array(z.enum(keys).nullable()).max(1000);
}
