// A mapped row (rows.ts) checked into the values an import writes, with the same zod schemas the
// forms use, so an imported contact can hold nothing a typed one could not. A row either yields its
// values or one reason, named by the field the user mapped ("Email: Enter a valid email address"),
// which the report shows beside the row's file line. Names of owners, stages and pipelines stay
// names here: the database side looks them up and reports the unknown ones.
//
// A value that is absent (blank cell, unmapped column) is null or [] here, and an update leaves the
// record's own value alone for it: a blank cell never erases what Keel already knows.
import { z } from 'zod';
import { companySchema, contactSchema } from '@/lib/contacts/schemas';
import { leadSchema } from '@/lib/leads/schemas';
import { productSchema } from '@/lib/products/schemas';
import { normaliseDomain, normaliseEmail } from '@/lib/customers/normalise';
import { dealTitle, moneyCents } from '@/lib/deals/schemas';
import { isIsoDate } from '@/lib/dates';
import { optionalText, textProblem } from '@/lib/validation/text';
import type { ImportKind } from './fields';
import { importField } from './fields';
import type { CompanyRecord, ContactRecord, DealRecord, ImportRecord, LeadRecord, ProductRecord } from './rows';

export type ContactValues = {
  firstName: string;
  lastName: string;
  email: string | null;
  otherEmails: string[];
  phone: string | null;
  otherPhones: string[];
  title: string | null;
  companyName: string | null;
  /** The company's website as a normalised domain (www., scheme and path dropped). */
  companyDomain: string | null;
  owner: string | null;
  source: string | null;
  address: string | null;
  notes: string | null;
  tags: string[];
  externalId: string | null;
};

export type CompanyValues = {
  name: string;
  domain: string | null;
  industry: string | null;
  size: string | null;
  address: string | null;
  owner: string | null;
  tags: string[];
  externalId: string | null;
  notes: string | null;
};

export type DealStatusValue = 'open' | 'won' | 'lost';

export type DealValues = {
  title: string;
  valueCents: number | null;
  pipeline: string | null;
  stage: string | null;
  status: DealStatusValue | null;
  lostReason: string | null;
  owner: string | null;
  expectedCloseDate: string | null;
  probabilityBp: number | null;
  contactEmail: string | null;
  companyName: string | null;
  source: string | null;
  notes: string | null;
  externalId: string | null;
};

/** A product row: absent values (null) are the workspace's defaults for a new product and left alone on an update. */
export type ProductValues = {
  name: string;
  sku: string;
  unitPriceCents: number;
  description: string | null;
  unit: string | null;
  taxRateBp: number | null;
  active: boolean | null;
};

export type LeadStatusValue = 'new' | 'contacted' | 'qualified' | 'disqualified';

/**
 * A lead row. Status and country that cannot be read are kept as written (`statusText`,
 * `countryText`) for the check to report: a file whose "stage" column holds deal stages still imports.
 */
export type LeadValues = {
  firstName: string;
  lastName: string;
  email: string | null;
  otherEmails: string[];
  phone: string | null;
  otherPhones: string[];
  companyName: string | null;
  title: string | null;
  website: string | null;
  country: string | null;
  countryText: string | null;
  owner: string | null;
  source: string | null;
  status: LeadStatusValue | null;
  statusText: string | null;
  notes: string | null;
  tags: string[];
  externalId: string | null;
};

export type ImportValues<K extends ImportKind> = { contacts: ContactValues; companies: CompanyValues; deals: DealValues; products: ProductValues; leads: LeadValues }[K];

export type CheckedRow<K extends ImportKind> = { ok: true; values: ImportValues<K> } | { ok: false; reason: string };

// The same rule as the contact form's "other emails" and "other phones": each checked on its own,
// at most this many besides the main one (lib/contacts/schemas.ts keeps the form's own copy).
export const MAX_OTHER_CHANNELS = 10;

const emailFormat = z.email();
const externalId = optionalText({ max: 200, tooLong: 'Keep the ID under 200 characters' });
// Made once: a zod schema costs more to build than to run, and a check runs them 50,000 times.
const companyNameText = optionalText({ max: 200 });
const sourceText = optionalText({ max: 100 });
const lostReasonText = optionalText({ max: 200 });
const notesText = optionalText({ max: 5000, multiline: true });

