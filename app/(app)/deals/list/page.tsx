import type { Metadata } from 'next';
import Link from 'next/link';
import { Pagination } from '@/components/list/pagination';
import { SortHeader } from '@/components/list/sort-link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { DEAL_LIST_PAGE, listDeals, type DealListRow, type DealListSort } from '@/db/queries/deal-list';
import { listPipelinesWithStages } from '@/db/queries/pipelines';
import { listActiveUsers } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { dateInZone, formatDate, todayIso } from '@/lib/dates';
import { dealFiltersToParams, parseDealFilters, resolvePipeline } from '@/lib/deals/filters';
import { parseDealListParams, type DealSort } from '@/lib/deals/list-sort';
import { weightedCents } from '@/lib/deals/probability';
import { formatMoney } from '@/lib/money';
import { DealFilterBar } from '../_components/filter-bar';

export const metadata: Metadata = { title: 'Deals list' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const cell = 'lg:table-cell lg:px-3 lg:py-2.5';

export default async function DealListPage({ searchParams }: Props) {
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
  const href = (change: Partial<DealListSort>) => {
    const next = { ...sort, page, ...change };
    const p = new URLSearchParams(base);
    if (next.sort !== 'close') p.set('sort', next.sort);
    if (next.dir !== 'asc') p.set('dir', next.dir);
    if (next.page > 1) p.set('page', String(next.page));
    return `/deals/list${p.size ? `?${p}` : ''}`;
  };
  const sortHref = (s: string, dir: 'asc' | 'desc') => href({ sort: s as DealSort, dir, page: 1 });
  const today = todayIso(ws.timezone);
  const money = (c: number) => formatMoney(c, ws.currency, { whole: true });
  const header = (label: string, key: DealSort, className?: string) => <SortHeader label={label} sortKey={key} current={sort.sort} dir={sort.dir} hrefFor={sortHref} className={cx('px-3', className)} />;
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
      {rows.length === 0 ? (
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
      ) : (
        <Card className="overflow-hidden">
          <table className="block w-full text-sm lg:table" aria-label="Deals">
            <thead className="hidden border-b border-slate-200 bg-slate-50 text-xs text-slate-500 lg:table-header-group">
              <tr>
                {header('Deal', 'title')}
                {header('Value', 'value', 'text-right')}
                {header('Stage', 'stage')}
                <th scope="col" className="px-3 py-2.5 text-right font-medium">
                  Prob.
                </th>
                <th scope="col" className="px-3 py-2.5 text-right font-medium">
                  Weighted
                </th>
                {header('Close', 'close')}
                {header('Owner', 'owner')}
                <th scope="col" className="px-3 py-2.5 text-left font-medium">
                  Status
                </th>
                {header('Created', 'created', 'hidden xl:table-cell')}
              </tr>
            </thead>
            <tbody className="block divide-y divide-slate-100 lg:table-row-group">
              {rows.map((d) => (
                <DealRow key={d.id} deal={d} money={money} today={today} timeZone={ws.timezone} />
              ))}
            </tbody>
          </table>
        </Card>
      )}
      <Pagination page={page} pageSize={DEAL_LIST_PAGE} total={total} hrefFor={(p) => href({ page: p })} />
    </>
  );
}

/** A table row on a wide screen; a small stacked card on a phone. */
function DealRow({ deal: d, money, today, timeZone }: { deal: DealListRow; money: (cents: number) => string; today: string; timeZone: string }) {
  const overdue = d.status === 'open' && d.expectedCloseDate !== null && d.expectedCloseDate < today;
  return (
    <tr data-testid="deal-row" data-deal-id={d.id} className="grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-1 px-4 py-3 hover:bg-slate-50 lg:table-row lg:p-0">
      <td className={cx('block min-w-0 lg:max-w-72', cell)}>
        <Link href={`/deals/${d.id}`} className="font-medium break-words text-slate-900 hover:text-brand-700 hover:underline">
          {d.title}
        </Link>
        <div className="truncate text-xs text-slate-500">{[d.company, d.contact].filter(Boolean).join(' · ') || 'No company or contact'}</div>
      </td>
      <td className={cx('block text-right font-medium whitespace-nowrap text-slate-900 tabular-nums', cell)} data-col="value">
        {money(d.valueCents)}
      </td>
      <td className={cx('block min-w-0 truncate text-slate-600', cell)} data-col="stage">
        {d.stage}
        <span className="text-slate-400 lg:hidden"> · {d.probabilityBp / 100}%</span>
      </td>
      <td className={cx('hidden text-right text-slate-600 tabular-nums', cell)}>{d.probabilityBp / 100}%</td>
      <td className={cx('block text-right text-xs whitespace-nowrap text-slate-500 tabular-nums lg:text-sm lg:text-slate-600', cell)}>
        <span className="lg:hidden">weighted </span>
        {money(weightedCents(d.valueCents, d.probabilityBp))}
      </td>
      <td className={cx('block whitespace-nowrap', cell, overdue ? 'text-red-600' : 'text-slate-600')} data-col="close">
        <span className="text-slate-400 lg:hidden">Close </span>
        {d.expectedCloseDate ? formatDate(d.expectedCloseDate) : '—'}
      </td>
      <td className={cx('block truncate text-right text-slate-600 lg:text-left', cell)} data-col="owner">
        {d.owner ?? '—'}
      </td>
      <td className={cx('col-span-2', d.status === 'open' ? 'hidden' : 'block', cell)} data-col="status">
        <StatusBadge status={d.status} lostReason={d.lostReason} />
      </td>
      <td className={cx('hidden whitespace-nowrap text-slate-500 xl:table-cell', 'lg:px-3 lg:py-2.5')}>{formatDate(dateInZone(d.createdAt, timeZone))}</td>
    </tr>
  );
}

function StatusBadge({ status, lostReason }: { status: string; lostReason: string | null }) {
  const tone = status === 'won' ? 'bg-emerald-50 text-emerald-700' : status === 'lost' ? 'bg-red-50 text-red-700' : 'bg-slate-100 text-slate-600';
  const label = status === 'won' ? 'Won' : status === 'lost' ? `Lost${lostReason ? `: ${lostReason}` : ''}` : 'Open';
  return <span className={cx('inline-block max-w-full truncate rounded px-1.5 py-0.5 align-middle text-xs font-medium', tone)}>{label}</span>;
}
