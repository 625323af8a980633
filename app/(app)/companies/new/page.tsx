import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listPriceListOptions } from '@/db/queries/price-lists';
import { listActiveUsers } from '@/db/queries/users';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { CompanyForm } from '../_components/company-form';

export const metadata: Metadata = { title: 'New company' };

export default async function NewCompanyPage() {
  const user = await requireUser();
  const db = getDb();
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="New company" />
      <CompanyForm users={listActiveUsers(db)} canReassign={seesEveryone(user.role)} priceLists={listPriceListOptions(db)} canSetPriceList={seesEveryone(user.role)} />
    </div>
  );
}
