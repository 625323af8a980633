'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { contactCompanyId } from '@/db/queries/contacts';
import { companyIdForName, dismissDuplicatePair, findLikelyDuplicates, restoreDuplicatePair } from '@/db/queries/duplicates';
import { canSee } from '@/db/queries/visibility';
import { defineAction } from '@/lib/actions';
import { MANAGING_ROLES } from '@/lib/auth/roles';
import { lookalikesToShow, pairSchema, typed } from '@/lib/customers/duplicates';

function revalidate() {
  revalidatePath('/contacts/duplicates');
  revalidatePath('/contacts');
}

export const dismissContactPairAction = defineAction({ schema: pairSchema, roles: MANAGING_ROLES }, ({ a, b }, { db, user }) => {
  dismissDuplicatePair(db, 'contact', a, b, user);
  revalidate();
});

export const restoreContactPairAction = defineAction({ schema: pairSchema, roles: MANAGING_ROLES }, ({ a, b }, { db, user }) => {
  restoreDuplicatePair(db, 'contact', a, b, user);
  revalidate();
});

// What the contact form has typed so far. Lenient on purpose: the warning is advice while typing, so
// a half-typed email is simply no evidence; the form's own schema judges the values on save.
const typedContact = z.object({
  contactId: z.coerce.number().int().positive().optional(),
  firstName: typed(100),
  lastName: typed(100),
  email: typed(300),
  otherEmails: typed(3000),
  phone: typed(100),
  otherPhones: typed(1000),
  companyName: typed(200),
});

/** The contacts the unsaved form looks like (at most three), for the warning beside it. Anyone who can edit. */
export const findLikelyContactsAction = defineAction({ schema: typedContact }, (input, { db, user }) => {
  const editing = input.contactId && canSee(db, user, 'contact', input.contactId) ? input.contactId : null;
  const companyId = companyIdForName(db, input.companyName, user, editing ? contactCompanyId(db, editing) : null);
  const lines = (text: string) => text.split('\n');
  const found = findLikelyDuplicates(
    db,
    'contact',
    { firstName: input.firstName, lastName: input.lastName, emails: [input.email, ...lines(input.otherEmails)], phones: [input.phone, ...lines(input.otherPhones)], companyId },
    { excludeId: input.contactId ?? null, viewer: user },
  );
  return lookalikesToShow(found, (id) => `/contacts/${id}`);
});
