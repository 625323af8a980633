import { z } from 'zod';
import { moneyCents, optionalDate } from './schemas';

/** The column's quick-add form: just what a rep knows on the phone. */
export const quickAddDealSchema = z.object({
  pipelineId: z.coerce.number().int().positive(),
  stageId: z.coerce.number().int().positive(),
  title: z.string().trim().min(1, 'Give the deal a title').max(200, 'Keep the title under 200 characters'),
  valueCents: moneyCents,
  companyName: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(200).nullable()),
  expectedCloseDate: optionalDate,
});

export type QuickAddDealInput = z.infer<typeof quickAddDealSchema>;
