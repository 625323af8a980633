import type { Metadata } from 'next';
import Link from 'next/link';
import { ListToolbar } from '@/components/list/list-toolbar';
import { Pagination } from '@/components/list/pagination';
import { SortHeader } from '@/components/list/sort-link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Tag } from '@/components/ui/tag';
import { getDb } from '@/db';
import { listCompanies } from '@/db/queries/companies';
import { listTagNames } from '@/db/queries/tags';
import { listActiveUsers } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { requireUser } from '@/lib/auth/session';
import { dateInZone } from '@/lib/dates';
import { listFiltersToParams, PAGE_SIZE, parseListFilters, type ListFilters } from '@/lib/contacts/list-filters';

export const metadata: Metadata = { title: 'Companies' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CompaniesPage({ searchParams }: Props) {
  const user = await requireUser();
  const filters = parseListFilters(await searchParams);
  const db = getDb();
  const { rows, total } = listCompanies(db, filters, user);
  const { timezone } = getWorkspace(db);
  const href = (change: Partial<ListFilters>) => {
    const p = listFiltersToParams(filters, change);
    return `/companies${p.size ? `?${p}` : ''}`;
  };
  const sortHref = (sort: string, dir: 'asc' | 'desc') => href({ sort: sort as ListFilters['sort'], dir, page: 1 });
  const exportParams = listFiltersToParams(filters, { page: 1 });
  const filtered = Boolean(filters.q || filters.tag || filters.openDeals || filters.owner !== 'all');

  return (
    <>
      <PageHeader
        title="Companies"
        description={`${total.toLocaleString('en-US')} ${total === 1 ? 'company' : 'companies'}${filtered ? ' match these filters' : ''}.`}
        actions={
          <>
            <a href={`/companies/export.csv${exportParams.size ? `?${exportParams}` : ''}`} className={buttonClass('secondary')}>
              Export CSV
            </a>
            <Link href="/companies/new" className={buttonClass()}>
              New company
            </Link>
          </>
        }
      />
      <ListToolbar searchLabel="Search companies" placeholder="Name or domain…" users={listActiveUsers(db)} tags={listTagNames(db)} openDealsLabel="Has open deals" />
      {rows.length === 0 ? (
        <Card className="p-10 text-center">
          <p className="font-medium text-slate-900">{filtered ? 'No company matches.' : 'No companies yet.'}</p>
          <p className="mt-1 text-sm text-slate-500">{filtered ? 'Try fewer letters or clear a filter.' : 'Add the organisations you sell to.'}</p>
          <Link href="/companies/new" className={`${buttonClass()} mt-4`}>
            New company
          </Link>
        </Card>
      ) : (
        <Card className="overflow-hidden">
          <table className="w-full text-sm" aria-label="Companies">
            <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs text-slate-500 md:table-header-group">
              <tr>
                <SortHeader label="Name" sortKey="name" current={filters.sort} dir={filters.dir} hrefFor={sortHref} />
                <th scope="col" className="px-4 py-2.5 text-left font-medium">Industry</th>
                <th scope="col" className="px-4 py-2.5 text-left font-medium">Owner</th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">Contacts</th>
                <th scope="col" className="px-4 py-2.5 text-right font-medium">Open deals</th>
                <SortHeader label="Added" sortKey="created" current={filters.sort} dir={filters.dir} hrefFor={sortHref} className="text-right" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((c) => (
                <tr key={c.id} data-testid="company-row" className="flex flex-col gap-0.5 px-4 py-3 hover:bg-slate-50 md:table-row md:p-0">
                  <td className="md:px-4 md:py-3">
                    <Link href={`/companies/${c.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
                      {c.name}
                    </Link>
                    {c.domain ? <div className="text-xs text-slate-500">{c.domain}</div> : null}
                    {c.tags.length ? (
                      <div className="mt-1 flex flex-wrap gap-1">
                        {c.tags.map((t) => (
                          <Tag key={t}>{t}</Tag>
                        ))}
                      </div>
                    ) : null}
                  </td>
                  <td className="text-slate-600 md:px-4 md:py-3">
                    {[c.industry, c.size ? `${c.size} people` : null].filter(Boolean).join(' · ')}
                  </td>
                  <td className="hidden text-slate-600 md:table-cell md:px-4 md:py-3">{c.ownerName}</td>
                  <td className="text-slate-600 md:px-4 md:py-3 md:text-right md:tabular-nums">
                    <span className="md:hidden">Contacts: </span>
                    {c.contacts}
                  </td>
                  <td className="text-slate-600 md:px-4 md:py-3 md:text-right md:tabular-nums">
                    <span className="md:hidden">Open deals: </span>
                    {c.openDeals}
                  </td>
                  <td className="hidden text-right text-slate-500 md:table-cell md:px-4 md:py-3">{dateInZone(c.createdAt, timezone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <Pagination page={filters.page} pageSize={PAGE_SIZE} total={total} hrefFor={(page) => href({ page })} />
    </>
  );
}