type Problem = { field: string; message: string };
class RowProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

function label(kind: ImportKind, field: string): string {
  try {
    return importField(kind, field as never).label.replace(/ \(.*\)$/, '');
  } catch {
    return field;
  }
}

/** Runs one zod schema over one value; throws a RowProblem naming the import field. */
function field<T>(schema: z.ZodType<T>, value: unknown, name: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new RowProblem({ field: name, message: parsed.error.issues[0]?.message ?? 'Not valid' });
  return parsed.data;
}

/** The field a schema issue belongs to, as the import calls it. */
function issueField(path: PropertyKey[], names: Record<string, string>): string {
  const key = String(path[0] ?? '');
  return names[key] ?? key;
}

function email(raw: string, name: string): string {
  const normalised = normaliseEmail(raw);
  if (!normalised || normalised.length > 254 || !emailFormat.safeParse(normalised).success) {
    throw new RowProblem({ field: name, message: `“${raw.length > 60 ? `${raw.slice(0, 60)}…` : raw}” is not a valid email address` });
  }
  return normalised;
}

function phone(raw: string, name: string): string {
  const problem = raw.length > 50 ? 'Keep each phone under 50 characters' : textProblem(raw);
  if (problem) throw new RowProblem({ field: name, message: problem });
  return raw;
}

function others<T>(values: T[], name: string, noun: string): T[] {
  if (values.length > MAX_OTHER_CHANNELS) throw new RowProblem({ field: name, message: `Keep it to ${MAX_OTHER_CHANNELS} other ${noun}s or fewer` });
  return values;
}

function website(raw: string | undefined, name: string): string | null {
  if (!raw) return null;
  const domain = normaliseDomain(raw);
  if (!domain) throw new RowProblem({ field: name, message: `“${raw}” is not a website or domain` });
  return domain;
}

function checkContact(r: ContactRecord): ContactValues {
  const emails = [r.email, ...(r.otherEmails ?? [])].filter((e): e is string => !!e).map((e) => email(e, 'email'));
  const uniqueEmails = [...new Set(emails)];
  const phones = [r.phone, ...(r.otherPhones ?? [])].filter((p): p is string => !!p).map((p) => phone(p, 'phone'));
  const parsed = contactSchema.safeParse({
    firstName: r.firstName ?? '',
    lastName: r.lastName ?? '',
    email: uniqueEmails[0] ?? '',
    phone: phones[0] ?? '',
    title: r.title ?? '',
    companyId: null,
    ownerId: null,
    tags: r.tags ?? [],
    address: r.address ?? '',
    source: r.source ?? '',
    notes: r.notes ?? '',
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RowProblem({ field: issueField(issue.path, { firstName: 'firstName' }), message: issue.message });
  }
  const c = parsed.data;
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email ?? null,
    otherEmails: others(uniqueEmails.slice(1), 'email', 'email'),
    phone: c.phone ?? null,
    otherPhones: others(phones.slice(1), 'phone', 'phone'),
    title: c.title ?? null,
    companyName: field(companyNameText, r.companyName ?? '', 'companyName') ?? null,
    companyDomain: website(r.companyWebsite, 'companyWebsite'),
    owner: r.owner ?? null,
    source: c.source ?? null,
    address: c.address ?? null,
    notes: c.notes ?? null,
    tags: c.tags,
    externalId: field(externalId, r.externalId ?? '', 'externalId') ?? null,
  };
}

