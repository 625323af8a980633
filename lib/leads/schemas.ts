import { z } from 'zod';
import { LEAD_STATUSES } from '@/db/schema';
import { optionalEmail, parseTags } from '@/lib/contacts/schemas';
import { normaliseDomain } from '@/lib/customers/normalise';
import { optionalText, textProblem } from '@/lib/validation/text';

// A lead as the New lead form, the lead's edit form, a web form and an import give it: every text
// bounded and free of control or hidden direction characters, the email lower-cased, the website
// kept as typed but checked to be one. A lead needs a name or an email: someone to get back to.

const optionalId = z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), z.coerce.number().int().positive().nullable());

const tagsField = z.preprocess(
  parseTags,
  z
    .array(z.string().max(40, 'Keep each tag under 40 characters').refine((t) => textProblem(t) === null, 'Use visible characters in tags, without control or hidden direction characters'))
    .max(20, 'Use at most 20 tags'),
);

const website = optionalText({ max: 300, tooLong: 'Keep the website under 300 characters' }).refine(
  (v) => v === undefined || v === null || normaliseDomain(v) !== null,
  'Enter a website like example.com',
);

const country = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim().toUpperCase()) : v),
  z.string().regex(/^[A-Z]{2}$/, 'Use a two-letter country code like US or DE').nullable().optional(),
);

export const leadFields = {
  firstName: optionalText({ max: 100, tooLong: 'Keep the first name under 100 characters' }),
  lastName: optionalText({ max: 100, tooLong: 'Keep the last name under 100 characters' }),
  email: optionalEmail,
  phone: optionalText({ max: 50, tooLong: 'Keep the phone under 50 characters' }),
  companyName: optionalText({ max: 200, tooLong: 'Keep the company name under 200 characters' }),
  title: optionalText({ max: 200, tooLong: 'Keep the job title under 200 characters' }),
  website,
  country,
  notes: optionalText({ max: 5000, multiline: true, tooLong: 'Keep notes under 5,000 characters' }),
};

export const leadSchema = z
  .object({
    ...leadFields,
    sourceId: optionalId,
    ownerId: optionalId,
    tags: tagsField,
    utmSource: optionalText({ max: 200 }),
    utmMedium: optionalText({ max: 200 }),
    utmCampaign: optionalText({ max: 200 }),
    referrer: optionalText({ max: 1000 }),
  })
  .superRefine((v, ctx) => {
    if (!v.firstName && !v.lastName && !v.email) ctx.addIssue({ code: 'custom', path: ['firstName'], message: 'Enter a name or an email' });
  });

export type LeadInput = z.output<typeof leadSchema>;

export const LEAD_STATUS_LABELS: Record<(typeof LEAD_STATUSES)[number], string> = {
  new: 'New',
  contacted: 'Contacted',
  qualified: 'Qualified',
  disqualified: 'Disqualified',
  converted: 'Converted',
};

/** The statuses a rep sets by hand; Converted comes only from converting. */
export const SETTABLE_STATUSES = ['new', 'contacted', 'qualified', 'disqualified'] as const;

export const leadStatusSchema = z
  .object({
    leadId: z.coerce.number().int().positive(),
    version: z.coerce.number().int().positive(),
    status: z.enum(SETTABLE_STATUSES, { message: 'Choose a status' }),
    disqualifyReasonId: optionalId,
  })
  .superRefine((v, ctx) => {
    if (v.status === 'disqualified' && !v.disqualifyReasonId) ctx.addIssue({ code: 'custom', path: ['disqualifyReasonId'], message: 'Choose why this lead is disqualified' });
  });

/** A lead's display name: its name, else its email, else its company. */
export function leadName(l: { firstName: string; lastName: string; email?: string | null; companyName?: string | null }): string {
  return `${l.firstName} ${l.lastName}`.trim() || l.email || l.companyName || 'Unnamed lead';
}
