import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { cx } from '@/components/ui/cx';
import type { TaskGroup } from '@/db/queries/tasks';
import { TASK_GROUP_LABELS } from '@/lib/tasks/grouping';
import { MORE_LIMIT } from '@/lib/tasks/schemas';
import { TaskItem } from './task-item';

type Props = {
  group: TaskGroup;
  today: string;
  showOwner: boolean;
  owners: { id: number; name: string }[];
  /** Where "show more" of this group leads; null when it already shows as many as it can. */
  moreHref: string | null;
};

const fmt = (n: number) => n.toLocaleString('en-US');

export function TaskGroupSection({ group, today, showOwner, owners, moreHref }: Props) {
  const headingId = `tasks-${group.key}`;
  const rest = group.total - group.rows.length;
  return (
    <section aria-labelledby={headingId} data-testid="task-group" data-group={group.key}>
      <h2 id={headingId} className="mb-2 flex items-center gap-2 text-sm font-semibold text-slate-700">
        {TASK_GROUP_LABELS[group.key]}
        <span
          data-testid="task-group-count"
          className={cx(
            'rounded-full px-2 py-0.5 text-xs font-medium tabular-nums',
            group.key === 'overdue' ? 'bg-red-50 text-red-700 ring-1 ring-red-200' : 'bg-slate-100 text-slate-600',
          )}
        >
          {fmt(group.total)}
        </span>
      </h2>
      <Card className="overflow-hidden">
        {group.rows.length === 0 ? (
          <p className="px-5 py-4 text-sm text-slate-500">Nothing due today.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label={`${TASK_GROUP_LABELS[group.key]} tasks`}>
            {group.rows.map((task) => (
              <TaskItem key={task.id} task={task} today={today} showOwner={showOwner} owners={owners} />
            ))}
          </ul>
        )}
        {rest > 0 ? (
          <p className="border-t border-slate-100 bg-slate-50 px-5 py-3 text-sm text-slate-600">
            Showing {fmt(group.rows.length)} of {fmt(group.total)}.{' '}
            {moreHref ? (
              <Link href={moreHref} scroll={false} className="font-medium text-brand-700 hover:underline">
                Show up to {fmt(MORE_LIMIT)}
              </Link>
            ) : (
              'Complete or snooze some to see the rest.'
            )}
          </p>
        ) : null}
      </Card>
    </section>
  );
}
