'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { dismissDuplicatePair, findLikelyDuplicates, restoreDuplicatePair } from '@/db/queries/duplicates';
import { defineAction } from '@/lib/actions';
import { MANAGING_ROLES } from '@/lib/auth/roles';
import { lookalikesToShow, pairSchema, typed } from '@/lib/customers/duplicates';

function revalidate() {
  revalidatePath('/companies/duplicates');
  revalidatePath('/companies');
}

export const dismissCompanyPairAction = defineAction({ schema: pairSchema, roles: MANAGING_ROLES }, ({ a, b }, { db, user }) => {
  dismissDuplicatePair(db, 'company', a, b, user);
  revalidate();
});

export const restoreCompanyPairAction = defineAction({ schema: pairSchema, roles: MANAGING_ROLES }, ({ a, b }, { db, user }) => {
  restoreDuplicatePair(db, 'company', a, b, user);
  revalidate();
});

// What the company form has typed so far; lenient, as the contact form's check is.
const typedCompany = z.object({ companyId: z.coerce.number().int().positive().optional(), name: typed(200), domain: typed(300) });

/** The companies the unsaved form looks like (at most three), for the warning beside it. Anyone who can edit. */
export const findLikelyCompaniesAction = defineAction({ schema: typedCompany }, (input, { db, user }) =>
  lookalikesToShow(findLikelyDuplicates(db, 'company', { name: input.name, domain: input.domain }, { excludeId: input.companyId ?? null, viewer: user }), (id) => `/companies/${id}`),
);
