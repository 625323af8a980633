import type { Metadata } from 'next';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db';
import { getTaskOwnerName, listCompletedToday, listTaskGroups, type TaskScope } from '@/db/queries/tasks';
import { workspaceToday } from '@/db/queries/workspace';
import { listActiveUsers } from '@/db/queries/users';
import { seesEveryone } from '@/lib/auth/roles';
import { requireUser } from '@/lib/auth/session';
import { nowMs } from '@/lib/dates';
import { GROUP_LIMIT, MORE_LIMIT, parseTaskListParams, taskListHref } from '@/lib/tasks/schemas';
import { CompletedList } from './_components/completed-list';
import { OwnerFilter } from './_components/owner-filter';
import { TaskGroupSection } from './_components/task-group';

export const metadata: Metadata = { title: 'Tasks' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TasksPage({ searchParams }: Props) {
  const me = await requireUser();
  const db = getDb();
  const manager = seesEveryone(me.role);
  const parsed = parseTaskListParams(await searchParams);
  // A rep only ever sees their own tasks, whatever the URL says.
  const params = { ...parsed, owner: manager ? (parsed.owner === 'me' ? me.id : parsed.owner) : me.id };
  const scope: TaskScope = params.owner === 'all' ? 'all' : { ownerId: params.owner as number };
  const mine = scope !== 'all' && scope.ownerId === me.id;
  const now = nowMs();
  const { today, timeZone } = workspaceToday(db, now);

  const { groups, totalOpen } = listTaskGroups(db, { scope, today, limit: GROUP_LIMIT, more: parsed.more ? { key: parsed.more, limit: MORE_LIMIT } : null, viewer: me });
  const completed = parsed.showDone ? listCompletedToday(db, { scope, now, timeZone, viewer: me }) : null;
  const owners = manager ? listActiveUsers(db) : [];
  const overdue = groups.find((g) => g.key === 'overdue')?.total ?? 0;
  const whose = scope === 'all' ? 'Everyone’s' : mine ? 'Your' : `${getTaskOwnerName(db, scope.ownerId) ?? 'This user'}’s`;
  const linkParams = { ...parsed, owner: manager ? parsed.owner : ('me' as const) };

  return (
    <>
      <PageHeader
        title="Tasks"
        description={
          totalOpen === 0
            ? `${whose} open tasks.`
            : `${whose} open tasks: ${totalOpen.toLocaleString('en-US')}${overdue ? `, ${overdue.toLocaleString('en-US')} overdue` : ''}.`
        }
        actions={
          <div className="flex flex-wrap items-end gap-2">
            {manager ? <OwnerFilter params={linkParams} users={owners} meId={me.id} /> : null}
            <Link href={taskListHref(linkParams, { showDone: !parsed.showDone })} className={buttonClass('secondary')} scroll={false}>
              {parsed.showDone ? 'Hide completed today' : 'Show completed today'}
            </Link>
          </div>
        }
      />
      {totalOpen === 0 ? (
        <Card className="p-10 text-center" data-testid="tasks-empty">
          <p className="font-medium text-slate-900">Nothing to do.</p>
          <p className="mt-1 text-sm text-slate-500">Tasks you schedule from a deal or contact show up here.</p>
        </Card>
      ) : (
        <div className="space-y-6">
          {groups.map((group) =>
            // Today always shows, so there is a place that says nothing is due today.
            group.total > 0 || group.key === 'today' ? (
              <TaskGroupSection
                key={group.key}
                group={group}
                today={today}
                showOwner={!mine}
                owners={owners}
                moreHref={parsed.more === group.key ? null : taskListHref(linkParams, { more: group.key })}
              />
            ) : null,
          )}
        </div>
      )}
      {completed ? <CompletedList rows={completed} showOwner={!mine} timeZone={timeZone} /> : null}
    </>
  );
}
