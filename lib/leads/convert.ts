import { z } from 'zod';
import { companySchema, contactSchema } from '@/lib/contacts/schemas';
import { emailDomain, isFreeMailDomain, isSharedSiteDomain, normaliseDomain } from '@/lib/customers/normalise';
import { createDealSchema, dealTitle } from '@/lib/deals/schemas';
import { leadName } from './schemas';
import { submissionLines } from './timeline';

// Converting a lead (issue 14), the pure part: what the wizard prefills from the lead, which of the
// records that already exist it proposes to link, the form's schema, and the words for what was done.
// The database side is db/queries/lead-convert.ts.

/** The lead fields conversion reads. */
export type ConvertibleLead = {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  companyName: string | null;
  website: string | null;
  ownerId: number | null;
  sourceName: string | null;
};

/** The company's own domain from the lead: its website, else its email's domain; never a free-mail or shared site. */
export function leadDomain(lead: Pick<ConvertibleLead, 'website' | 'email'>): string | null {
  for (const domain of [normaliseDomain(lead.website), emailDomain(lead.email)]) {
    if (domain && !isFreeMailDomain(domain) && !isSharedSiteDomain(domain)) return domain;
  }
  return null;
}

const clip = (s: string, max: number) => (Array.from(s).length > max ? Array.from(s).slice(0, max).join('').trim() : s);

/** "<company> deal", else "<lead name> deal": what the new deal is called unless the user says otherwise. */
export function dealTitleFor(lead: Pick<ConvertibleLead, 'firstName' | 'lastName' | 'email' | 'companyName'>): string {
  const who = lead.companyName?.trim() || leadName(lead);
  return `${clip(who, 194)} deal`;
}

export type ContactDraft = { firstName: string; lastName: string; email: string | null; phone: string | null; title: string | null; source: string | null };

/**
 * The new contact prefilled from the lead. A contact needs a first name: a lead with only a last name
 * gives it as the first, and one with only an email gives the email's local part.
 */
export function contactDraftFrom(lead: ConvertibleLead): ContactDraft {
  const first = lead.firstName.trim();
  const last = lead.lastName.trim();
  const local = lead.email ? lead.email.slice(0, Math.max(0, lead.email.indexOf('@'))) : '';
  return {
    firstName: clip(first || last || local || lead.companyName?.trim() || '', 100),
    lastName: first ? clip(last, 100) : '',
    email: lead.email,
    phone: lead.phone,
    title: lead.title ? clip(lead.title, 100) : null,
    source: lead.sourceName ? clip(lead.sourceName, 100) : null,
  };
}

export type CompanyDraft = { name: string; domain: string | null };

/** The new company prefilled from the lead: its company name and domain; null when it names no company. */
export function companyDraftFrom(lead: ConvertibleLead): CompanyDraft | null {
  const name = lead.companyName?.trim();
  return name ? { name: clip(name, 200), domain: leadDomain(lead) } : null;
}

export type DealDraft = { title: string; pipelineId: number | null; stageId: number | null; valueCents: number; expectedCloseDate: string | null; ownerId: number | null };

/** The optional deal prefilled from the lead: its title, the first pipeline's first stage, the lead's owner. */
export function dealDraftFrom(lead: ConvertibleLead, pipelines: { id: number; stages: { id: number }[] }[]): DealDraft {
  const pipeline = pipelines.find((p) => p.stages.length > 0) ?? null;
  return { title: dealTitleFor(lead), pipelineId: pipeline?.id ?? null, stageId: pipeline?.stages[0]?.id ?? null, valueCents: 0, expectedCloseDate: null, ownerId: lead.ownerId };
}

// ─── What already exists ─────────────────────────────────────────────────────────────────────────

export type ExistingContact = {
  id: number;
  name: string;
  email: string | null;
  companyId: number | null;
  companyName: string | null;
  /** The lead's email is this contact's primary one (else one of its other emails). */
  primary: boolean;
  /** The lead is linked to this contact already (a submission matched it). */
  linked: boolean;
};
export type ExistingCompany = { id: number; name: string; domain: string | null; reasons: string[]; score: number };

export type ConvertChoices = { contact: 'new' | number; company: 'new' | 'none' | number };

/**
 * What the wizard proposes before the user decides: the contact the lead is linked to already (a
 * form submission matched it), else a contact with the lead's email as its primary address is the
 * same person (link it), one that has it among other emails too; the company of that
 * contact, else a company with the same domain or the same name (link it), else a new company when
 * the lead names one, else none. A merely similar name is shown but not chosen: the user decides.
 */
export function defaultChoices(lead: Pick<ConvertibleLead, 'companyName'>, contacts: ExistingContact[], companies: ExistingCompany[]): ConvertChoices {
  const contact = contacts.find((c) => c.linked) ?? contacts.find((c) => c.primary) ?? contacts[0] ?? null;
  const sure = companies.find((c) => c.reasons.some((r) => r.startsWith('Same website domain') || r === 'Same company name' || r.startsWith('Company of')));
  const company: ConvertChoices['company'] = contact?.companyId ?? sure?.id ?? (lead.companyName?.trim() ? 'new' : 'none');
  return { contact: contact?.id ?? 'new', company };
}

