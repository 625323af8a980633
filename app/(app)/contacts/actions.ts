'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { findOrCreateCompanyByName } from '@/db/queries/companies';
import { createContact, updateContact } from '@/db/queries/contacts';
import { defineAction } from '@/lib/actions';
import { contactSchema } from '@/lib/contacts/schemas';

// The form names the company; an unknown name creates it, as reps expect when typing a new lead.
const formSchema = contactSchema.omit({ companyId: true }).extend({
  companyName: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(200).nullable().optional()),
});

export const createContactAction = defineAction({ schema: formSchema }, (input, { db, user }) => {
  const contact = db.transaction(() => {
    const company = input.companyName ? findOrCreateCompanyByName(db, input.companyName, user.id) : null;
    return createContact(db, { ...input, companyId: company?.id ?? null, ownerId: user.role === 'rep' ? user.id : input.ownerId }, user);
  });
  revalidatePath('/contacts');
  return contact;
});

export const updateContactAction = defineAction({ schema: formSchema.extend({ contactId: z.coerce.number().int().positive() }) }, (input, { db, user }) => {
  db.transaction(() => {
    const company = input.companyName ? findOrCreateCompanyByName(db, input.companyName, user.id) : null;
    updateContact(db, input.contactId, { ...input, companyId: company?.id ?? null }, user);
  });
  revalidatePath('/contacts');
  revalidatePath(`/contacts/${input.contactId}`);
  return { id: input.contactId };
});
