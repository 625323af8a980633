'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { findOrCreateCompanyByName } from '@/db/queries/companies';
import { deleteActivity, editActivity, logActivity } from '@/db/queries/activity-log';
import { contactCompanyId, createContact, updateContact } from '@/db/queries/contacts';
import { searchRecords } from '@/db/queries/record-search';
import { canSee } from '@/db/queries/visibility';
import { workspaceToday } from '@/db/queries/workspace';
import { defineAction } from '@/lib/actions';
import { contactSchema, optionalCompanyName } from '@/lib/contacts/schemas';
import { activityIdSchema, editActivitySchema, logActivitySchema } from '@/lib/timeline/log-schema';

// The form names the company; an unknown name creates it, as reps expect when typing a new lead.
const formSchema = contactSchema.omit({ companyId: true }).extend({
  companyName: optionalCompanyName,
});

export const createContactAction = defineAction({ schema: formSchema }, (input, { db, user }) => {
  const contact = db.transaction(() => {
    const company = input.companyName ? findOrCreateCompanyByName(db, input.companyName, user.id, user) : null;
    return createContact(db, { ...input, companyId: company?.id ?? null, ownerId: user.role === 'rep' ? user.id : input.ownerId }, user);
  });
  revalidatePath('/contacts');
  return contact;
});

export const updateContactAction = defineAction({ schema: formSchema.extend({ contactId: z.coerce.number().int().positive() }) }, (input, { db, user }) => {
  db.transaction(() => {
    const current = contactCompanyId(db, input.contactId);
    // The form leaves out a company the user may not see; left blank, the contact keeps it.
    const hidden = current !== null && !canSee(db, user, 'company', current);
    const company = input.companyName ? findOrCreateCompanyByName(db, input.companyName, user.id, user, current) : null;
    updateContact(db, input.contactId, { ...input, companyId: company?.id ?? (hidden ? current : null) }, user);
  });
  revalidatePath('/contacts');
  revalidatePath(`/contacts/${input.contactId}`);
  return { id: input.contactId };
});

// Activities are logged from contact, company and deal pages alike; these actions serve all three.
export const logActivityAction = defineAction({ schema: logActivitySchema }, (input, { db, user }) => {
  const result = logActivity(db, input, user, Date.now(), workspaceToday(db).today);
  revalidateRecords(input);
  return result;
});

export const editActivityAction = defineAction({ schema: editActivitySchema }, (input, { db, user }) => {
  editActivity(db, input, user);
  revalidatePath('/', 'layout');
});

export const deleteActivityAction = defineAction({ schema: activityIdSchema }, ({ activityId }, { db, user }) => {
  deleteActivity(db, activityId, user);
  revalidatePath('/', 'layout');
});

function revalidateRecords(input: { contactId: number | null; companyId: number | null; dealId: number | null; leadId?: number | null }) {
  if (input.contactId) revalidatePath(`/contacts/${input.contactId}`);
  if (input.leadId) revalidatePath(`/leads/${input.leadId}`);
  if (input.companyId) revalidatePath(`/companies/${input.companyId}`);
  if (input.dealId) revalidatePath(`/deals/${input.dealId}`);
  revalidatePath('/tasks');
}

export const searchRecordsAction = defineAction(
  { schema: z.object({ kind: z.enum(['company', 'contact']), q: z.string().max(100) }) },
  ({ kind, q }, { db, user }) => searchRecords(db, kind, q, user),
);
