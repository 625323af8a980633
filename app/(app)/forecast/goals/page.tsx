import type { Metadata } from 'next';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { listGoals } from '@/db/queries/forecast';
import { listActiveUsers } from '@/db/queries/users';
import { getWorkspace } from '@/db/queries/workspace';
import { requireRole } from '@/lib/auth/session';
import { todayIso } from '@/lib/dates';
import { monthRange } from '@/lib/forecast/periods';
import { formatMonth } from '@/lib/forecast/rows';
import { centsToDecimal } from '@/lib/money';
import { GoalsForm } from './goals-form';

export const metadata: Metadata = { title: 'Goals' };

export default async function GoalsPage() {
  await requireRole('admin', 'manager');
  const db = getDb();
  const ws = getWorkspace(db);
  const months = monthRange(todayIso(ws.timezone).slice(0, 7), 6);
  const people = listActiveUsers(db).filter((u) => u.role !== 'admin');
  const values = Object.fromEntries(listGoals(db, months).map((g) => [`goal:${g.userId}:${g.month}`, centsToDecimal(g.amountCents)]));
  return (
    <>
      <PageHeader title="Monthly goals" description={`Won value each rep should close per month, in ${ws.currency}. The team's goal is the sum. Leave a field empty for no goal.`} />
      <GoalsForm months={months.map((m) => ({ value: m, label: formatMonth(m) }))} people={people.map((p) => ({ id: p.id, name: p.name }))} values={values} />
    </>
  );
}
