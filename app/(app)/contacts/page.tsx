import type { Metadata } from 'next';
import Link from 'next/link';
import type { Column } from '@/components/list/data-list';
import { addedColumn, countColumn, CustomerList } from '@/components/records/customer-list';
import { DuplicatesLink } from '@/components/records/duplicate-link';
import { TagList } from '@/components/ui/tag';
import { getDb } from '@/db';
import { countDuplicatePairs } from '@/db/queries/duplicates';
import { listContacts, type ContactRow } from '@/db/queries/contacts';
import { listTagNames } from '@/db/queries/tags';
import { listActiveUsers } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { parseListFilters } from '@/lib/contacts/list-filters';
import type { SearchParams } from '@/lib/list/params';

export const metadata: Metadata = { title: 'Contacts' };

/** The columns but the last, which shows the day in the workspace's time zone. */
const COLUMNS: Column<ContactRow>[] = [
  {
    label: 'Name',
    sort: 'name',
    className: 'md:min-w-[12rem]',
    cell: (c) => (
      <>
        <Link href={`/contacts/${c.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
          {c.name}
        </Link>
        {c.title ? <div className="text-xs text-slate-500">{c.title}</div> : null}
        <TagList tags={c.tags} className="mt-1" />
      </>
    ),
  },
  {
    label: 'Company',
    sort: 'company',
    className: 'text-slate-700',
    cell: (c) =>
      c.companyId ? (
        <Link href={`/companies/${c.companyId}`} className="hover:underline">
          {c.companyName}
        </Link>
      ) : (
        <span className="hidden text-slate-400 md:inline">—</span>
      ),
  },
  {
    label: 'Email and phone',
    className: 'min-w-0 text-slate-600 md:max-w-[16rem]',
    cell: (c) => (
      <>
        <div className="truncate" title={c.email ?? undefined}>
          {c.email}
        </div>
        <div className="text-xs text-slate-500">{c.phone}</div>
      </>
    ),
  },
  { label: 'Owner', phone: false, className: 'whitespace-nowrap text-slate-600', cell: (c) => c.ownerName },
  countColumn('Open deals', (c) => c.openDeals),
];

export default async function ContactsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const filters = parseListFilters(await searchParams);
  const db = getDb();
  return (
    <CustomerList
      path="/contacts"
      title="Contacts"
      nouns={{ one: 'person', many: 'people' }}
      newLabel="New contact"
      search={{ label: 'Search contacts', placeholder: 'Name, email, phone or company…' }}
      empty={{ noMatch: 'No contact matches.', none: 'No contacts yet.', start: 'Add the people you sell to, and everything you do with them lands on their page.' }}
      filters={filters}
      list={listContacts(db, filters, user)}
      columns={[...COLUMNS, addedColumn(getWorkspace(db).timezone)]}
      rowTestId="contact-row"
      users={listActiveUsers(db)}
      tags={listTagNames(db)}
      // Tidying duplicates is for admins and managers (seesEveryone); the count is one pass over the pairs.
      links={seesEveryone(user.role) ? <DuplicatesLink href="/contacts/duplicates" count={countDuplicatePairs(db, 'contact', user)} /> : null}
    />
  );
}
