import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listActiveUsers } from '@/db/queries/users';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { ContactForm } from '../_components/contact-form';

export const metadata: Metadata = { title: 'New contact' };

export default async function NewContactPage() {
  const user = await requireUser();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="New contact" description="Only a first name is required; add the rest as you learn it." />
      <ContactForm users={listActiveUsers(getDb())} canReassign={seesEveryone(user.role)} />
    </div>
  );
}
