import { z } from 'zod';
import { asText, cleanText, optionalText, requiredText, textProblem } from '@/lib/validation/text';
const optionalId = z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), z.coerce.number().int().positive().nullable());

/** "VIP, partner ,vip" → ['VIP', 'partner']: trimmed, de-duplicated case-insensitively, at most 20. */
export function parseTags(input: unknown): string[] {
  const raw = Array.isArray(input) ? input.join(',') : typeof input === 'string' ? input : '';
  const seen = new Map<string, string>();
  for (const part of raw.split(',')) {
    const tag = part.trim().replace(/\s+/g, ' ');
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

const tagsField = z.preprocess(
  parseTags,
  z
    .array(z.string().max(40, 'Keep each tag under 40 characters').refine((t) => textProblem(t) === null, 'Use visible characters in tags, without control or hidden direction characters'))
    .max(20, 'Use at most 20 tags'),
);

/** An email address: trimmed, lower-cased, at most 254 characters, and nothing a mail server would refuse. */
export const optionalEmail = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim().toLowerCase()) : v),
  z.email({ message: 'Enter a valid email address' }).max(254, 'Keep the email under 254 characters').nullable().optional(),
);

/** How many other emails, and other phones, a contact keeps besides the primary ones. */
export const MAX_OTHER_CHANNELS = 10;

/**
 * A list typed one value a line (a form's textarea; an import or a test may pass an array): each
 * line trimmed, blank lines dropped, each value checked by `check` (a message, or null when fine),
 * repeats removed by `key`, at most MAX_OTHER_CHANNELS left. A bad value is named with its line.
 */
function lineList(noun: string, clean: (line: string) => string, check: (value: string) => string | null, key: (value: string) => string) {
  return z.preprocess(
    (v) => (Array.isArray(v) ? v.map(asText).join('\n') : asText(v)),
    z.string({ message: `Enter the ${noun}s one a line` }).transform((text, ctx): string[] => {
      const seen = new Map<string, string>();
      const rows = text.split(/\r\n?|\n/);
      for (const [i, raw] of rows.entries()) {
        const value = clean(raw);
        if (value === '') continue;
        const problem = check(value);
        if (problem) {
          const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
          ctx.addIssue({ code: 'custom', message: rows.length > 1 ? `Line ${i + 1} (“${shown}”): ${problem[0].toLowerCase()}${problem.slice(1)}` : problem });
          return z.NEVER;
        }
        if (!seen.has(key(value))) seen.set(key(value), value);
      }
      if (seen.size > MAX_OTHER_CHANNELS) {
        ctx.addIssue({ code: 'custom', message: `Keep it to ${MAX_OTHER_CHANNELS} other ${noun}s or fewer` });
        return z.NEVER;
      }
      return [...seen.values()];
    }),
  );
}

const emailFormat = z.email();

/** More addresses besides the primary one, one a line: each a valid email, lower-cased. */
export const otherEmailsField = lineList(
  'email',
  (line) => line.trim().toLowerCase(),
  (email) => (email.length > 254 ? 'Keep each email under 254 characters' : emailFormat.safeParse(email).success ? null : 'Enter a valid email address'),
  (email) => email,
);

/** More numbers besides the primary one, one a line, as typed; repeats (punctuation and spacing aside) removed. */
export const otherPhonesField = lineList(
  'phone',
  (line) => cleanText(line).replace(/\s+/g, ' '),
  (phone) => (phone.length > 50 ? 'Keep each phone under 50 characters' : textProblem(phone)),
  (phone) => phone.toLowerCase().replace(/[\s().\-/]/g, ''),
);

export const contactSchema = z.object({
  firstName: requiredText({ max: 100, required: 'Enter a first name' }),
  lastName: optionalText({ max: 100 }).transform((v) => v ?? ''),
  email: optionalEmail,
  phone: optionalText({ max: 50 }),
  // Left out (a caller that does not edit them), they stay as they are; the form always sends them.
  otherEmails: otherEmailsField.optional(),
  otherPhones: otherPhonesField.optional(),
  title: optionalText({ max: 100 }),
  companyId: optionalId,
  ownerId: optionalId,
  tags: tagsField,
  address: optionalText({ max: 300 }),
  source: optionalText({ max: 100 }),
  notes: optionalText({ max: 5000, multiline: true }),
});

export const companyName = requiredText({ max: 200, required: 'Enter the company name' });

/** A company named on another form (a contact's, a quick-added deal's): created when unknown. */
export const optionalCompanyName = optionalText({ max: 200, tooLong: 'Keep the company name under 200 characters' });

export const companySchema = z.object({
  name: companyName,
  domain: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '') || null : v),
    z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'Enter a domain like acme.com').max(200).nullable().optional(),
  ),
  industry: optionalText({ max: 100 }),
  size: optionalText({ max: 50 }),
  address: optionalText({ max: 300 }),
  ownerId: optionalId,
  tags: tagsField,
  // Empty: the catalogue prices. Left out (a rep's form has no select): the company keeps its list.
  priceListId: optionalId.optional(),
});

export type ContactInput = z.infer<typeof contactSchema>;
export type CompanyInput = z.infer<typeof companySchema>;
