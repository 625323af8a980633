'use client';

import { useTransition, useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { Field, inputClass } from '@/components/ui/field';
import {
  addLostReasonAction,
  addStageAction,
  createPipelineAction,
  moveLostReasonAction,
  renameLostReasonAction,
  renamePipelineAction,
  setLostReasonActiveAction,
} from '../actions';

export function RenamePipelineForm({ pipeline }: { pipeline: { id: number; name: string } }) {
  const { pending, onSubmit, fieldErrors } = useFormAction(renamePipelineAction);
  return (
    <form onSubmit={onSubmit} noValidate className="flex items-end gap-2" aria-label={`Rename ${pipeline.name}`}>
      <input type="hidden" name="pipelineId" value={pipeline.id} />
      <Field label="Pipeline name" name="name" defaultValue={pipeline.name} error={fieldErrors.name} className="flex-1" />
      <Button type="submit" variant="secondary" disabled={pending}>
        Rename
      </Button>
    </form>
  );
}

export function AddStageForm({ pipelineId }: { pipelineId: number }) {
  const { pending, onSubmit, fieldErrors: e } = useFormAction(addStageAction, { resetOnSuccess: true });
  return (
    <form onSubmit={onSubmit} noValidate className="mt-3 grid grid-cols-2 items-start gap-2 rounded-lg bg-slate-50 p-3 sm:grid-cols-[1fr_7rem_7rem_auto]" aria-label="Add a stage">
      <input type="hidden" name="pipelineId" value={pipelineId} />
      <Field label="New stage" name="name" error={e.name} placeholder="e.g. Contract sent" className="col-span-2 sm:col-span-1" />
      <Field label="Probability %" name="probability" inputMode="decimal" defaultValue="50" error={e.probability} />
      <Field label="Rots after days" name="rotDays" inputMode="numeric" defaultValue="30" error={e.rotDays} />
      <Button type="submit" disabled={pending} className="col-span-2 sm:col-span-1 sm:mt-5">
        Add stage
      </Button>
    </form>
  );
}

export function CreatePipelineForm() {
  const { pending, onSubmit, fieldErrors } = useFormAction(createPipelineAction, { resetOnSuccess: true });
  return (
    <form onSubmit={onSubmit} noValidate className="flex items-end gap-2" aria-label="Create a pipeline">
      <Field label="New pipeline" name="name" placeholder="e.g. Renewals" error={fieldErrors.name} className="flex-1" />
      <Button type="submit" disabled={pending}>
        Create
      </Button>
    </form>
  );
}

type Reason = { id: number; label: string; active: boolean };

export function LostReasons({ reasons }: { reasons: Reason[] }) {
  const add = useFormAction(addLostReasonAction, { resetOnSuccess: true });
  return (
    <div>
      <ul className="divide-y divide-slate-100" aria-label="Lost reasons">
        {reasons.map((r, i) => (
          <ReasonRow key={r.id} reason={r} first={i === 0} last={i === reasons.length - 1} />
        ))}
      </ul>
      <form onSubmit={add.onSubmit} noValidate className="mt-3 flex items-end gap-2" aria-label="Add a lost reason">
        <Field label="New reason" name="label" error={add.fieldErrors.label} className="flex-1" placeholder="e.g. Went with in-house tool" />
        <Button type="submit" disabled={add.pending}>
          Add reason
        </Button>
      </form>
    </div>
  );
}

function ReasonRow({ reason, first, last }: { reason: Reason; first: boolean; last: boolean }) {
  const rename = useFormAction(renameLostReasonAction);
  const [busy, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const run = (task: () => Promise<{ ok: boolean; error?: string }>) =>
    start(async () => {
      const r = await task();
      setError(r.ok ? null : (r.error ?? 'That did not work.'));
    });
  return (
    <li className="py-2" data-testid="lost-reason" data-active={reason.active}>
      <form onSubmit={rename.onSubmit} noValidate className="flex flex-wrap items-center gap-1">
        <input type="hidden" name="reasonId" value={reason.id} />
        <label className="min-w-0 flex-1">
          <span className="sr-only">Reason</span>
          <input name="label" defaultValue={reason.label} className={cx(inputClass, !reason.active && 'text-slate-400 line-through')} />
        </label>
        <Button type="submit" size="sm" variant="secondary" disabled={rename.pending}>
          Save
        </Button>
        <Button type="button" size="sm" variant="ghost" disabled={first || busy} aria-label={`Move ${reason.label} up`} onClick={() => run(() => moveLostReasonAction({ reasonId: reason.id, direction: 'up' }))}>
          ↑
        </Button>
        <Button type="button" size="sm" variant="ghost" disabled={last || busy} aria-label={`Move ${reason.label} down`} onClick={() => run(() => moveLostReasonAction({ reasonId: reason.id, direction: 'down' }))}>
          ↓
        </Button>
        <Button type="button" size="sm" variant="ghost" disabled={busy} onClick={() => run(() => setLostReasonActiveAction({ reasonId: reason.id, active: reason.active ? 'false' : 'true' }))}>
          {reason.active ? 'Retire' : 'Restore'}
        </Button>
      </form>
      {rename.fieldErrors.label || rename.formError || error ? (
        <p role="alert" className="mt-1 text-sm text-red-600">
          {rename.fieldErrors.label ?? rename.formError ?? error}
        </p>
      ) : null}
    </li>
  );
}
