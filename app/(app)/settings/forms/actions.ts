'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createWebForm, releaseSpamLead, setWebFormActive, updateWebForm } from '@/db/queries/lead-forms';
import { defineAction } from '@/lib/actions';
import { webFormSchema } from '@/lib/leads/forms';

const ADMIN = ['admin'] as const;
const id = z.coerce.number().int().positive();

export const createFormAction = defineAction({ schema: webFormSchema, roles: ADMIN }, (input, { db, user }) => {
  const created = createWebForm(db, input, user);
  revalidatePath('/settings/forms');
  return created;
});

export const updateFormAction = defineAction(
  { schema: z.intersection(z.object({ formId: id, version: id }), webFormSchema), roles: ADMIN },
  ({ formId, version, ...input }, { db }) => {
    updateWebForm(db, formId, version, input);
    revalidatePath('/settings/forms');
    revalidatePath(`/settings/forms/${formId}`);
    return { id: formId };
  },
);

export const setFormActiveAction = defineAction(
  { schema: z.object({ formId: id, active: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()) }), roles: ADMIN },
  ({ formId, active }, { db }) => {
    setWebFormActive(db, formId, active);
    revalidatePath('/settings/forms');
    revalidatePath(`/settings/forms/${formId}`);
  },
);

/**
 * The Spam filter's Release button on /leads: an admin takes a lead out of spam; it joins the inbox
 * and its owner gets the First contact task.
 */
export const releaseLeadAction = defineAction({ schema: z.object({ leadId: id }), roles: ADMIN }, ({ leadId }, { db, user }) => {
  const result = releaseSpamLead(db, leadId, user);
  revalidatePath('/leads');
  revalidatePath(`/leads/${leadId}`);
  return result;
});
