import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import type { OpenTask, RelatedDeal } from '@/db/queries/contacts';
import { formatDate } from '@/lib/dates';
import { formatMoney } from '@/lib/money';

export function RelatedDeals({ deals, currency, newDealHref }: { deals: RelatedDeal[]; currency: string; newDealHref: string }) {
  const open = deals.filter((d) => d.status === 'open');
  const closed = deals.filter((d) => d.status !== 'open');
  return (
    <Card className="p-4">
      <div className="mb-2 flex items-center justify-between">
        <h2 className="text-sm font-semibold text-slate-900">Deals</h2>
        <Link href={newDealHref} className="text-xs font-medium text-brand-700 hover:underline">
          New deal
        </Link>
      </div>
      {deals.length === 0 ? <p className="text-sm text-slate-500">No deals yet.</p> : null}
      {[
        ['Open', open],
        ['Closed', closed],
      ].map(([label, list]) =>
        (list as RelatedDeal[]).length ? (
          <div key={label as string} className="mt-2">
            <h3 className="text-xs font-medium text-slate-500">{label as string}</h3>
            <ul className="mt-1 divide-y divide-slate-100">
              {(list as RelatedDeal[]).map((d) => (
                <li key={d.id} className="flex items-center justify-between gap-2 py-1.5 text-sm" data-testid="related-deal">
                  <Link href={`/deals/${d.id}`} className="min-w-0 truncate text-slate-800 hover:text-brand-700 hover:underline">
                    {d.title}
                  </Link>
                  <span className="flex shrink-0 items-center gap-2">
                    <span className="tabular-nums text-slate-700">{formatMoney(d.valueCents, currency, { whole: true })}</span>
                    <span
                      className={cx(
                        'rounded px-1.5 py-0.5 text-[11px] font-medium',
                        d.status === 'won' ? 'bg-emerald-50 text-emerald-700' : d.status === 'lost' ? 'bg-red-50 text-red-700' : 'bg-slate-100 text-slate-600',
                      )}
                    >
                      {d.status === 'open' ? d.stageName : d.status === 'won' ? 'Won' : 'Lost'}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
    </Card>
  );
}

export function RelatedTasks({ tasks, today }: { tasks: OpenTask[]; today: string }) {
  return (
    <Card className="p-4">
      <h2 className="mb-2 text-sm font-semibold text-slate-900">Open tasks</h2>
      {tasks.length === 0 ? <p className="text-sm text-slate-500">Nothing scheduled. Add a follow-up when you log an activity.</p> : null}
      <ul className="divide-y divide-slate-100">
        {tasks.map((t) => (
          <li key={t.id} className="flex justify-between gap-2 py-1.5 text-sm" data-testid="open-task">
            <span className="min-w-0 truncate text-slate-800">{t.subject}</span>
            <span className={cx('shrink-0 text-xs', t.dueDate && t.dueDate < today ? 'font-medium text-red-600' : 'text-slate-500')}>
              {t.dueDate ? formatDate(t.dueDate) : 'No date'}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
