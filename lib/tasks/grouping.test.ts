import { describe, expect, test } from 'vitest';
import { dateInZone } from '@/lib/dates';
import { dueLabel, groupTasks, snoozeDate, taskGroupBounds, taskGroupOf, type TaskGroupKey } from './grouping';

describe('taskGroupOf', () => {
  test.each<[string, string | null, TaskGroupKey]>([
    // An ordinary Wednesday.
    ['2026-11-25', null, 'none'],
    ['2026-11-25', '2026-11-24', 'overdue'],
    ['2026-11-25', '1999-01-01', 'overdue'],
    ['2026-11-25', '2026-11-25', 'today'],
    ['2026-11-25', '2026-11-26', 'week'],
    ['2026-11-25', '2026-11-29', 'week'], // Sunday ends the week
    ['2026-11-25', '2026-11-30', 'later'], // next Monday
    // Monday: the whole week ahead is "this week".
    ['2026-11-23', '2026-11-29', 'week'],
    ['2026-11-23', '2026-11-22', 'overdue'],
    // Sunday: "this week" is empty, tomorrow is already next week.
    ['2026-11-22', '2026-11-22', 'today'],
    ['2026-11-22', '2026-11-23', 'later'],
    ['2026-11-22', '2026-11-21', 'overdue'],
    // Month end on a Saturday: the week runs into the next month.
    ['2026-01-31', '2026-01-30', 'overdue'],
    ['2026-01-31', '2026-02-01', 'week'],
    ['2026-01-31', '2026-02-02', 'later'],
    // Year end on a Thursday: the week runs into the next year.
    ['2026-12-31', '2026-12-30', 'overdue'],
    ['2026-12-31', '2027-01-01', 'week'],
    ['2026-12-31', '2027-01-03', 'week'],
    ['2026-12-31', '2027-01-04', 'later'],
    ['2027-01-01', '2026-12-31', 'overdue'],
    // Leap day.
    ['2024-02-28', '2024-02-29', 'week'],
    ['2024-02-28', '2024-03-03', 'week'],
    ['2024-02-28', '2024-03-04', 'later'],
    ['2024-02-29', '2024-02-29', 'today'],
    ['2024-02-29', '2024-02-28', 'overdue'],
    ['2024-02-29', '2024-03-01', 'week'],
  ])('today %s, due %s → %s', (today, due, group) => {
    expect(taskGroupOf(due, today)).toBe(group);
    // The SQL bounds agree with the function.
    const { weekEnd } = taskGroupBounds(today);
    if (group === 'week') expect(due! > today && due! <= weekEnd).toBe(true);
    if (group === 'later') expect(due! > weekEnd).toBe(true);
  });
});

test('groupTasks buckets tasks and keeps their order within a group', () => {
  const tasks = [
    { id: 1, dueDate: '2026-11-20' },
    { id: 2, dueDate: null },
    { id: 3, dueDate: '2026-11-25' },
    { id: 4, dueDate: '2026-11-24' },
    { id: 5, dueDate: '2026-12-10' },
    { id: 6, dueDate: '2026-11-27' },
    { id: 7, dueDate: '2026-11-25' },
  ];
  const ids = (key: TaskGroupKey) => groupTasks(tasks, '2026-11-25')[key].map((t) => t.id);
  expect(ids('overdue')).toEqual([1, 4]);
  expect(ids('today')).toEqual([3, 7]);
  expect(ids('week')).toEqual([6]);
  expect(ids('later')).toEqual([5]);
  expect(ids('none')).toEqual([2]);
  expect(groupTasks([], '2026-11-25')).toEqual({ overdue: [], today: [], week: [], later: [], none: [] });
});

test('today comes from the workspace time zone: an instant still "yesterday" in Los Angeles', () => {
  // 05:00 UTC on Monday 2 March 2026 is 21:00 on Sunday 1 March in Los Angeles.
  const now = Date.UTC(2026, 2, 2, 5, 0);
  const utcToday = dateInZone(now, 'UTC');
  const laToday = dateInZone(now, 'America/Los_Angeles');
  expect([utcToday, laToday]).toEqual(['2026-03-02', '2026-03-01']);
  const tasks = [
    { id: 1, dueDate: '2026-03-01' },
    { id: 2, dueDate: '2026-03-02' },
  ];
  const utc = groupTasks(tasks, utcToday);
  expect(utc.overdue.map((t) => t.id)).toEqual([1]);
  expect(utc.today.map((t) => t.id)).toEqual([2]);
  const la = groupTasks(tasks, laToday);
  expect(la.overdue).toEqual([]);
  expect(la.today.map((t) => t.id)).toEqual([1]);
  // It is Sunday there: Monday's task is already next week.
  expect(la.week).toEqual([]);
  expect(la.later.map((t) => t.id)).toEqual([2]);
});

describe('snoozeDate', () => {
  test.each<[string, 'tomorrow' | 'next-week', string]>([
    ['2026-11-25', 'tomorrow', '2026-11-26'],
    ['2026-11-25', 'next-week', '2026-11-30'],
    ['2026-11-23', 'next-week', '2026-11-30'], // Monday → the following Monday
    ['2026-11-22', 'next-week', '2026-11-23'], // Sunday → tomorrow is next week's Monday
    ['2026-11-22', 'tomorrow', '2026-11-23'],
    ['2026-01-31', 'tomorrow', '2026-02-01'],
    ['2026-12-31', 'tomorrow', '2027-01-01'],
    ['2026-12-31', 'next-week', '2027-01-04'],
    ['2024-02-28', 'tomorrow', '2024-02-29'],
    ['2024-02-28', 'next-week', '2024-03-04'],
  ])('from %s, %s → %s', (today, target, expected) => expect(snoozeDate(target, today)).toBe(expected));
});

describe('dueLabel', () => {
  test.each<[string | null, string, string, string]>([
    [null, '2026-11-25', 'No due date', 'normal'],
    ['2026-11-25', '2026-11-25', 'Due today', 'today'],
    ['2026-11-26', '2026-11-25', 'Due tomorrow', 'normal'],
    ['2026-11-24', '2026-11-25', 'Due yesterday', 'overdue'],
    ['2026-11-20', '2026-11-25', 'Due Nov 20, 2026 · 5 days overdue', 'overdue'],
    ['2024-02-29', '2024-03-02', 'Due Feb 29, 2024 · 2 days overdue', 'overdue'],
    ['2027-01-04', '2026-12-31', 'Due Jan 4, 2027', 'normal'],
  ])('due %s, today %s → %s', (due, today, text, tone) => expect(dueLabel(due, today)).toEqual({ text, tone }));
});
