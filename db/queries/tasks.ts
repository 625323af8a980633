import 'server-only';
import type { Db } from '@/db/client';
import { seesEveryone } from '@/lib/auth/roles';
import { dateInZone } from '@/lib/dates';
import { AppError } from '@/lib/errors';
import { groupTasks, snoozeDate, taskGroupBounds, TASK_GROUP_KEYS, type SnoozeTarget, type TaskGroupKey } from '@/lib/tasks/grouping';
import type { SessionUser } from './users';
import { andScope, canSee, companyScope, contactScope, dealScope, type Viewer } from './visibility';

// Every read here is driven by activities_owner_due_idx (owner_id, done_at, due_date): an owner's
// open tasks are one index range, and each group is a sub-range of due dates. "Everyone" seeks that
// index once per user, with the (few) user ids bound as a list: SQLite plans `owner_id IN (?, ?, …)`
// as index seeks, whereas `IN (select id from users)` would walk the whole index. `indexed by` pins
// the plan: without it SQLite may prefer activities_type_idx, which holds every task of everyone.

/** Whose tasks: one user's, or everyone's (managers and admins only). */
export type TaskScope = { ownerId: number } | 'all';

export type TaskRow = {
  id: number;
  subject: string;
  dueDate: string | null;
  ownerId: number | null;
  ownerName: string | null;
  dealId: number | null;
  dealTitle: string | null;
  contactId: number | null;
  contactName: string | null;
  companyId: number | null;
  companyName: string | null;
};

export type TaskGroup = { key: TaskGroupKey; rows: TaskRow[]; total: number };

type OwnerFilter = { where: string; params: Record<string, number> };

function ownerFilter(db: Db, scope: TaskScope): OwnerFilter {
  if (scope !== 'all') return { where: 'owner_id = @ownerId', params: { ownerId: scope.ownerId } };
  const ids = (db.$client.prepare('select id from users order by id').all() as { id: number }[]).map((u) => u.id);
  const params = Object.fromEntries(ids.map((id, i) => [`owner${i}`, id]));
  return { where: ids.length ? `owner_id in (${ids.map((_, i) => `@owner${i}`).join(', ')})` : '0', params };
}

const GROUP_RANGE: Record<TaskGroupKey, { where: string; order: string }> = {
  overdue: { where: 'due_date < @today', order: 'due_date, id' },
  today: { where: 'due_date = @today', order: 'id' },
  week: { where: 'due_date > @today and due_date <= @weekEnd', order: 'due_date, id' },
  later: { where: 'due_date > @weekEnd', order: 'due_date, id' },
  none: { where: 'due_date is null', order: 'id' },
};

// The page of ids is chosen first from the index; only those rows are joined to their names. A task
// is its owner's, but the deal, contact or company it is about may be out of the viewer's sight
// ("Reps see: only their own"): then the join finds nothing and the row shows no link or name.
function withNames(db: Db, viewer: Viewer | undefined, inner: string, order: string, extra = '') {
  const one = { one: true };
  return `
  select a.id, a.subject, a.due_date as dueDate,${extra} a.owner_id as ownerId, u.name as ownerName,
    d.id as dealId, d.title as dealTitle, c.id as contactId,
    case when c.id is null then null else trim(c.first_name || ' ' || c.last_name) end as contactName,
    co.id as companyId, co.name as companyName
  from (${inner}) page
  join activities a on a.id = page.id
  left join users u on u.id = a.owner_id
  left join deals d on d.id = a.deal_id ${andScope(dealScope(db, viewer, 'd'))}
  left join contacts c on c.id = a.contact_id ${andScope(contactScope(db, viewer, 'c', one))}
  left join companies co on co.id = a.company_id ${andScope(companyScope(db, viewer, 'co', one))}
  order by ${order
    .split(', ')
    .map((term) => `a.${term}`)
    .join(', ')}`;
}

function taskGroupSql(db: Db, viewer: Viewer | undefined, key: TaskGroupKey, owner: string): string {
  const { where, order } = GROUP_RANGE[key];
  return withNames(
    db,
    viewer,
    `select id from activities indexed by activities_owner_due_idx
     where ${owner} and done_at is null and type = 'task' and ${where}
     order by ${order} limit @limit`,
    order,
  );
}

function taskCountSql(owner: string): string {
  return `select
      coalesce(sum(due_date < @today), 0) as overdue,
      coalesce(sum(due_date = @today), 0) as today,
      coalesce(sum(due_date > @today and due_date <= @weekEnd), 0) as week,
      coalesce(sum(due_date > @weekEnd), 0) as later,
      coalesce(sum(due_date is null), 0) as none
    from activities indexed by activities_owner_due_idx where ${owner} and done_at is null and type = 'task'`;
}

/**
 * The open tasks in scope, in five groups with exact counts; each group lists at most `limit` tasks
 * (a larger one for the group in `more`), most overdue first.
 */
