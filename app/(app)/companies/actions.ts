'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { createCompany, updateCompany } from '@/db/queries/companies';
import { defineAction } from '@/lib/actions';
import { companySchema } from '@/lib/contacts/schemas';

export const createCompanyAction = defineAction({ schema: companySchema }, (input, { db, user }) => {
  const company = createCompany(db, { ...input, ownerId: user.role === 'rep' ? user.id : input.ownerId }, user);
  revalidatePath('/companies');
  return company;
});

export const updateCompanyAction = defineAction({ schema: companySchema.extend({ companyId: z.coerce.number().int().positive() }) }, (input, { db, user }) => {
  updateCompany(db, input.companyId, input, user);
  revalidatePath('/companies');
  revalidatePath(`/companies/${input.companyId}`);
  return { id: input.companyId };
});
