import type { Metadata } from 'next';
import Link from 'next/link';
import type { Column } from '@/components/list/data-list';
import { addedColumn, countColumn, CustomerList } from '@/components/records/customer-list';
import { DuplicatesLink } from '@/components/records/duplicate-link';
import { TagList } from '@/components/ui/tag';
import { getDb } from '@/db';
import { countDuplicatePairs } from '@/db/queries/duplicates';
import { listCompanies, type CompanyRow } from '@/db/queries/companies';
import { listTagNames } from '@/db/queries/tags';
import { listActiveUsers } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { parseListFilters } from '@/lib/contacts/list-filters';
import type { SearchParams } from '@/lib/list/params';

export const metadata: Metadata = { title: 'Companies' };

/** The columns but the last, which shows the day in the workspace's time zone. */
const COLUMNS: Column<CompanyRow>[] = [
  {
    label: 'Name',
    sort: 'name',
    cell: (c) => (
      <>
        <Link href={`/companies/${c.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
          {c.name}
        </Link>
        {c.domain ? <div className="text-xs text-slate-500">{c.domain}</div> : null}
        <TagList tags={c.tags} className="mt-1" />
      </>
    ),
  },
  { label: 'Industry', className: 'text-slate-600', cell: (c) => [c.industry, c.size ? `${c.size} people` : null].filter(Boolean).join(' · ') },
  { label: 'Owner', phone: false, className: 'text-slate-600', cell: (c) => c.ownerName },
  countColumn('Contacts', (c) => c.contacts),
  countColumn('Open deals', (c) => c.openDeals),
];

export default async function CompaniesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const filters = parseListFilters(await searchParams);
  const db = getDb();
  return (
    <CustomerList
      path="/companies"
      title="Companies"
      nouns={{ one: 'company', many: 'companies' }}
      newLabel="New company"
      search={{ label: 'Search companies', placeholder: 'Name or domain…' }}
      empty={{ noMatch: 'No company matches.', none: 'No companies yet.', start: 'Add the organisations you sell to.' }}
      filters={filters}
      list={listCompanies(db, filters, user)}
      columns={[...COLUMNS, addedColumn(getWorkspace(db).timezone)]}
      rowTestId="company-row"
      users={listActiveUsers(db)}
      tags={listTagNames(db)}
      // Tidying duplicates is for admins and managers (seesEveryone); the count is one pass over the pairs.
      links={seesEveryone(user.role) ? <DuplicatesLink href="/companies/duplicates" count={countDuplicatePairs(db, 'company', user)} /> : null}
    />
  );
}
