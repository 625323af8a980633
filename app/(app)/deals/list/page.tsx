import type { Metadata } from 'next';
import Link from 'next/link';
import { DataList, type Column } from '@/components/list/data-list';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listDeals, type DealListRow } from '@/db/queries/deal-list';
import { listPipelinesWithStages } from '@/db/queries/pipelines';
import { listActiveUsers } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { dateInZone, formatDate, todayIso } from '@/lib/dates';
import { dealFiltersToParams, parseDealFilters, resolvePipeline } from '@/lib/deals/filters';
import { DEAL_LIST, parseDealListParams, type DealListView, type DealSort } from '@/lib/deals/list-sort';
import { weightedCents } from '@/lib/deals/probability';
import { hrefWithParams, setListView, type SearchParams } from '@/lib/list/params';
import { formatMoney } from '@/lib/money';
import { DealFilterBar } from '../_components/filter-bar';

export const metadata: Metadata = { title: 'Deals list' };

export default async function DealListPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const params = await searchParams;
  const db = getDb();
  const pipelines = listPipelinesWithStages(db);
  const parsed = parseDealFilters(params, user.role);
  // Like the board, the list shows one pipeline (the first unless the URL names one) or all of them.
  const filters = pipelines.length > 1 ? { ...parsed, pipelineId: resolvePipeline(parsed.pipelineId, pipelines.map((p) => p.id)) } : parsed;
  const sort = parseDealListParams(params);
  const ws = getWorkspace(db);
  const { rows, total, page } = listDeals(db, filters, user, sort);
  const base = dealFiltersToParams(filters, user.role);
  const href = (change: Partial<DealListView>) => hrefWithParams('/deals/list', setListView(new URLSearchParams(base), { ...sort, page, ...change }, DEAL_LIST));
  const today = todayIso(ws.timezone);
  const money = (c: number) => formatMoney(c, ws.currency, { whole: true });
  const filtered = filters.q !== '' || filters.closeFrom !== null || filters.closeTo !== null || filters.owner !== (seesEveryone(user.role) ? 'all' : 'me');

  return (
    <>
      <PageHeader
        title="Deals"
        description={`${total.toLocaleString('en-US')} ${filters.status} ${total === 1 ? 'deal' : 'deals'}${pipelines.length > 1 ? ` in ${pipelines.find((p) => p.id === filters.pipelineId)?.name ?? 'all pipelines'}` : ''}.`}
        actions={
          <>
            <a href={`/deals/export.csv${base.size ? `?${base}` : ''}`} className={buttonClass('secondary')} download>
              Export CSV
            </a>
            <Link href={`/deals/new${typeof filters.pipelineId === 'number' ? `?pipeline=${filters.pipelineId}` : ''}`} className={buttonClass()}>
              New deal
            </Link>
          </>
        }
      />
      <DealFilterBar filters={filters} role={user.role} users={listActiveUsers(db)} pipelines={pipelines.map((p) => ({ id: p.id, name: p.name }))} view="list" />
      <DataList
        label="Deals"
        rows={rows}
        columns={dealColumns({ money, today, timeZone: ws.timezone })}
        rowTestId="deal-row"
        rowAttributes={(d) => ({ 'data-deal-id': d.id })}
        card="grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-1"
        breakpoint="lg"
        sorting={{ sort: sort.sort, dir: sort.dir, hrefFor: (s, dir) => href({ sort: s as DealSort, dir, page: 1 }) }}
        pages={{ page, total, hrefFor: (p) => href({ page: p }) }}
        empty={
          <Card className="p-8 text-center sm:p-10">
            <p className="font-medium text-slate-900">{filtered ? `No ${filters.status} deals match these filters.` : `There are no ${filters.status} deals yet.`}</p>
            <p className="mt-1 text-sm text-slate-500">
              {filtered
                ? 'Clear the search or the dates, or choose “Everyone” as owner to see your team’s deals.'
                : filters.status === 'open'
                  ? 'Add a deal to start your pipeline.'
                  : `Deals show here once they are marked ${filters.status}.`}
            </p>
            <div className="mt-4 flex flex-wrap justify-center gap-2">
              {filtered ? (
                <Link href={`/deals/list${filters.status !== 'open' ? `?status=${filters.status}` : ''}`} className={buttonClass('secondary')}>
                  Clear filters
                </Link>
              ) : null}
              <Link href="/deals/new" className={buttonClass()}>
                Add a deal
              </Link>
            </div>
          </Card>
        }
      />
    </>
  );
}

