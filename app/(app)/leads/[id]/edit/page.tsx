import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getLead, listLeadSources } from '@/db/queries/leads';
import { listActiveUsers } from '@/db/queries/users';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { idParam } from '@/lib/route-params';
import { LeadForm } from '../../_components/lead-form';

export const metadata: Metadata = { title: 'Edit lead' };

export default async function EditLeadPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = idParam((await params).id);
  const db = getDb();
  const lead = id ? getLead(db, id, user) : null;
  if (!lead) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={`Edit ${lead.name}`} description="The old values stay in the lead's history." />
      <LeadForm values={lead} users={listActiveUsers(db)} sources={listLeadSources(db, { activeOnly: false })} canReassign={seesEveryone(user.role)} />
    </div>
  );
}
