'use server';

import { revalidatePath } from 'next/cache';
import { completeTask, reassignTask, snoozeTask } from '@/db/queries/tasks';
import { workspaceToday } from '@/db/queries/workspace';
import { defineAction } from '@/lib/actions';
import { MANAGING_ROLES } from '@/lib/auth/roles';
import { completeTaskSchema, reassignTaskSchema, snoozeTaskSchema } from '@/lib/tasks/schemas';

// The overdue badge sits in the shell on every page, and tasks show on deal and contact pages too.
const revalidateEverywhere = () => revalidatePath('/', 'layout');

export const completeTaskAction = defineAction({ schema: completeTaskSchema }, ({ taskId }, { db, user }) => {
  completeTask(db, taskId, user, Date.now());
  revalidateEverywhere();
});

export const snoozeTaskAction = defineAction({ schema: snoozeTaskSchema }, ({ taskId, until }, { db, user }) => {
  const dueDate = snoozeTask(db, taskId, until, user, workspaceToday(db).today);
  revalidateEverywhere();
  return { dueDate };
});

export const reassignTaskAction = defineAction({ schema: reassignTaskSchema, roles: MANAGING_ROLES }, ({ taskId, ownerId }, { db, user }) => {
  reassignTask(db, taskId, ownerId, user);
  revalidateEverywhere();
});
