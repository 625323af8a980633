import { z } from 'zod';

const optionalText = (max: number, message?: string) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(max, message ?? `Keep it under ${max} characters`).nullable().optional());
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
  z.array(z.string().max(40, 'Keep each tag under 40 characters')).max(20, 'Use at most 20 tags'),
);

export const contactSchema = z.object({
  firstName: z.string().trim().min(1, 'Enter a first name').max(100, 'Keep it under 100 characters'),
  lastName: z.string().trim().max(100, 'Keep it under 100 characters').default(''),
  email: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? null : v.trim().toLowerCase()) : v),
    z.email({ message: 'Enter a valid email address' }).max(200).nullable().optional(),
  ),
  phone: optionalText(50),
  title: optionalText(100),
  companyId: optionalId,
  ownerId: optionalId,
  tags: tagsField,
  address: optionalText(300),
  source: optionalText(100),
  notes: optionalText(5000),
});

export const companySchema = z.object({
  name: z.string().trim().min(1, 'Enter the company name').max(200, 'Keep it under 200 characters'),
  domain: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase().replace(/^https?:\/\//, '').replace(/\/.*$/, '') || null : v),
    z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'Enter a domain like acme.com').max(200).nullable().optional(),
  ),
  industry: optionalText(100),
  size: optionalText(50),
  address: optionalText(300),
  ownerId: optionalId,
  tags: tagsField,
  // Empty: the catalogue prices. Left out (a rep's form has no select): the company keeps its list.
  priceListId: optionalId.optional(),
});

export type ContactInput = z.infer<typeof contactSchema>;
export type CompanyInput = z.infer<typeof companySchema>;
