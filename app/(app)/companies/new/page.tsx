import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listActiveUsers } from '@/db/queries/users';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { CompanyForm } from '../_components/company-form';

export const metadata: Metadata = { title: 'New company' };

export default async function NewCompanyPage() {
  const user = await requireUser();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="New company" />
      <CompanyForm users={listActiveUsers(getDb())} canReassign={seesEveryone(user.role)} />
    </div>
  );
}
