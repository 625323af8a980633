import { z } from 'zod';
import { PAYMENT_TERMS } from '@/db/schema';
import { isIsoDate } from '@/lib/dates';
import { MAX_QUOTE_LINES } from '@/lib/money';
import { PUBLIC_TOKEN } from '@/lib/route-params';
import { asText, optionalText, requiredText } from '@/lib/validation/text';
import { isUntouchedLine, LINE_FIELD_MESSAGES, parseLineInput } from './line-input';
import { quoteTotals, totalsProblem } from './totals';

const id = z.coerce.number().int().positive();
const optionalId = z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), id.nullable());

export { MAX_QUOTE_LINES };

/** Parses one line as typed in the builder; the issues name the field, so errors sit beside it. */
export const quoteLineSchema = z
  .object({
    kind: z.enum(['item', 'section']).default('item'),
    productId: optionalId,
    description: optionalText({ max: 2000, multiline: true, tooLong: 'Keep the description under 2000 characters' }).transform((v) => v ?? ''),
    quantity: z.preprocess(asText, z.string()).default('1'),
    unitPrice: z.preprocess(asText, z.string()).default('0'),
    discount: z.preprocess(asText, z.string()).default('0'),
    tax: z.preprocess(asText, z.string()).default('0'),
  })
  .transform((line, ctx) => {
    if (line.kind === 'section') {
      if (!line.description) ctx.addIssue({ code: 'custom', path: ['description'], message: 'Give the section a heading' });
      return { kind: 'section' as const, productId: null, description: line.description, quantityMilli: 0, unitPriceCents: 0, discountBp: 0, taxRateBp: 0 };
    }
    if (isUntouchedLine(line)) return { kind: 'untouched' as const };
    if (!line.description && !line.productId) ctx.addIssue({ code: 'custom', path: ['description'], message: 'Pick a product or describe the line' });
    const { line: numbers, invalid } = parseLineInput(line);
    for (const field of invalid) ctx.addIssue({ code: 'custom', path: [field], message: LINE_FIELD_MESSAGES[field] });
    return { kind: 'item' as const, productId: line.productId, description: line.description, ...numbers };
  });

type ParsedLine = z.output<typeof quoteLineSchema>;
export type QuoteLineInput = Exclude<ParsedLine, { kind: 'untouched' }>;

const linesField = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v);
    } catch {
      return null;
    }
  },
  z
    .array(quoteLineSchema, { message: 'The lines could not be read; reload the page' })
    .max(MAX_QUOTE_LINES, `A quote holds at most ${MAX_QUOTE_LINES} lines`)
    // Dropped after parsing, so the errors of the other lines keep the index the builder shows them at.
    .transform((lines) => lines.filter((l): l is QuoteLineInput => l.kind !== 'untouched')),
);

export const quoteFieldsSchema = z
  .object({
    title: optionalText({ max: 200, tooLong: 'Keep the title under 200 characters' }).transform((v) => v ?? ''),
    companyId: optionalId,
    contactId: optionalId,
    validUntil: z.string().refine(isIsoDate, 'Use a date like 2026-12-31'),
    paymentTerms: z.enum(PAYMENT_TERMS, { message: 'Pick payment terms' }),
    paymentTermsText: optionalText({ max: 200 }),
    notes: optionalText({ max: 5000, multiline: true }),
    terms: optionalText({ max: 10000, multiline: true }),
    lines: linesField,
  })
  .superRefine((q, ctx) => {
    if (q.paymentTerms === 'custom' && !q.paymentTermsText)
      ctx.addIssue({ code: 'custom', path: ['paymentTermsText'], message: 'Describe the payment terms' });
    // Lines each within bounds may still add up to a total out of range: said beside the totals.
    const problem = totalsProblem(quoteTotals(q.lines));
    if (problem) ctx.addIssue({ code: 'custom', path: ['totals'], message: problem });
  });

/** Sending a draft; a new valid-until date may come with it when the stored one has passed. */
export const sendQuoteSchema = z.object({
  quoteId: id,
  version: z.coerce.number().int().positive(),
  validUntil: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().refine(isIsoDate, 'Use a date like 2026-12-31').optional()),
});

export const createQuoteSchema = quoteFieldsSchema.and(z.object({ dealId: optionalId }));
export const updateQuoteSchema = quoteFieldsSchema.and(z.object({ quoteId: id, version: z.coerce.number().int().positive() }));
export type QuoteFieldsInput = z.output<typeof quoteFieldsSchema>;

export const acceptQuoteSchema = z.object({
  token: z.string().regex(PUBLIC_TOKEN, 'This quote link is not valid.'),
  name: requiredText({ max: 200, required: 'Type your full name to accept', tooLong: 'Keep the name under 200 characters' }).refine(
    (name) => name.length >= 2,
    'Type your full name to accept',
  ),
  agree: z.literal('on', { message: 'Tick the box to confirm you accept this quote' }),
});

export const declineQuoteSchema = z.object({
  token: z.string().regex(PUBLIC_TOKEN, 'This quote link is not valid.'),
  reason: optionalText({ max: 2000, multiline: true }),
});