export function listTaskGroups(
  db: Db,
  options: { scope: TaskScope; today: string; limit: number; more?: { key: TaskGroupKey; limit: number } | null; viewer?: Viewer },
): { groups: TaskGroup[]; totalOpen: number } {
  const owner = ownerFilter(db, options.scope);
  const bounds = taskGroupBounds(options.today);
  const counts = db.$client.prepare(taskCountSql(owner.where)).get({ ...owner.params, ...bounds }) as Record<TaskGroupKey, number>;
  const rows: TaskRow[] = [];
  for (const key of TASK_GROUP_KEYS) {
    if (counts[key] === 0) continue;
    const limit = options.more?.key === key ? options.more.limit : options.limit;
    rows.push(...(db.$client.prepare(taskGroupSql(db, options.viewer, key, owner.where)).all({ ...owner.params, ...bounds, limit }) as TaskRow[]));
  }
  // The SQL ranges pick the page of each group; the pure grouping decides where each task shows.
  const grouped = groupTasks(rows, options.today);
  const groups = TASK_GROUP_KEYS.map((key) => ({ key, rows: grouped[key], total: counts[key] }));
  return { groups, totalOpen: groups.reduce((n, g) => n + g.total, 0) };
}

export function countOverdueTasks(db: Db, ownerId: number, today: string): number {
  const row = db.$client
    .prepare(`select count(*) as n from activities indexed by activities_owner_due_idx where owner_id = ? and done_at is null and due_date < ? and type = 'task'`)
    .get(ownerId, today) as { n: number };
  return row.n;
}

export type CompletedTaskRow = TaskRow & { doneAt: number };

/** Tasks in scope completed today (in the workspace time zone), latest first. */
export function listCompletedToday(db: Db, options: { scope: TaskScope; now: number; timeZone: string; limit?: number; viewer?: Viewer }): CompletedTaskRow[] {
  const owner = ownerFilter(db, options.scope);
  const today = dateInZone(options.now, options.timeZone);
  // No zone is more than 14 hours from UTC, so today started less than 38 hours ago.
  const since = options.now - 38 * 3_600_000;
  const order = 'done_at desc, id desc';
  const inner = `select id from activities indexed by activities_owner_due_idx where ${owner.where} and done_at >= @since and type = 'task' order by ${order} limit @limit`;
  const sql = withNames(db, options.viewer, inner, order, ' a.done_at as doneAt,');
  const rows = db.$client.prepare(sql).all({ ...owner.params, since, limit: options.limit ?? 200 }) as CompletedTaskRow[];
  return rows.filter((r) => dateInZone(r.doneAt, options.timeZone) === today);
}

type TaskRecord = { id: number; ownerId: number | null; doneAt: number | null; dealId: number | null };

/** The task, if it exists and the actor may change it: reps only their own, managers and admins any. */
function changeableTask(db: Db, taskId: number, actor: SessionUser): TaskRecord {
  const task = db.$client
    .prepare(`select id, owner_id as ownerId, done_at as doneAt, deal_id as dealId from activities where id = ? and type = 'task'`)
    .get(taskId) as TaskRecord | undefined;
  if (!task || !canSee(db, actor, 'activity', taskId)) throw new AppError('This task no longer exists.');
  if (task.ownerId !== actor.id && !seesEveryone(actor.role)) throw new AppError('You can only change your own tasks.');
  return task;
}

/** Marks a task done; a task on a deal counts as a touch, so the deal stops rotting. */
export function completeTask(db: Db, taskId: number, actor: SessionUser, now: number): void {
  db.transaction(() => {
    const task = changeableTask(db, taskId, actor);
    if (task.doneAt !== null) return; // a second click changes nothing
    db.$client.prepare('update activities set done_at = ?, updated_at = ? where id = ?').run(now, now, taskId);
    if (task.dealId) db.$client.prepare('update deals set last_activity_at = ? where id = ?').run(now, task.dealId);
  });
}

/** Moves an open task's due date to tomorrow or to next Monday; returns the new date. */
export function snoozeTask(db: Db, taskId: number, until: SnoozeTarget, actor: SessionUser, today: string): string {
  return db.transaction(() => {
    const task = changeableTask(db, taskId, actor);
    if (task.doneAt !== null) throw new AppError('This task is already done.');
    const due = snoozeDate(until, today);
    db.$client.prepare('update activities set due_date = ?, updated_at = ? where id = ?').run(due, Date.now(), taskId);
    return due;
  });
}

/** Gives an open task to another active user, with a history row; managers and admins only. */
export function reassignTask(db: Db, taskId: number, ownerId: number, actor: SessionUser, now = Date.now()): void {
  if (!seesEveryone(actor.role)) throw new AppError('Only managers and admins can reassign tasks.');
  db.transaction(() => {
    const task = changeableTask(db, taskId, actor);
    if (task.doneAt !== null) throw new AppError('This task is already done.');
    const owner = db.$client.prepare('select id from users where id = ? and active = 1').get(ownerId);
    if (!owner) throw new AppError('Choose an active user.', { ownerId: 'Choose an active user.' });
    if (task.ownerId === ownerId) return; // already theirs: nothing changed, nothing to record
    db.$client.prepare('update activities set owner_id = ?, updated_at = ? where id = ?').run(ownerId, now, taskId);
    db.$client
      .prepare('insert into task_reassignments (task_id, from_user_id, to_user_id, at, user_id) values (?, ?, ?, ?, ?)')
      .run(taskId, task.ownerId, ownerId, now, actor.id);
  });
}

/** The name of a user whose tasks a manager is looking at (active or not). */
export function getTaskOwnerName(db: Db, userId: number): string | null {
  const row = db.$client.prepare('select name from users where id = ?').get(userId) as { name: string } | undefined;
  return row?.name ?? null;
}
