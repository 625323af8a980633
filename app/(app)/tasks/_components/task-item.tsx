'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import { Icon } from '@/components/shell/icons';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import type { TaskRow } from '@/db/queries/tasks';
import type { ActionResult } from '@/lib/actions';
import { dueLabel } from '@/lib/tasks/grouping';
import { completeTaskAction, reassignTaskAction, snoozeTaskAction } from '../actions';

type Props = {
  task: TaskRow;
  today: string;
  showOwner: boolean;
  /** Active users a manager can hand the task to; empty for reps. */
  owners: { id: number; name: string }[];
};

/** One open task: what and when, what it is about, and one-click complete, snooze and reassign. */
export function TaskItem({ task, today, showOwner, owners }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [done, setDone] = useState(false);
  const due = dueLabel(task.dueDate, today);

  function run(action: () => Promise<ActionResult<unknown>>, onSuccess?: () => void) {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) onSuccess?.();
      else setError(result.error);
    });
  }

  if (done) return null;
  return (
    <li
      data-testid="task-row"
      data-task-id={task.id}
      aria-busy={pending || undefined}
      className={cx('flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:gap-4 sm:px-5', pending && 'opacity-60')}
    >
      <div className="min-w-0 flex-1">
        <div className="font-medium text-slate-900 [overflow-wrap:anywhere]">{task.subject}</div>
        <div className="mt-0.5 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <span
            data-testid="task-due"
            className={cx(due.tone === 'overdue' ? 'font-medium text-red-700' : due.tone === 'today' ? 'font-medium text-brand-700' : 'text-slate-500')}
          >
            {due.text}
          </span>
          <RecordLink href={task.dealId ? `/deals/${task.dealId}` : null} icon="deals" kind="Deal" name={task.dealTitle} />
          <RecordLink href={task.contactId ? `/contacts/${task.contactId}` : null} icon="contact" kind="Contact" name={task.contactName} />
          <RecordLink href={task.companyId ? `/companies/${task.companyId}` : null} icon="building" kind="Company" name={task.companyName} />
          {showOwner && owners.length === 0 ? <span className="text-slate-500">{task.ownerName ?? 'No owner'}</span> : null}
        </div>
        {error ? (
          <p role="alert" className="mt-1 text-sm text-red-600">
            {error}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-2">
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          aria-label={`Complete ${task.subject}`}
          onClick={() => run(() => completeTaskAction({ taskId: task.id }), () => setDone(true))}
        >
          <svg viewBox="0 0 24 24" className="size-4 text-emerald-600" fill="none" stroke="currentColor" strokeWidth="2.5" aria-hidden="true">
            <path d="m5 12 5 5 9-10" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          Complete
        </Button>
        <div role="group" aria-label="Snooze" className="flex items-center gap-1">
          <span className="flex items-center gap-1 text-xs text-slate-500" aria-hidden="true">
            <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8">
              <circle cx="12" cy="13" r="8" />
              <path d="M12 9v4l2 2M5 3 2 6m17-3 3 3" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <span className="hidden sm:inline">Snooze</span>
          </span>
          <Button size="sm" variant="ghost" disabled={pending} aria-label="Snooze to tomorrow" onClick={() => run(() => snoozeTaskAction({ taskId: task.id, until: 'tomorrow' }))}>
            Tomorrow
          </Button>
          <Button size="sm" variant="ghost" disabled={pending} aria-label="Snooze to next week" onClick={() => run(() => snoozeTaskAction({ taskId: task.id, until: 'next-week' }))}>
            Next week
          </Button>
        </div>
        {owners.length ? <OwnerSelect task={task} owners={owners} disabled={pending} onChange={(ownerId) => run(() => reassignTaskAction({ taskId: task.id, ownerId }))} /> : null}
      </div>
    </li>
  );
}

function RecordLink({ href, icon, kind, name }: { href: string | null; icon: 'deals' | 'contact' | 'building'; kind: string; name: string | null }) {
  if (!href || !name) return null;
  return (
    <Link href={href} className="inline-flex min-w-0 max-w-full items-center gap-1 text-slate-600 hover:text-brand-700 hover:underline sm:max-w-[16rem]" title={`${kind}: ${name}`}>
      <Icon name={icon} className="size-3.5 shrink-0 text-slate-400" />
      <span className="sr-only">{kind}: </span>
      <span className="truncate">{name}</span>
    </Link>
  );
}

function OwnerSelect({ task, owners, disabled, onChange }: { task: TaskRow; owners: Props['owners']; disabled: boolean; onChange: (ownerId: number) => void }) {
  const known = owners.some((o) => o.id === task.ownerId);
  return (
    <label className="flex items-center gap-1">
      <span className="sr-only">Reassign {task.subject} to</span>
      <select className={cx(inputClass, 'w-40 py-1.5 pr-8')} value={task.ownerId ?? ''} disabled={disabled} onChange={(e) => onChange(Number(e.target.value))}>
        {known ? null : (
          <option value={task.ownerId ?? ''} disabled>
            {task.ownerName ?? 'No owner'}
          </option>
        )}
        {owners.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </label>
  );
}