/** The deal list's columns: a table row on a wide screen; a small stacked card on a phone. */
function dealColumns({ money, today, timeZone }: { money: (cents: number) => string; today: string; timeZone: string }): Column<DealListRow>[] {
  const overdue = (d: DealListRow) => d.status === 'open' && d.expectedCloseDate !== null && d.expectedCloseDate < today;
  return [
    {
      label: 'Deal',
      sort: 'title',
      className: 'min-w-0 lg:max-w-72',
      cell: (d) => (
        <>
          <Link href={`/deals/${d.id}`} className="font-medium break-words text-slate-900 hover:text-brand-700 hover:underline">
            {d.title}
          </Link>
          <div className="truncate text-xs text-slate-500">{[d.company, d.contact].filter(Boolean).join(' · ') || 'No company or contact'}</div>
        </>
      ),
    },
    { label: 'Value', sort: 'value', align: 'right', testCol: 'value', className: 'text-right font-medium whitespace-nowrap text-slate-900 tabular-nums', cell: (d) => money(d.valueCents) },
    {
      label: 'Stage',
      sort: 'stage',
      testCol: 'stage',
      className: 'min-w-0 truncate text-slate-600',
      cell: (d) => (
        <>
          {d.stage}
          <span className="text-slate-400 lg:hidden"> · {d.probabilityBp / 100}%</span>
        </>
      ),
    },
    { label: 'Prob.', align: 'right', phone: false, className: 'text-right text-slate-600 tabular-nums', cell: (d) => <>{d.probabilityBp / 100}%</> },
    {
      label: 'Weighted',
      align: 'right',
      className: 'text-right text-xs whitespace-nowrap text-slate-500 tabular-nums lg:text-sm lg:text-slate-600',
      cell: (d) => (
        <>
          <span className="lg:hidden">weighted </span>
          {money(weightedCents(d.valueCents, d.probabilityBp))}
        </>
      ),
    },
    {
      label: 'Close',
      sort: 'close',
      testCol: 'close',
      className: (d) => cx('whitespace-nowrap', overdue(d) ? 'text-red-600' : 'text-slate-600'),
      cell: (d) => (
        <>
          <span className="text-slate-400 lg:hidden">Close </span>
          {d.expectedCloseDate ? formatDate(d.expectedCloseDate) : '—'}
        </>
      ),
    },
    { label: 'Owner', sort: 'owner', testCol: 'owner', className: 'truncate text-right text-slate-600 lg:text-left', cell: (d) => d.owner ?? '—' },
    // Open is the usual case: a card only says won or lost.
    { label: 'Status', testCol: 'status', phone: (d) => d.status !== 'open', className: 'col-span-2', cell: (d) => <StatusBadge status={d.status} lostReason={d.lostReason} /> },
    { label: 'Created', sort: 'created', xlOnly: true, className: 'whitespace-nowrap text-slate-500', cell: (d) => formatDate(dateInZone(d.createdAt, timeZone)) },
  ];
}

function StatusBadge({ status, lostReason }: { status: string; lostReason: string | null }) {
  const tone = status === 'won' ? 'bg-emerald-50 text-emerald-700' : status === 'lost' ? 'bg-red-50 text-red-700' : 'bg-slate-100 text-slate-600';
  const label = status === 'won' ? 'Won' : status === 'lost' ? `Lost${lostReason ? `: ${lostReason}` : ''}` : 'Open';
  return <span className={cx('inline-block max-w-full truncate rounded px-1.5 py-0.5 align-middle text-xs font-medium', tone)}>{label}</span>;
}
