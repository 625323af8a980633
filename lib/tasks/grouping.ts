import { addDays, daysBetween, endOfWeek, formatDate } from '@/lib/dates';

// Open tasks are shown in five groups, judged against "today" in the workspace time zone. The caller
// computes today with dateInZone(now, timezone); everything here is date-only text, so no time zone
// can shift a due date.

export const TASK_GROUP_KEYS = ['overdue', 'today', 'week', 'later', 'none'] as const;
export type TaskGroupKey = (typeof TASK_GROUP_KEYS)[number];

export const TASK_GROUP_LABELS: Record<TaskGroupKey, string> = {
  overdue: 'Overdue',
  today: 'Today',
  week: 'This week',
  later: 'Later',
  none: 'No due date',
};

/**
 * The due-date bounds of each group for SQL (`due_date` compared as text). "This week" runs from
 * tomorrow to the Sunday ending the Monday-start week that holds today, so it is empty on a Sunday.
 */
export function taskGroupBounds(today: string): { today: string; weekEnd: string } {
  return { today, weekEnd: endOfWeek(today) };
}

export function taskGroupOf(dueDate: string | null, today: string): TaskGroupKey {
  if (!dueDate) return 'none';
  if (dueDate < today) return 'overdue';
  if (dueDate === today) return 'today';
  return dueDate <= endOfWeek(today) ? 'week' : 'later';
}

/** Buckets tasks into the five groups, keeping their order within each group. */
export function groupTasks<T extends { dueDate: string | null }>(tasks: readonly T[], today: string): Record<TaskGroupKey, T[]> {
  const groups: Record<TaskGroupKey, T[]> = { overdue: [], today: [], week: [], later: [], none: [] };
  for (const task of tasks) groups[taskGroupOf(task.dueDate, today)].push(task);
  return groups;
}

export const SNOOZE_TARGETS = ['tomorrow', 'next-week'] as const;
export type SnoozeTarget = (typeof SNOOZE_TARGETS)[number];

/** The new due date of a snoozed task: tomorrow, or the Monday of next week. */
export function snoozeDate(target: SnoozeTarget, today: string): string {
  return target === 'tomorrow' ? addDays(today, 1) : addDays(endOfWeek(today), 1);
}

/** How a due date reads in a task row, relative to today. */
export function dueLabel(dueDate: string | null, today: string): { text: string; tone: 'overdue' | 'today' | 'normal' } {
  if (!dueDate) return { text: 'No due date', tone: 'normal' };
  const days = daysBetween(today, dueDate);
  if (days === 0) return { text: 'Due today', tone: 'today' };
  if (days === 1) return { text: 'Due tomorrow', tone: 'normal' };
  if (days === -1) return { text: 'Due yesterday', tone: 'overdue' };
  const on = formatDate(dueDate);
  return days < 0 ? { text: `Due ${on} · ${-days} days overdue`, tone: 'overdue' } : { text: `Due ${on}`, tone: 'normal' };
}
