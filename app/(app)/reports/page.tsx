import type { Metadata } from 'next';
import { SimpleBarChart } from '@/components/charts/bar-chart';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listPipelinesWithStages } from '@/db/queries/pipelines';
import { getReportTable, getSalesCycle, type ReportQuery } from '@/db/queries/reports';
import { getWorkspace } from '@/db/queries/workspace';
import { requireRole } from '@/lib/auth/session';
import { nowMs, todayIso } from '@/lib/dates';
import { formatMonth } from '@/lib/forecast/rows';
import { formatMoney } from '@/lib/money';
import { pickPipeline } from '@/lib/reports/filters';
import { parseReportPeriod, periodInstants } from '@/lib/reports/period';
import { type ReportTableKey } from '@/lib/reports/tables';
import { PeriodPicker } from './_components/period-picker';
import { ReportCard } from './_components/report-table';

export const metadata: Metadata = { title: 'Reports' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ReportsPage({ searchParams }: Props) {
  await requireRole('admin', 'manager');
  const params = await searchParams;
  const db = getDb();
  const ws = getWorkspace(db);
  const pipelines = listPipelinesWithStages(db);
  const pipelineId = pickPipeline(params, pipelines.map((p) => p.id));
  const period = parseReportPeriod(params, todayIso(ws.timezone), ws.fiscalYearStartMonth);
  const q: ReportQuery = { ...periodInstants(period, ws.timezone), from: period.from, to: period.to, timeZone: ws.timezone, pipelineId: pipelineId ?? 0, now: nowMs() };
  const table = (key: ReportTableKey) => getReportTable(db, key, q);
  const money = (c: number) => formatMoney(c, ws.currency, { whole: true });
  const csvParams = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
  const csv = (key: ReportTableKey) => `/reports/export.csv?${new URLSearchParams({ ...Object.fromEntries(csvParams), table: key })}`;
  const cycle = getSalesCycle(db, q);
  const funnel = table('funnel');
  const created = table('created-vs-won');
  const leadFunnel = table('lead-funnel');

  return (
    <>
      <PageHeader title="Reports" description={`${period.label} (${period.from} to ${period.to}). Win rates count deals closed in the period; the funnel follows deals created in it.`} />
      <PeriodPicker from={period.from} to={period.to} pipelines={pipelines.map((p) => ({ id: p.id, name: p.name }))} />
      <div className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Card className="p-4">
          <div className="text-xs font-medium text-slate-500">Average sales cycle</div>
          <div className="mt-1 text-xl font-semibold text-slate-900" data-testid="sales-cycle">
            {cycle.avgDays === null ? '—' : `${cycle.avgDays} days`}
          </div>
          <div className="text-xs text-slate-500">Created to won, {cycle.wonDeals} deals won</div>
        </Card>
      </div>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <ReportCard
          table="funnel"
          rows={funnel}
          csvHref={csv('funnel')}
          money={money}
          note="Share of deals created in the period that reached each stage (from stage history)."
          chart={<SimpleBarChart data={funnel} xKey="name" series={[{ key: 'reached', name: 'Deals', color: '#2f6fed' }]} label="Conversion funnel" layout="vertical" />}
        />
        <ReportCard
          table="created-vs-won"
          rows={created}
          csvHref={csv('created-vs-won')}
          money={money}
          chart={
            <SimpleBarChart
              data={created.map((r) => ({ ...r, month: formatMonth(String(r.month)) }))}
              xKey="month"
              series={[
                { key: 'created', name: 'Created', color: '#94a3b8' },
                { key: 'won', name: 'Won', color: '#10b981' },
              ]}
              label="Deals created and won per month"
            />
          }
        />
        <ReportCard table="win-rate-by-rep" rows={table('win-rate-by-rep')} csvHref={csv('win-rate-by-rep')} money={money} />
        <ReportCard table="win-rate-by-source" rows={table('win-rate-by-source')} csvHref={csv('win-rate-by-source')} money={money} />
        <ReportCard table="time-in-stage" rows={table('time-in-stage')} csvHref={csv('time-in-stage')} money={money} note="Where deals get stuck: stays that began in the period, until they left the stage, closed, or today." />
        <ReportCard table="lost-reasons" rows={table('lost-reasons')} csvHref={csv('lost-reasons')} money={money} />
        <div className="xl:col-span-2">
          <ReportCard table="leaderboard" rows={table('leaderboard')} csvHref={csv('leaderboard')} money={money} note="Won value and win rate in the period; open weighted pipeline as of now; activities logged in the period." />
        </div>
      </div>

      <section aria-labelledby="lead-reports" className="mt-10">
        <h2 id="lead-reports" className="text-lg font-semibold text-slate-900">
          Leads
        </h2>
        <p className="mb-4 text-sm text-slate-500">Leads created in the period, in every pipeline, spam left out.</p>
        <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
          <div className="xl:col-span-2">
            <ReportCard
              table="leads-by-source"
              rows={table('leads-by-source')}
              csvHref={csv('leads-by-source')}
              money={money}
              note="Of each source's leads: how many were ever qualified, converted into a deal, and into a deal won since; won value of those deals."
            />
          </div>
          <ReportCard
            table="lead-funnel"
            rows={leadFunnel}
            csvHref={csv('lead-funnel')}
            money={money}
            note="Where the period's leads stand now."
            chart={leadFunnel.length ? <SimpleBarChart data={leadFunnel} xKey="name" series={[{ key: 'leads', name: 'Leads', color: '#f97316' }]} label="Leads by status" layout="vertical" /> : undefined}
          />
          <ReportCard
            table="lead-first-contact"
            rows={table('lead-first-contact')}
            csvHref={csv('lead-first-contact')}
            money={money}
            note="From a lead's arrival to its owner's first call, email or meeting (or its move out of New), per owner; the CSV gives hours."
          />
        </div>
      </section>
    </>
  );
}
