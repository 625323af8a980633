import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getContactHeader } from '@/db/queries/contacts';
import { mergedInto } from '@/db/queries/merge';
import { listActiveUsers } from '@/db/queries/users';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { idParam } from '@/lib/route-params';
import { ContactForm } from '../../_components/contact-form';

export const metadata: Metadata = { title: 'Edit contact' };

export default async function EditContactPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = idParam((await params).id);
  const contact = id ? getContactHeader(getDb(), id, user) : null;
  if (!contact) {
    // A merged-away contact's old edit link leads to editing the record it was merged into.
    const kept = id ? mergedInto(getDb(), 'contact', id, user) : null;
    if (kept) permanentRedirect(`/contacts/${kept}/edit`);
    notFound();
  }
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={`Edit ${contact.firstName} ${contact.lastName}`.trim()} />
      <ContactForm
        values={{ ...contact, companyName: contact.companyName }}
        users={listActiveUsers(getDb())}
        canReassign={seesEveryone(user.role)}
      />
    </div>
  );
}
