import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listDealsClosing, listHotLeads, listNewLeads, listOverdueTasks, listRottingDeals, type DashboardDeal } from '@/db/queries/dashboard';
import { getForecast } from '@/db/queries/forecast';
import { getWorkspace } from '@/db/queries/workspace';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { endOfWeek, formatDate, nowMs, todayIso } from '@/lib/dates';
import { fiscalQuarterStart, monthRange } from '@/lib/forecast/periods';
import { totalRow } from '@/lib/forecast/rows';
import { formatBp } from '@/lib/reports/formulas';
import { divRound, formatMoney } from '@/lib/money';
import { LeadPanels } from './_components/lead-panels';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requireUser();
  const db = getDb();
  const ws = getWorkspace(db);
  const today = todayIso(ws.timezone);
  const team = seesEveryone(user.role);
  const ownerId = team ? null : user.id;
  const month = today.slice(0, 7);
  const quarter = monthRange(fiscalQuarterStart(month, ws.fiscalYearStartMonth), 3);
  const { rows } = getForecast(db, { months: quarter, today, timeZone: ws.timezone, pipelineId: null, ownerId, viewer: user });
  const thisMonth = rows.find((r) => r.month === month)!;
  const q = totalRow(rows);
  const overdue = listOverdueTasks(db, user, today);
  const closing = listDealsClosing(db, user, ownerId, today, endOfWeek(today));
  const rotting = listRottingDeals(db, user, ownerId, nowMs());
  const newLeads = listNewLeads(db, user, ownerId);
  const hotLeads = listHotLeads(db, user, ownerId, ws.leadHotThreshold);
  const money = (c: number) => formatMoney(c, ws.currency, { whole: true });
  const firstName = user.name.split(' ')[0];

  const goalTile = (label: string, weighted: number, won: number, goal: number | null, testId: string) => (
    <Card className="p-5" data-testid={testId}>
      <div className="text-sm font-medium text-slate-500">{label}</div>
      <div className="mt-2 text-2xl font-semibold tabular-nums tracking-tight text-slate-900">{money(weighted)}</div>
      <div className="text-xs text-slate-500">weighted pipeline · {money(won)} won</div>
      {goal ? (
        <>
          <div className="mt-3 h-2 overflow-hidden rounded-full bg-slate-100" aria-hidden="true">
            <div className="h-full bg-emerald-500" style={{ width: `${Math.min(100, (won / goal) * 100)}%` }} />
          </div>
          <div className="mt-1 text-xs text-slate-600">
            {formatBp(divRound(won * 10_000, goal))} of the {money(goal)} goal won; with weighted pipeline {formatBp(divRound((won + weighted) * 10_000, goal))}
          </div>
        </>
      ) : (
        <div className="mt-3 text-xs text-slate-400">No goal set{team ? ' — set one under Forecast' : ''}</div>
      )}
    </Card>
  );

  return (
    <>
      <PageHeader title={`Good to see you, ${firstName}`} description={team ? 'How the whole team is doing.' : 'Where your deals stand today.'} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {goalTile(team ? 'Team, this month' : 'This month', thisMonth.weightedCents, thisMonth.wonCents, thisMonth.goalCents, 'dash-month')}
        {goalTile(team ? 'Team, this quarter' : 'This quarter', q.weightedCents, q.wonCents, q.goalCents, 'dash-quarter')}
        <Card className="p-5">
          <div className="text-sm font-medium text-slate-500">My overdue tasks</div>
          <div className={cx('mt-2 text-2xl font-semibold tabular-nums', overdue.total ? 'text-red-600' : 'text-slate-900')} data-testid="dash-overdue">
            {overdue.total}
          </div>
          <div className="text-xs text-slate-500">{overdue.total ? 'Clear these first.' : 'Nothing overdue.'}</div>
        </Card>
        <Card className="p-5">
          <div className="text-sm font-medium text-slate-500">{team ? 'Team deals closing this week' : 'Closing this week'}</div>
          <div className="mt-2 text-2xl font-semibold tabular-nums text-slate-900">{closing.total}</div>
          <div className="text-xs text-slate-500">worth {money(closing.totalCents)}</div>
        </Card>
      </div>

      {/* grid-cols-1 is minmax(0, 1fr): a long deal title truncates instead of widening the column past a phone. */}
      <div className="mt-6 grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Panel title="Overdue tasks" empty="No overdue tasks. Nice." count={overdue.total} href="/tasks">
          {overdue.tasks.map((t) => (
            <li key={t.id} className="flex items-start justify-between gap-3 py-2 text-sm">
              <div className="min-w-0">
                <div className="truncate font-medium text-slate-800">{t.subject}</div>
                {t.dealId ? (
                  <Link href={`/deals/${t.dealId}`} className="block truncate text-xs text-brand-700 hover:underline">
                    {t.dealTitle}
                  </Link>
                ) : t.contactId ? (
                  <Link href={`/contacts/${t.contactId}`} className="block truncate text-xs text-brand-700 hover:underline">
                    {t.contactName}
                  </Link>
                ) : null}
              </div>
              <span className="shrink-0 text-xs font-medium text-red-600">{formatDate(t.dueDate)}</span>
            </li>
          ))}
        </Panel>
        <Panel title="Closing this week" empty="No deals are expected to close this week." count={closing.total} href="/deals/list">
          {closing.deals.map((d) => (
            <DealLine key={d.id} deal={d} right={d.expectedCloseDate ? formatDate(d.expectedCloseDate) : ''} money={money} showOwner={team} />
          ))}
        </Panel>
        <Panel title="Rotting deals" empty="Every open deal has been touched recently." count={rotting.total} href="/deals">
          {rotting.deals.map((d) => (
            <DealLine key={d.id} deal={d} right={`${d.idleDays} d idle`} money={money} showOwner={team} tone="amber" />
          ))}
        </Panel>
      </div>
      <LeadPanels fresh={newLeads} hot={hotLeads} threshold={ws.leadHotThreshold} team={team} timeZone={ws.timezone} />
    </>
  );
}

function Panel({ title, empty, count, href, children }: { title: string; empty: string; count: number; href: string; children: React.ReactNode }) {
  return (
    <Card className="p-4">
      <div className="mb-1 flex items-center justify-between">
        <h2 className="text-sm font-semibold text-slate-900">
          {title} <span className="font-normal text-slate-500">({count})</span>
        </h2>
        <Link href={href} className="text-xs font-medium text-brand-700 hover:underline">
          See all
        </Link>
      </div>
      {count === 0 ? <p className="py-4 text-sm text-slate-500">{empty}</p> : <ul className="divide-y divide-slate-100">{children}</ul>}
    </Card>
  );
}

function DealLine({ deal, right, money, showOwner, tone }: { deal: DashboardDeal; right: string; money: (c: number) => string; showOwner: boolean; tone?: 'amber' }) {
  return (
    <li className="flex items-start justify-between gap-3 py-2 text-sm">
      <div className="min-w-0">
        <Link href={`/deals/${deal.id}`} className="block truncate font-medium text-slate-800 hover:text-brand-700 hover:underline">
          {deal.title}
        </Link>
        <div className="truncate text-xs text-slate-500">
          {money(deal.valueCents)} · {deal.stageName}
          {showOwner && deal.ownerName ? ` · ${deal.ownerName}` : ''}
        </div>
      </div>
      <span className={cx('shrink-0 text-xs font-medium', tone === 'amber' ? 'text-amber-700' : 'text-slate-600')}>{right}</span>
    </li>
  );
}