// ─── The form ────────────────────────────────────────────────────────────────────────────────────

const id = z.coerce.number().int().positive();
/** A select's value: one of the words, or a record's id. */
const choice = <T extends string>(words: readonly [T, ...T[]], message: string) =>
  z.preprocess((v) => (typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v), z.union([z.enum(words), z.number().int(message).positive(message)], { message }));

/** The convert wizard's form: link or create the contact and company, and optionally a deal. */
export const convertLeadSchema = z
  .object({
    leadId: id,
    version: id,
    contact: choice(['new'], 'Choose a contact or create one'),
    company: choice(['new', 'none'], 'Choose a company, create one or none'),
    firstName: z.string().optional(),
    lastName: z.string().optional(),
    email: z.string().optional(),
    phone: z.string().optional(),
    title: z.string().optional(),
    companyName: z.string().optional(),
    domain: z.string().optional(),
    ownerId: z.preprocess((v) => (v === '' || v == null ? null : v), id.nullable()),
    createDeal: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
    dealTitle: z.string().optional(),
    pipelineId: z.string().optional(),
    stageId: z.string().optional(),
    valueCents: z.unknown().optional(),
    expectedCloseDate: z.unknown().optional(),
  })
  .transform((v, ctx) => {
    const fail = (path: string, message: string) => {
      ctx.addIssue({ code: 'custom', path: [path], message });
      return z.NEVER;
    };
    // Each part is checked with the record form's own schema, so the rules are written once.
    let contact: { id: number } | { input: z.output<typeof newContactFields> };
    if (v.contact === 'new') {
      const parsed = newContactFields.safeParse(v);
      if (!parsed.success) return fail(String(parsed.error.issues[0].path[0]), parsed.error.issues[0].message);
      contact = { input: parsed.data };
    } else contact = { id: v.contact };
    let company: { id: number } | { input: z.output<typeof newCompanyFields> } | null = null;
    if (v.company === 'new') {
      const parsed = newCompanyFields.safeParse({ name: v.companyName, domain: v.domain });
      if (!parsed.success) return fail(parsed.error.issues[0].path[0] === 'name' ? 'companyName' : 'domain', parsed.error.issues[0].message);
      company = { input: parsed.data };
    } else if (v.company !== 'none') company = { id: v.company };
    let deal: z.output<typeof newDealFields> | null = null;
    if (v.createDeal) {
      const parsed = newDealFields.safeParse({ title: v.dealTitle, pipelineId: v.pipelineId, stageId: v.stageId, valueCents: v.valueCents ?? '', expectedCloseDate: v.expectedCloseDate ?? '' });
      if (!parsed.success) {
        const key = String(parsed.error.issues[0].path[0]);
        return fail(key === 'title' ? 'dealTitle' : key, parsed.error.issues[0].message);
      }
      deal = parsed.data;
    }
    return { leadId: v.leadId, version: v.version, ownerId: v.ownerId, contact, company, deal };
  });

const newContactFields = contactSchema.pick({ firstName: true, lastName: true, email: true, phone: true, title: true });
const newCompanyFields = companySchema.pick({ name: true, domain: true });
const newDealFields = createDealSchema.pick({ pipelineId: true, stageId: true, valueCents: true, expectedCloseDate: true }).extend({ title: dealTitle });

export type ConvertLeadInput = z.output<typeof convertLeadSchema>;

// ─── What was done ───────────────────────────────────────────────────────────────────────────────

export type ConvertedPart = { id: number; name: string; created: boolean };
/** The lead_events 'converted' row's detail: each record, and whether it was created or linked. */
export type ConversionDetail = { contact: ConvertedPart; company: ConvertedPart | null; deal: ConvertedPart | null };

/** "Created contact Ann Lee, linked company Acme and created deal Acme deal." */
export function describeConversion(d: ConversionDetail): string {
  const part = (noun: string, p: ConvertedPart) => `${p.created ? 'created' : 'linked'} ${noun} ${p.name}`;
  const parts = [part('contact', d.contact), d.company ? part('company', d.company) : null, d.deal ? part('deal', d.deal) : null].filter((p): p is string => p !== null);
  const text = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/** The detail as stored (JSON), read back defensively: null when it is not one. */
export function parseConversionDetail(json: string | null): ConversionDetail | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as ConversionDetail;
    return v && typeof v === 'object' && v.contact && typeof v.contact.name === 'string' ? v : null;
  } catch {
    return null;
  }
}

/**
 * A form submission's fields as lines for a contact's timeline, as the lead's page names them
 * (lib/leads/timeline.ts: "Full name: Ada", "Message: …"), each on one line and cut at 200
 * characters; at most 12 lines; null when there is nothing to show.
 */
export function describeSubmission(json: string | null): string | null {
  const lines = submissionLines(json).map((line) => clip(line.replace(/\s+/g, ' ').trim(), 220));
  return lines.length ? lines.slice(0, 12).join('\n') : null;
}
