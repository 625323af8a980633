import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getCompanyHeader } from '@/db/queries/companies';
import { mergedInto } from '@/db/queries/merge';
import { listPriceListOptions } from '@/db/queries/price-lists';
import { listActiveUsers } from '@/db/queries/users';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { idParam } from '@/lib/route-params';
import { CompanyForm } from '../../_components/company-form';

export const metadata: Metadata = { title: 'Edit company' };

export default async function EditCompanyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = idParam((await params).id);
  const db = getDb();
  const company = id ? getCompanyHeader(db, id, user) : null;
  if (!company) {
    // A merged-away company's old edit link leads to editing the record it was merged into.
    const kept = id ? mergedInto(db, 'company', id, user) : null;
    if (kept) permanentRedirect(`/companies/${kept}/edit`);
    notFound();
  }
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={`Edit ${company.name}`} />
      <CompanyForm values={company} users={listActiveUsers(db)} canReassign={seesEveryone(user.role)} priceLists={listPriceListOptions(db)} canSetPriceList={seesEveryone(user.role)} />
    </div>
  );
}
