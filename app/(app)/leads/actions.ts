'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { findLikelyDuplicates } from '@/db/queries/duplicates';
import { createLead, leadsWithEmail, setLeadStatus, updateLead } from '@/db/queries/leads';
import { defineAction } from '@/lib/actions';
import { lookalikesToShow, typed } from '@/lib/customers/duplicates';
import { normaliseDomain } from '@/lib/customers/normalise';
import { leadSchema, leadStatusSchema } from '@/lib/leads/schemas';

// A rep gives new leads to themselves; managers and admins may give them to anyone.
const ownerFor = (role: string, userId: number, chosen: number | null) => (role === 'rep' ? userId : chosen);

export const createLeadAction = defineAction({ schema: leadSchema }, (input, { db, user }) => {
  const lead = createLead(db, { ...input, ownerId: ownerFor(user.role, user.id, input.ownerId) }, user);
  revalidatePath('/leads');
  return lead;
});

export const updateLeadAction = defineAction(
  { schema: leadSchema.and(z.object({ leadId: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() })) },
  (input, { db, user }) => {
    updateLead(db, input.leadId, input.version, { ...input, ownerId: user.role === 'rep' ? null : input.ownerId }, user);
    revalidatePath('/leads');
    revalidatePath(`/leads/${input.leadId}`);
    return { id: input.leadId };
  },
);

export const setLeadStatusAction = defineAction({ schema: leadStatusSchema }, (input, { db, user }) => {
  setLeadStatus(db, input, user);
  revalidatePath('/leads');
  revalidatePath(`/leads/${input.leadId}`);
});

// What the lead form has typed so far; lenient on purpose (advice while typing, not validation).
const typedLead = z.object({
  leadId: z.coerce.number().int().positive().optional(),
  firstName: typed(100),
  lastName: typed(100),
  email: typed(300),
  phone: typed(100),
  companyName: typed(200),
  website: typed(300),
});

/**
 * What the unsaved lead looks like among what the user may see: leads with the same email, contacts
 * by the duplicate rule (email, phone, name), companies by domain or name. At most six.
 */
export const findLikelyForLeadAction = defineAction({ schema: typedLead }, (input, { db, user }) => {
  const email = input.email.trim().toLowerCase();
  const leads = email
    ? leadsWithEmail(db, email, user, input.leadId ?? null).map((l) => ({ id: l.id, name: l.name, href: `/leads/${l.id}`, detail: 'Lead', reasons: [`same email ${email}`] }))
    : [];
  const contacts = lookalikesToShow(
    findLikelyDuplicates(db, 'contact', { firstName: input.firstName, lastName: input.lastName, emails: [input.email], phones: [input.phone], companyId: null }, { excludeId: null, viewer: user }),
    (id) => `/contacts/${id}`,
  ).map((c) => ({ ...c, detail: ['Contact', c.detail].filter(Boolean).join(' · ') }));
  const companies = input.companyName.trim() || input.website.trim()
    ? lookalikesToShow(
        findLikelyDuplicates(db, 'company', { name: input.companyName, domain: normaliseDomain(input.website) }, { excludeId: null, viewer: user }),
        (id) => `/companies/${id}`,
      ).map((c) => ({ ...c, detail: ['Company', c.detail].filter(Boolean).join(' · ') }))
    : [];
  return [...leads, ...contacts, ...companies].slice(0, 6);
});