function checkCompany(r: CompanyRecord): CompanyValues {
  const domain = website(r.website, 'website');
  const parsed = companySchema.safeParse({ name: r.name ?? '', domain: domain ?? '', industry: r.industry ?? '', size: r.size ?? '', address: r.address ?? '', ownerId: null, tags: r.tags ?? [] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RowProblem({ field: issueField(issue.path, { domain: 'website' }), message: issue.message });
  }
  const c = parsed.data;
  return {
    name: c.name,
    domain: c.domain ?? null,
    industry: c.industry ?? null,
    size: c.size ?? null,
    address: c.address ?? null,
    owner: r.owner ?? null,
    tags: c.tags,
    externalId: field(externalId, r.externalId ?? '', 'externalId') ?? null,
    notes: field(notesText, r.notes ?? '', 'notes') ?? null,
  };
}

const STATUS_WORDS: Record<string, DealStatusValue> = {
  open: 'open', 'in progress': 'open', active: 'open',
  won: 'won', 'closed won': 'won', 'closed/won': 'won',
  lost: 'lost', 'closed lost': 'lost', 'closed/lost': 'lost',
};

/** Open, won or lost as exports write them; null for none; a RowProblem for anything else. */
export function dealStatus(raw: string | undefined): DealStatusValue | null {
  if (!raw) return null;
  const status = STATUS_WORDS[raw.trim().toLowerCase().replace(/[\s_-]+/g, ' ')];
  if (!status) throw new RowProblem({ field: 'status', message: `“${raw}” is not a status: use open, won or lost` });
  return status;
}

/**
 * A close date as YYYY-MM-DD. An ISO date-time ("2024-07-01T00:00:00+00:00", what most exports
 * write) keeps its date as written. Day-first or month-first dates ("01/02/2025") are refused rather
 * than guessed: the same text means two dates on either side of the Atlantic.
 */
export function importDate(raw: string | undefined, name: string): string | null {
  if (!raw) return null;
  const text = raw.trim();
  const date = /^\d{4}-\d{2}-\d{2}(?=$|[T ]\d)/.exec(text)?.[0];
  if (!date || !isIsoDate(date)) throw new RowProblem({ field: name, message: `“${text}” is not a date: use one like 2026-12-31` });
  return date;
}

/** "40", "40%", "12.5 %", "0.4"? A percentage from 0 to 100 as basis points; a fraction is not guessed. */
export function importPercent(raw: string | undefined, name: string): number | null {
  if (!raw) return null;
  const m = /^(\d{1,3}(?:\.\d+)?)\s*%?$/.exec(raw.trim());
  const value = m ? Number(m[1]) : NaN;
  if (!(value >= 0 && value <= 100)) throw new RowProblem({ field: name, message: `“${raw}” is not a percentage from 0 to 100` });
  return Math.round(value * 100);
}

function checkDeal(r: DealRecord, currency: string): DealValues {
  if (r.currency && r.currency.trim().toUpperCase() !== currency) {
    throw new RowProblem({ field: 'currency', message: `This deal is in ${r.currency.trim().toUpperCase()}, but this workspace uses ${currency}` });
  }
  return {
    title: field(dealTitle, r.title ?? '', 'title'),
    valueCents: r.value ? field(moneyCents, r.value, 'value') : null,
    pipeline: r.pipeline ?? null,
    stage: r.stage ?? null,
    status: dealStatus(r.status),
    lostReason: field(lostReasonText, r.lostReason ?? '', 'lostReason') ?? null,
    owner: r.owner ?? null,
    expectedCloseDate: importDate(r.expectedCloseDate, 'expectedCloseDate'),
    probabilityBp: importPercent(r.probability, 'probability'),
    contactEmail: r.contactEmail ? email(r.contactEmail, 'contactEmail') : null,
    companyName: field(companyNameText, r.companyName ?? '', 'companyName') ?? null,
    source: field(sourceText, r.source ?? '', 'source') ?? null,
    notes: field(notesText, r.notes ?? '', 'notes') ?? null,
    externalId: field(externalId, r.externalId ?? '', 'externalId') ?? null,
  };
}

const LEAD_STATUS_WORDS: Record<string, LeadStatusValue> = {
  new: 'new', 'new lead': 'new', open: 'new', 'not contacted': 'new',
  contacted: 'contacted', 'attempted to contact': 'contacted', working: 'contacted', 'in progress': 'contacted',
  qualified: 'qualified', 'sales qualified': 'qualified', sql: 'qualified', mql: 'qualified',
  disqualified: 'disqualified', unqualified: 'disqualified', 'not qualified': 'disqualified', junk: 'disqualified', bad: 'disqualified',
};

function checkLead(r: LeadRecord): LeadValues {
  const emails = [r.email, ...(r.otherEmails ?? [])].filter((e): e is string => !!e).map((e) => email(e, 'email'));
  const uniqueEmails = [...new Set(emails)];
  const phones = [r.phone, ...(r.otherPhones ?? [])].filter((p): p is string => !!p).map((p) => phone(p, 'phone'));
  const parsed = leadSchema.safeParse({
    firstName: r.firstName ?? '', lastName: r.lastName ?? '', email: uniqueEmails[0] ?? '', phone: phones[0] ?? '', companyName: r.companyName ?? '',
    title: r.title ?? '', website: r.website ?? '', notes: r.notes ?? '', tags: r.tags ?? [], sourceId: null, ownerId: null,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RowProblem({ field: issueField(issue.path, {}), message: issue.message });
  }
  const l = parsed.data;
  const statusKey = r.status?.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  const status = statusKey ? (LEAD_STATUS_WORDS[statusKey] ?? null) : null;
  const country = r.country && /^[A-Za-z]{2}$/.test(r.country.trim()) ? r.country.trim().toUpperCase() : null;
  return {
    firstName: l.firstName ?? '',
    lastName: l.lastName ?? '',
    email: l.email ?? null,
    otherEmails: others(uniqueEmails.slice(1), 'email', 'email'),
    phone: l.phone ?? null,
    otherPhones: others(phones.slice(1), 'phone', 'phone'),
    companyName: l.companyName ?? null,
    title: l.title ?? null,
    website: l.website ?? null,
    country,
    countryText: r.country && !country ? r.country : null,
    owner: r.owner ?? null,
    source: field(sourceText, r.source ?? '', 'source') ?? null,
    status,
    statusText: r.status && !status ? r.status : null,
    notes: l.notes ?? null,
    tags: l.tags,
    externalId: field(externalId, r.externalId ?? '', 'externalId') ?? null,
  };
}

const PRODUCT_FIELD_NAMES: Record<string, string> = { unitPriceCents: 'unitPrice', taxRateBp: 'taxRate' };

/** The product form's own schema, so an imported product holds nothing a typed one could not. */
function checkProduct(r: ProductRecord, currency: string): ProductValues {
  const rowCurrency = r.currency?.trim().toUpperCase();
  if (rowCurrency && rowCurrency !== currency) throw new RowProblem({ field: 'currency', message: `Priced in ${rowCurrency}, but this workspace uses ${currency}` });
  const parsed = productSchema.safeParse({
    name: r.name ?? '',
    sku: r.sku ?? '',
    description: r.description ?? '',
    unit: r.unit ?? '',
    unitPriceCents: r.unitPrice ?? '',
    taxRateBp: r.taxRate ?? '',
    active: r.active ?? true,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RowProblem({ field: issueField(issue.path, PRODUCT_FIELD_NAMES), message: issue.message });
  }
  const p = parsed.data;
  return {
    name: p.name,
    sku: p.sku,
    unitPriceCents: p.unitPriceCents,
    description: p.description ?? null,
    // The schema fills a blank unit and tax rate in; a blank cell here means "as it is" instead.
    unit: r.unit ? p.unit : null,
    taxRateBp: r.taxRate ? p.taxRateBp : null,
    active: r.active === undefined ? null : p.active,
  };
}

/**
 * One mapped row checked for a record of this kind: its values, or the first reason it cannot be
 * imported, as "Field: message". `currency` is the workspace's (a deal or price in another is refused).
 */
export function checkImportRecord<K extends ImportKind>(kind: K, record: ImportRecord<K>, options: { currency: string }): CheckedRow<K> {
  try {
    const values =
      kind === 'contacts'
        ? checkContact(record as ContactRecord)
        : kind === 'companies'
          ? checkCompany(record as CompanyRecord)
          : kind === 'products'
            ? checkProduct(record as ProductRecord, options.currency)
            : kind === 'leads'
              ? checkLead(record as LeadRecord)
              : checkDeal(record as DealRecord, options.currency);
    return { ok: true, values: values as ImportValues<K> };
  } catch (error) {
    if (!(error instanceof RowProblem)) throw error;
    return { ok: false, reason: `${label(kind, error.problem.field)}: ${error.problem.message}` };
  }
}
