import { z } from 'zod';
import { SNOOZE_TARGETS, TASK_GROUP_KEYS, type TaskGroupKey } from './grouping';

const taskId = z.coerce.number().int().positive();

export const completeTaskSchema = z.object({ taskId });
export const snoozeTaskSchema = z.object({ taskId, until: z.enum(SNOOZE_TARGETS, { message: 'Choose when to snooze it to' }) });
export const reassignTaskSchema = z.object({ taskId, ownerId: z.coerce.number({ message: 'Choose a person' }).int().positive('Choose a person') });

/** Each group shows this many tasks, and "Show more" raises one group to MORE_LIMIT. */
export const GROUP_LIMIT = 100;
export const MORE_LIMIT = 1000;

export type TaskListParams = { owner: 'me' | 'all' | number; more: TaskGroupKey | null; showDone: boolean };

type Params = Record<string, string | string[] | undefined>;
const first = (params: Params, key: string) => {
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
};

// URL parameters are user input: anything unreadable falls back to its default.
const paramsSchema = z.object({
  owner: z.union([z.enum(['me', 'all']), z.coerce.number().int().positive()]).catch('me'),
  more: z.enum(TASK_GROUP_KEYS).nullable().catch(null),
  done: z.literal('1').nullable().catch(null),
});

export function parseTaskListParams(params: Params): TaskListParams {
  const raw = paramsSchema.parse({ owner: first(params, 'owner') ?? 'me', more: first(params, 'more') ?? null, done: first(params, 'done') ?? null });
  return { owner: raw.owner, more: raw.more, showDone: raw.done === '1' };
}

export function taskListHref(p: TaskListParams, change: Partial<TaskListParams> = {}): string {
  const next = { ...p, ...change };
  const q = new URLSearchParams();
  if (next.owner !== 'me') q.set('owner', String(next.owner));
  if (next.more) q.set('more', next.more);
  if (next.showDone) q.set('done', '1');
  return `/tasks${q.size ? `?${q}` : ''}`;
}
