import { z } from 'zod';
import { PAYMENT_TERMS } from '@/db/schema';
import { isIsoDate } from '@/lib/dates';
import { PUBLIC_TOKEN } from '@/lib/route-params';
import { LINE_FIELD_MESSAGES, parseLineInput } from './line-input';

const id = z.coerce.number().int().positive();
const optionalId = z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), id.nullable());
const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(max, `Keep it under ${max} characters`).nullable().optional());
const text = (v: unknown) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '');

export const MAX_QUOTE_LINES = 200;

/** Parses one line as typed in the builder; the issues name the field, so errors sit beside it. */
export const quoteLineSchema = z
  .object({
    kind: z.enum(['item', 'section']).default('item'),
    productId: optionalId,
    description: z.string().trim().max(2000, 'Keep the description under 2000 characters').default(''),
    quantity: z.preprocess(text, z.string()).default('1'),
    unitPrice: z.preprocess(text, z.string()).default('0'),
    discount: z.preprocess(text, z.string()).default('0'),
    tax: z.preprocess(text, z.string()).default('0'),
  })
  .transform((line, ctx) => {
    if (line.kind === 'section') {
      if (!line.description) ctx.addIssue({ code: 'custom', path: ['description'], message: 'Give the section a heading' });
      return { kind: 'section' as const, productId: null, description: line.description, quantityMilli: 0, unitPriceCents: 0, discountBp: 0, taxRateBp: 0 };
    }
    if (!line.description && !line.productId) ctx.addIssue({ code: 'custom', path: ['description'], message: 'Pick a product or describe the line' });
    const { line: numbers, invalid } = parseLineInput(line);
    for (const field of invalid) ctx.addIssue({ code: 'custom', path: [field], message: LINE_FIELD_MESSAGES[field] });
    return { kind: 'item' as const, productId: line.productId, description: line.description, ...numbers };
  });

export type QuoteLineInput = z.output<typeof quoteLineSchema>;

const linesField = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v);
    } catch {
      return null;
    }
  },
  z.array(quoteLineSchema, { message: 'The lines could not be read; reload the page' }).max(MAX_QUOTE_LINES, `A quote holds at most ${MAX_QUOTE_LINES} lines`),
);

export const quoteFieldsSchema = z
  .object({
    title: z.string().trim().max(200, 'Keep the title under 200 characters').default(''),
    companyId: optionalId,
    contactId: optionalId,
    validUntil: z.string().refine(isIsoDate, 'Use a date like 2026-12-31'),
    paymentTerms: z.enum(PAYMENT_TERMS, { message: 'Pick payment terms' }),
    paymentTermsText: optionalText(200),
    notes: optionalText(5000),
    terms: optionalText(10000),
    lines: linesField,
  })
  .superRefine((q, ctx) => {
    if (q.paymentTerms === 'custom' && !q.paymentTermsText)
      ctx.addIssue({ code: 'custom', path: ['paymentTermsText'], message: 'Describe the payment terms' });
  });

export const createQuoteSchema = quoteFieldsSchema.and(z.object({ dealId: optionalId }));
export const updateQuoteSchema = quoteFieldsSchema.and(z.object({ quoteId: id, version: z.coerce.number().int().positive() }));
export type QuoteFieldsInput = z.output<typeof quoteFieldsSchema>;

export const acceptQuoteSchema = z.object({
  token: z.string().regex(PUBLIC_TOKEN, 'This quote link is not valid.'),
  name: z.string().trim().min(2, 'Type your full name to accept').max(200, 'Keep the name under 200 characters'),
  agree: z.literal('on', { message: 'Tick the box to confirm you accept this quote' }),
});

export const declineQuoteSchema = z.object({
  token: z.string().regex(PUBLIC_TOKEN, 'This quote link is not valid.'),
  reason: optionalText(2000),
});
