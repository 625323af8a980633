import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listLeadSources } from '@/db/queries/leads';
import { listActiveUsers } from '@/db/queries/users';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { LeadForm } from '../_components/lead-form';

export const metadata: Metadata = { title: 'New lead' };

export default async function NewLeadPage() {
  const user = await requireUser();
  const db = getDb();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="New lead" description="Someone who may become a customer: from a call, a card, a referral. You will be told if they are already in Keel." />
      <LeadForm users={listActiveUsers(db)} sources={listLeadSources(db)} canReassign={seesEveryone(user.role)} />
    </div>
  );
}
