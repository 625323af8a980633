'use server';

import { revalidatePath } from 'next/cache';
import { convertLead } from '@/db/queries/lead-convert';
import { defineAction } from '@/lib/actions';
import { convertLeadSchema } from '@/lib/leads/convert';

/** The wizard's Convert: everything in one transaction (db/queries/lead-convert.ts). */
export const convertLeadAction = defineAction({ schema: convertLeadSchema }, (input, { db, user }) => {
  const result = convertLead(db, input, user);
  revalidatePath('/leads');
  revalidatePath(`/leads/${input.leadId}`);
  revalidatePath(`/contacts/${result.contactId}`);
  if (result.companyId) revalidatePath(`/companies/${result.companyId}`);
  if (result.dealId) revalidatePath('/deals');
  revalidatePath('/');
  return result;
});
