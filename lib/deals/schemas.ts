import { z } from 'zod';
import { isIsoDate } from '@/lib/dates';
import { parseMoneyToCents } from '@/lib/money';

const id = z.coerce.number().int().positive();
const optionalId = z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), id.nullable());

/** A money amount as typed ("12,500.00") to integer cents, never negative. */
export const moneyCents = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z
    .string()
    .trim()
    .transform((s, ctx) => {
      if (s === '') return 0;
      const cents = parseMoneyToCents(s);
      if (cents === null || cents < 0) {
        ctx.addIssue({ code: 'custom', message: 'Enter an amount like 12500 or 12,500.00' });
        return z.NEVER;
      }
      return cents;
    }),
);

export const optionalDate = z.preprocess(
  (v) => (v === '' || v === undefined ? null : v),
  z.string().refine(isIsoDate, 'Use a date like 2026-12-31').nullable(),
);

const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(max).nullable().optional());

export const dealFieldsSchema = z.object({
  title: z.string().trim().min(1, 'Give the deal a title').max(200, 'Keep the title under 200 characters'),
  valueCents: moneyCents,
  expectedCloseDate: optionalDate,
  companyId: optionalId,
  contactId: optionalId,
  source: optionalText(100),
});

export const createDealSchema = dealFieldsSchema.extend({
  pipelineId: id,
  stageId: id,
  ownerId: optionalId,
});

export const updateDealSchema = dealFieldsSchema.extend({
  dealId: id,
  version: z.coerce.number().int().positive(),
  ownerId: optionalId,
  /** Percent as typed (e.g. "40" or "12.5"); empty means "use the stage's probability". */
  probabilityOverride: z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? null : v),
    z.coerce
      .number({ message: 'Enter a percentage from 0 to 100' })
      .min(0, 'Enter a percentage from 0 to 100')
      .max(100, 'Enter a percentage from 0 to 100')
      .transform((p) => Math.round(p * 100))
      .nullable(),
  ),
});

export const moveDealSchema = z.object({
  dealId: id,
  toStageId: id,
  /** The card directly above the drop point in the target column; null for the top. */
  aboveId: optionalId,
  version: z.coerce.number().int().positive(),
});

export const closeDealSchema = z
  .object({
    dealId: id,
    version: z.coerce.number().int().positive(),
    status: z.enum(['won', 'lost']),
    lostReason: optionalText(200),
  })
  .refine((v) => v.status !== 'lost' || Boolean(v.lostReason), { message: 'Choose or type a reason', path: ['lostReason'] });

export const reopenDealSchema = z.object({ dealId: id, version: z.coerce.number().int().positive() });

export type CreateDealInput = z.infer<typeof createDealSchema>;
export type UpdateDealInput = z.infer<typeof updateDealSchema>;
export type MoveDealInput = z.infer<typeof moveDealSchema>;
export type CloseDealInput = z.infer<typeof closeDealSchema>;
