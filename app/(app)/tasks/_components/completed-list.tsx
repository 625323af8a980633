import Link from 'next/link';
import { Card } from '@/components/ui/card';
import type { CompletedTaskRow } from '@/db/queries/tasks';
import { formatTimeOfDay } from '@/lib/dates';

/** Tasks done today, so a finished list still shows what was finished. */
export function CompletedList({ rows, showOwner, timeZone }: { rows: CompletedTaskRow[]; showOwner: boolean; timeZone: string }) {
  return (
    <section aria-labelledby="tasks-completed" className="mt-8" data-testid="task-group" data-group="completed">
      <h2 id="tasks-completed" className="mb-2 text-sm font-semibold text-slate-700">
        Completed today
      </h2>
      <Card className="overflow-hidden">
        {rows.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-500">Nothing completed yet today.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Completed today">
            {rows.map((task) => {
              const href = task.dealId ? `/deals/${task.dealId}` : task.contactId ? `/contacts/${task.contactId}` : task.companyId ? `/companies/${task.companyId}` : null;
              const about = task.dealTitle ?? task.contactName ?? task.companyName;
              return (
                <li key={task.id} data-testid="completed-task-row" className="flex flex-col gap-0.5 px-4 py-3 sm:flex-row sm:items-center sm:gap-4 sm:px-5">
                  <span className="min-w-0 flex-1 text-slate-500 line-through decoration-slate-400 [overflow-wrap:anywhere]">{task.subject}</span>
                  <span className="text-sm text-slate-500">
                    {href && about ? (
                      <Link href={href} className="hover:text-brand-700 hover:underline">
                        {about}
                      </Link>
                    ) : null}
                    {href && about ? ' · ' : null}
                    {showOwner && task.ownerName ? `${task.ownerName} · ` : null}
                    Done {formatTimeOfDay(task.doneAt, timeZone)}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </section>
  );
}
