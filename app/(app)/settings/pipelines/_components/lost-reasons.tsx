'use client';

import { useEffect, useRef, useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { Button, buttonClass } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { Field } from '@/components/ui/field';
import { addLostReasonAction, moveLostReasonAction, renameLostReasonAction, setLostReasonActiveAction } from '../actions';
import { useRun } from './use-run';

type Reason = { id: number; label: string; active: boolean };

/** The reasons reps pick from when a deal is lost: add, rename, reorder, deactivate and reactivate. */
export function LostReasons({ reasons }: { reasons: Reason[] }) {
  const add = useFormAction(addLostReasonAction, { resetOnSuccess: true });
  return (
    <div>
      {reasons.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500 sm:px-5">No reasons yet: reps type their own when a deal is lost.</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="Lost reasons">
          {reasons.map((r, i) => (
            <ReasonRow key={r.id} reason={r} first={i === 0} last={i === reasons.length - 1} />
          ))}
        </ul>
      )}
      <form onSubmit={add.onSubmit} noValidate aria-label="Add a lost reason" className="flex flex-col gap-2 border-t border-slate-100 bg-slate-50/70 px-4 py-3 sm:flex-row sm:items-start sm:px-5">
        <Field label="New reason" name="label" placeholder="e.g. Went with an in-house tool" error={add.fieldErrors.label ?? add.formError ?? undefined} className="min-w-0 flex-1" autoComplete="off" />
        <div className="sm:pt-6">
          <Button type="submit" size="sm" disabled={add.pending} className="w-full sm:w-auto">
            {add.pending ? 'Adding…' : 'Add reason'}
          </Button>
        </div>
      </form>
    </div>
  );
}

function ReasonRow({ reason, first, last }: { reason: Reason; first: boolean; last: boolean }) {
  const [editing, setEditing] = useState(false);
  const rename = useFormAction(renameLostReasonAction, { onSuccess: () => setEditing(false) });
  const { pending, error, run } = useRun();
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (wasEditing.current && !editing) renameButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (editing)
    return (
      <li className="px-4 py-3 sm:px-5" data-testid="lost-reason" data-label={reason.label}>
        <form onSubmit={rename.onSubmit} noValidate aria-label={`Rename ${reason.label}`} className="space-y-2">
          <input type="hidden" name="reasonId" value={reason.id} />
          <Field
            label="Reason"
            name="label"
            defaultValue={reason.label}
            error={rename.fieldErrors.label ?? rename.formError ?? undefined}
            hint="Deals already lost for this reason take the new name too."
            autoFocus
            autoComplete="off"
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={rename.pending}>
              {rename.pending ? 'Saving…' : 'Save'}
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      </li>
    );

  return (
    <li className={cx('px-4 py-2 sm:px-5', !reason.active && 'bg-slate-50')} data-testid="lost-reason" data-label={reason.label} data-active={reason.active}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <div className="flex min-w-[9rem] flex-1 items-center gap-2">
          <span className={cx('text-sm', reason.active ? 'text-slate-900' : 'text-slate-500')}>{reason.label}</span>
          {!reason.active ? <span className="shrink-0 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-600">Inactive</span> : null}
        </div>
        <div className="flex items-center gap-0.5">
          <Button type="button" size="sm" variant="ghost" disabled={first || pending} aria-label={`Move ${reason.label} up`} title="Move up" onClick={() => run(() => moveLostReasonAction({ reasonId: reason.id, direction: 'up' }))}>
            <span aria-hidden>↑</span>
          </Button>
          <Button type="button" size="sm" variant="ghost" disabled={last || pending} aria-label={`Move ${reason.label} down`} title="Move down" onClick={() => run(() => moveLostReasonAction({ reasonId: reason.id, direction: 'down' }))}>
            <span aria-hidden>↓</span>
          </Button>
          <button ref={renameButton} type="button" className={buttonClass('ghost', 'sm')} aria-label={`Rename ${reason.label}`} onClick={() => setEditing(true)}>
            Rename
          </button>
          <Button
            type="button"
            size="sm"
            variant="ghost"
            disabled={pending}
            aria-label={`${reason.active ? 'Deactivate' : 'Reactivate'} ${reason.label}`}
            onClick={() => run(() => setLostReasonActiveAction({ reasonId: reason.id, active: reason.active ? 'false' : 'true' }))}
          >
            {reason.active ? 'Deactivate' : 'Reactivate'}
          </Button>
        </div>
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </li>
  );
}
