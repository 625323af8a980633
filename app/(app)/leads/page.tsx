import type { Metadata } from 'next';
import Link from 'next/link';
import { DataList, type Column } from '@/components/list/data-list';
import { TagList } from '@/components/ui/tag';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listLeads, listLeadSources, type LeadRow } from '@/db/queries/leads';
import { listActiveUsers } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { isAdmin } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { dateInZone } from '@/lib/dates';
import { leadFiltersToParams, parseLeadFilters, type LeadFilters, type LeadSort } from '@/lib/leads/list-filters';
import { hrefWithParams, type SearchParams } from '@/lib/list/params';
import { LeadScore, LeadStatusBadge } from './_components/lead-badges';
import { LeadToolbar } from './_components/lead-toolbar';
import { ReleaseButton } from './_components/release-button';

export const metadata: Metadata = { title: 'Leads' };

export default async function LeadsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const db = getDb();
  const ws = getWorkspace(db);
  const parsed = parseLeadFilters(await searchParams);
  // Spam is an admin's to review; anyone else asking for it gets the inbox.
  const filters: LeadFilters = parsed.spam && !isAdmin(user.role) ? { ...parsed, spam: false } : parsed;
  const { rows, total, page } = listLeads(db, filters, user);
  const href = (change: Partial<LeadFilters>) => hrefWithParams('/leads', leadFiltersToParams(filters, change));
  const filtered = Boolean(filters.q || filters.owner !== 'all' || filters.source || filters.hot || filters.status !== 'open');

  const columns: Column<LeadRow>[] = [
    {
      label: 'Lead',
      sort: 'name',
      className: 'md:min-w-[12rem]',
      cell: (l) => (
        <>
          <Link href={`/leads/${l.id}`} className="font-medium text-slate-900 hover:text-brand-700 hover:underline">
            {l.name}
          </Link>
          <div className="text-xs text-slate-500">{[l.title, l.companyName].filter(Boolean).join(' · ')}</div>
          <TagList tags={l.tags} className="mt-1" />
        </>
      ),
    },
    {
      label: 'Email',
      className: 'min-w-0 text-slate-600 md:max-w-[16rem]',
      cell: (l) => (
        <div className="truncate" title={l.email ?? undefined}>
          {l.email}
        </div>
      ),
    },
    { label: 'Status', cell: (l) => <LeadStatusBadge status={l.status} /> },
    { label: 'Score', sort: 'score', align: 'right', className: 'md:text-right', cell: (l) => <LeadScore score={l.score} hot={ws.leadHotThreshold} /> },
    { label: 'Source', phone: false, className: 'whitespace-nowrap text-slate-600', cell: (l) => l.sourceName },
    { label: 'Owner', phone: false, className: 'whitespace-nowrap text-slate-600', cell: (l) => l.ownerName ?? <span className="text-slate-400">Nobody</span> },
    { label: filters.spam ? 'Caught' : 'Added', sort: 'created', align: 'right', phone: false, className: 'whitespace-nowrap text-right text-slate-500', cell: (l) => dateInZone(l.createdAt, ws.timezone) },
    ...(filters.spam ? [{ label: 'Review', align: 'right' as const, className: 'md:text-right', cell: (l: LeadRow) => <ReleaseButton leadId={l.id} name={l.name} /> }] : []),
  ];

  return (
    <>
      <PageHeader
        title={filters.spam ? 'Spam caught by web forms' : 'Leads'}
        description={
          filters.spam
            ? `${total.toLocaleString('en-US')} held back. Release one that is real: it joins the inbox and its owner gets the first-contact task.`
            : `${total.toLocaleString('en-US')} ${total === 1 ? 'lead' : 'leads'}${filtered ? ' match these filters' : ''}, best score first.`
        }
        actions={
          <>
            <a href={hrefWithParams('/leads/export.csv', leadFiltersToParams(filters, { page: 1 }))} className={buttonClass('secondary')}>
              Export CSV
            </a>
            <Link href="/leads/new" className={buttonClass()}>
              New lead
            </Link>
          </>
        }
      />
      <LeadToolbar users={listActiveUsers(db)} sources={listLeadSources(db)} canReviewSpam={isAdmin(user.role)} />
      <DataList
        label={filters.spam ? 'Spam' : 'Leads'}
        rows={rows}
        columns={columns}
        rowTestId="lead-row"
        rowAttributes={(l) => ({ 'data-lead-id': l.id, 'data-score': l.score, 'data-status': l.status })}
        card="flex flex-col gap-1"
        sorting={{ sort: filters.sort, dir: filters.dir, hrefFor: (sort, dir) => href({ sort: sort as LeadSort, dir, page: 1 }) }}
        pages={{ page, total, hrefFor: (p) => href({ page: p }) }}
        empty={
          <Card className="p-10 text-center">
            <p className="font-medium text-slate-900">{filters.spam ? 'No spam. The forms’ filters have caught nothing.' : filtered ? 'No lead matches.' : 'No leads yet.'}</p>
            <p className="mt-1 text-sm text-slate-500">
              {filters.spam
                ? 'Submissions that look automated are kept here for you to review.'
                : filtered
                  ? 'Try fewer letters or clear a filter.'
                  : 'Add one by hand, import a list, or put a web form on your site: new leads land here, scored, with a first-contact task for their owner.'}
            </p>
            {filters.spam ? null : (
              <div className="mt-4 flex flex-wrap justify-center gap-2">
                <Link href="/leads/new" className={buttonClass()}>
                  New lead
                </Link>
                <Link href="/import?kind=leads" className={buttonClass('secondary')}>
                  Import leads
                </Link>
              </div>
            )}
          </Card>
        }
      />
    </>
  );
}
