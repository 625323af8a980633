import { z } from 'zod';
import { isIsoDate } from '@/lib/dates';
import { moneyField } from '@/lib/validation/money';
import { optionalText, requiredText } from '@/lib/validation/text';

const id = z.coerce.number().int().positive();
const optionalId = z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), id.nullable());

/** A deal's value as typed ("12,500.00") to integer cents: empty is 0, never negative, at most the money bound. */
export const moneyCents = moneyField({ min: 0, message: 'Enter an amount like 12500 or 12,500.00', blank: 'zero' });

export const optionalDate = z.preprocess(
  (v) => (v === '' || v === undefined ? null : v),
  z.string().refine(isIsoDate, 'Use a date like 2026-12-31').nullable(),
);

export const dealTitle = requiredText({ max: 200, required: 'Give the deal a title', tooLong: 'Keep the title under 200 characters' });

export const dealFieldsSchema = z.object({
  title: dealTitle,
  valueCents: moneyCents,
  expectedCloseDate: optionalDate,
  companyId: optionalId,
  contactId: optionalId,
  source: optionalText({ max: 100 }),
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
    lostReason: optionalText({ max: 200 }),
  })
  .refine((v) => v.status !== 'lost' || Boolean(v.lostReason), { message: 'Choose or type a reason', path: ['lostReason'] });

export const reopenDealSchema = z.object({ dealId: id, version: z.coerce.number().int().positive() });

export type CreateDealInput = z.infer<typeof createDealSchema>;
export type UpdateDealInput = z.infer<typeof updateDealSchema>;
export type MoveDealInput = z.infer<typeof moveDealSchema>;
export type CloseDealInput = z.infer<typeof closeDealSchema>;
