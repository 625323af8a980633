import { z } from 'zod';
import { optionalCompanyName } from '@/lib/contacts/schemas';
import { dealTitle, moneyCents, optionalDate } from './schemas';

/** The column's quick-add form: just what a rep knows on the phone. */
export const quickAddDealSchema = z.object({
  pipelineId: z.coerce.number().int().positive(),
  stageId: z.coerce.number().int().positive(),
  title: dealTitle,
  valueCents: moneyCents,
  companyName: optionalCompanyName,
  expectedCloseDate: optionalDate,
});

export type QuickAddDealInput = z.infer<typeof quickAddDealSchema>;
