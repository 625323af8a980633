import type { Metadata } from 'next';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { countOpenTasks, getPipelineSummary } from '@/db/queries/dashboard';
import { getWorkspace } from '@/db/queries/workspace';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { isoDateToMs, todayIso } from '@/lib/dates';
import { formatMoney } from '@/lib/money';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage() {
  const user = await requireUser();
  const db = getDb();
  const { currency } = getWorkspace(db);
  const today = todayIso();
  const everyone = seesEveryone(user.role);
  const summary = getPipelineSummary(db, everyone ? null : user.id, isoDateToMs(`${today.slice(0, 7)}-01`));
  const tasks = countOpenTasks(db, user.id, today);
  const firstName = user.name.split(' ')[0];

  const tiles = [
    { label: everyone ? 'Open pipeline (team)' : 'My open pipeline', value: formatMoney(summary.openCents, currency), sub: `${summary.openDeals} open deals` },
    { label: 'Weighted pipeline', value: formatMoney(summary.weightedCents, currency), sub: 'Value × probability' },
    { label: 'Won this month', value: formatMoney(summary.wonThisMonthCents, currency), sub: `${summary.wonThisMonth} deals won` },
    { label: 'My open tasks', value: String(tasks.open), sub: tasks.overdue ? `${tasks.overdue} overdue` : 'Nothing overdue', alert: tasks.overdue > 0 },
  ];

  return (
    <>
      <PageHeader title={`Good to see you, ${firstName}`} description={everyone ? 'How the whole team is doing today.' : 'Where your deals stand today.'} />
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-4">
        {tiles.map((t) => (
          <Card key={t.label} className="p-5">
            <div className="text-sm font-medium text-slate-500">{t.label}</div>
            <div className="mt-2 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">{t.value}</div>
            <div className={t.alert ? 'mt-1 text-sm font-medium text-red-600' : 'mt-1 text-sm text-slate-500'}>{t.sub}</div>
          </Card>
        ))}
      </div>
    </>
  );
}
