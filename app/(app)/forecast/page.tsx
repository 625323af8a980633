import type { Metadata } from 'next';
import Link from 'next/link';
import { ForecastChart } from '@/components/charts/forecast-chart';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getForecast, getRepForecast } from '@/db/queries/forecast';
import { listPipelinesWithStages } from '@/db/queries/pipelines';
import { listActiveUsers } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { todayIso } from '@/lib/dates';
import { forecastParams, parseForecastFilters } from '@/lib/forecast/filters';
import { PRESETS } from '@/lib/forecast/periods';
import { formatMonth, totalRow } from '@/lib/forecast/rows';
import { divRound, formatMoney } from '@/lib/money';
import { ForecastFilters } from './_components/forecast-filters';

export const metadata: Metadata = { title: 'Forecast' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const pct = (bp: number | null) => (bp === null ? '—' : `${(bp / 100).toFixed(0)}%`);

export default async function ForecastPage({ searchParams }: Props) {
  const user = await requireUser();
  const db = getDb();
  const ws = getWorkspace(db);
  const today = todayIso(ws.timezone);
  const filters = parseForecastFilters(await searchParams, user, today.slice(0, 7), ws.fiscalYearStartMonth);
  const query = { months: filters.months, today, timeZone: ws.timezone, pipelineId: filters.pipelineId, ownerId: filters.ownerId, viewer: user };
  const { rows, undated } = getForecast(db, query);
  const total = totalRow(rows);
  const manager = seesEveryone(user.role);
  const reps = manager && filters.ownerId === null ? getRepForecast(db, query) : null;
  const users = listActiveUsers(db);
  const who = filters.ownerId === null ? 'the whole team' : filters.ownerId === user.id ? 'you' : (users.find((u) => u.id === filters.ownerId)?.name ?? 'this person');
  const params = forecastParams(filters, user.id, user.role);
  const current = rows.find((r) => r.month === today.slice(0, 7));
  const money = (c: number) => formatMoney(c, ws.currency, { whole: true });

  return (
    <>
      <PageHeader
        title="Forecast"
        description={`${PRESETS.find((p) => p.value === filters.preset)?.label} for ${who}: weighted pipeline (value × probability) by expected close month, beside what was won.`}
        actions={
          <>
            {manager ? (
              <Link href="/forecast/goals" className={buttonClass('secondary')}>
                Set goals
              </Link>
            ) : null}
            <a href={`/forecast/export.csv${params.size ? `?${params}` : ''}`} className={buttonClass('secondary')}>
              Download CSV
            </a>
          </>
        }
      />
      <ForecastFilters pipelines={listPipelinesWithStages(db).map((p) => ({ id: p.id, name: p.name }))} users={manager ? users : null} />

      <div className="mb-4 grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[
          ['Weighted pipeline', money(total.weightedCents), `${total.openDeals} open deals worth ${money(total.openCents)}`],
          ['Won', money(total.wonCents), `${total.wonDeals} deals`],
          ['Goal', total.goalCents === null ? 'Not set' : money(total.goalCents), manager ? 'Managers set goals per rep' : 'Set by your manager'],
          ['Attainment', pct(total.attainmentBp), total.goalCents ? `Won ÷ goal; with weighted pipeline ${pct(divRound((total.wonCents + total.weightedCents) * 10_000, total.goalCents))}` : 'Needs a goal'],
        ].map(([label, value, sub]) => (
          <Card key={label} className="p-4">
            <div className="text-xs font-medium text-slate-500">{label}</div>
            <div className="mt-1 text-xl font-semibold tabular-nums text-slate-900">{value}</div>
            <div className="mt-0.5 text-xs text-slate-500">{sub}</div>
          </Card>
        ))}
      </div>

      {current && current.overdueDeals > 0 ? (
        <p className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200" data-testid="overdue-note">
          {formatMonth(current.month)} includes {current.overdueDeals} open {current.overdueDeals === 1 ? 'deal' : 'deals'} whose close date has passed ({money(current.overdueWeightedCents)} of its {money(current.weightedCents)} weighted). Update their dates or close them.
        </p>
      ) : null}

      <Card className="mb-6 p-4">
        <ForecastChart data={rows.map((r) => ({ label: formatMonth(r.month), weighted: r.weightedCents / 100, won: r.wonCents / 100, goal: r.goalCents === null ? null : r.goalCents / 100 }))} currency={ws.currency} />
      </Card>

      <Card className="overflow-x-auto">
        <table className="w-full min-w-[40rem] text-sm">
          <caption className="sr-only">Forecast by month</caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
            <tr>
              {['Month', 'Open deals', 'Open value', 'Weighted', 'Won deals', 'Won value', 'Goal', 'Attainment'].map((h, i) => (
                <th key={h} scope="col" className={`px-4 py-2.5 font-medium ${i === 0 ? 'text-left' : 'text-right'}`}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 tabular-nums">
            {rows.map((r) => (
              <tr key={r.month} data-testid="forecast-row" data-month={r.month} data-weighted-cents={r.weightedCents} data-won-cents={r.wonCents} data-open-cents={r.openCents}>
                <th scope="row" className="px-4 py-2.5 text-left font-medium text-slate-900">
                  {formatMonth(r.month)}
                  {r.overdueDeals ? <span className="ml-2 text-xs font-normal text-amber-700">{r.overdueDeals} overdue</span> : null}
                </th>
                <td className="px-4 py-2.5 text-right">{r.openDeals}</td>
                <td className="px-4 py-2.5 text-right">{money(r.openCents)}</td>
                <td className="px-4 py-2.5 text-right font-medium text-slate-900">{money(r.weightedCents)}</td>
                <td className="px-4 py-2.5 text-right">{r.wonDeals}</td>
                <td className="px-4 py-2.5 text-right text-emerald-700">{money(r.wonCents)}</td>
                <td className="px-4 py-2.5 text-right">{r.goalCents === null ? '—' : money(r.goalCents)}</td>
                <td className="px-4 py-2.5 text-right">{pct(r.attainmentBp)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-200 bg-slate-50 font-medium tabular-nums">
            <tr>
              <th scope="row" className="px-4 py-2.5 text-left">Total</th>
              <td className="px-4 py-2.5 text-right">{total.openDeals}</td>
              <td className="px-4 py-2.5 text-right">{money(total.openCents)}</td>
              <td className="px-4 py-2.5 text-right">{money(total.weightedCents)}</td>
              <td className="px-4 py-2.5 text-right">{total.wonDeals}</td>
              <td className="px-4 py-2.5 text-right">{money(total.wonCents)}</td>
              <td className="px-4 py-2.5 text-right">{total.goalCents === null ? '—' : money(total.goalCents)}</td>
              <td className="px-4 py-2.5 text-right">{pct(total.attainmentBp)}</td>
            </tr>
          </tfoot>
        </table>
      </Card>
      {undated ? <p className="mt-2 text-xs text-slate-500">{undated} open deals have no expected close date and are not in this forecast.</p> : null}

      {reps ? (
        <section className="mt-8" aria-labelledby="reps-title">
          <h2 id="reps-title" className="mb-2 text-base font-semibold text-slate-900">
            By rep
          </h2>
          <Card className="overflow-x-auto">
            <table className="w-full min-w-[32rem] text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500">
                <tr>
                  {['Rep', 'Weighted pipeline', 'Won', 'Goal', 'Attainment'].map((h, i) => (
                    <th key={h} scope="col" className={`px-4 py-2.5 font-medium ${i === 0 ? 'text-left' : 'text-right'}`}>
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 tabular-nums">
                {reps.map((r) => (
                  <tr key={r.userId} data-testid="forecast-rep-row">
                    <th scope="row" className="px-4 py-2.5 text-left font-medium">
                      <Link href={`/forecast?${new URLSearchParams({ ...Object.fromEntries(params), owner: String(r.userId) })}`} className="hover:underline">
                        {r.name}
                      </Link>
                    </th>
                    <td className="px-4 py-2.5 text-right">{money(r.weightedCents)}</td>
                    <td className="px-4 py-2.5 text-right">{money(r.wonCents)}</td>
                    <td className="px-4 py-2.5 text-right">{r.goalCents === null ? '—' : money(r.goalCents)}</td>
                    <td className="px-4 py-2.5 text-right">{r.goalCents ? pct(divRound(r.wonCents * 10_000, r.goalCents)) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
        </section>
      ) : null}
    </>
  );
}
