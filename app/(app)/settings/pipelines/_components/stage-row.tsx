'use client';

import { useState, useTransition } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import { deleteStageAction, moveStageAction, updateStageAction } from '../actions';

type Props = {
  stage: { id: number; name: string; probabilityBp: number; rotDays: number };
  deals: number;
  siblings: { id: number; name: string }[];
  first: boolean;
  last: boolean;
};

/** One stage: name, probability and rot days saved together; reorder; delete (moving its deals). */
export function StageRow({ stage, deals, siblings, first, last }: Props) {
  const { pending, onSubmit, fieldErrors: errors, formError, result } = useFormAction(updateStageAction);
  const [confirming, setConfirming] = useState(false);
  const [moveTo, setMoveTo] = useState(String(siblings[0]?.id ?? ''));
  const [error, setError] = useState<string | null>(null);
  const [busy, startTransition] = useTransition();
  const run = (task: () => Promise<{ ok: boolean; error?: string }>) =>
    startTransition(async () => {
      setError(null);
      const r = await task();
      if (!r.ok) setError(r.error ?? 'That did not work.');
    });

  return (
    <li className="py-3" data-testid="stage-row" data-stage-name={stage.name}>
      <form onSubmit={onSubmit} noValidate className="grid grid-cols-2 items-end gap-2 sm:grid-cols-[1fr_7rem_7rem_auto]" aria-label={`Stage ${stage.name}`}>
        <input type="hidden" name="stageId" value={stage.id} />
        <label className="col-span-2 block sm:col-span-1">
          <span className="mb-0.5 block text-xs font-medium text-slate-500">Stage name</span>
          <input name="name" defaultValue={stage.name} className={inputClass} aria-invalid={errors.name ? true : undefined} />
        </label>
        <label className="block">
          <span className="mb-0.5 block text-xs font-medium text-slate-500">Probability %</span>
          <input name="probability" inputMode="decimal" defaultValue={stage.probabilityBp / 100} className={inputClass} aria-invalid={errors.probability ? true : undefined} />
        </label>
        <label className="block">
          <span className="mb-0.5 block text-xs font-medium text-slate-500">Rots after days</span>
          <input name="rotDays" inputMode="numeric" defaultValue={stage.rotDays} className={inputClass} aria-invalid={errors.rotDays ? true : undefined} />
        </label>
        <div className="col-span-2 flex flex-wrap items-center gap-1 sm:col-span-1">
          <Button type="submit" size="sm" variant="secondary" disabled={pending}>
            Save
          </Button>
          <Button type="button" size="sm" variant="ghost" disabled={first || busy} aria-label={`Move ${stage.name} up`} onClick={() => run(() => moveStageAction({ stageId: stage.id, direction: 'up' }))}>
            ↑
          </Button>
          <Button type="button" size="sm" variant="ghost" disabled={last || busy} aria-label={`Move ${stage.name} down`} onClick={() => run(() => moveStageAction({ stageId: stage.id, direction: 'down' }))}>
            ↓
          </Button>
          <Button type="button" size="sm" variant="ghost" className="text-red-700" onClick={() => setConfirming(true)} disabled={busy}>
            Delete
          </Button>
        </div>
      </form>
      {Object.values(errors).length || formError || error ? (
        <p role="alert" className="mt-1 text-sm text-red-600">
          {[...Object.values(errors), formError, error].filter(Boolean).join(' · ')}
        </p>
      ) : result?.ok ? (
        <p className="mt-1 text-xs text-emerald-700">Saved.</p>
      ) : null}
      <p className="mt-1 text-xs text-slate-500">{deals === 0 ? 'No deals' : `${deals} ${deals === 1 ? 'deal' : 'deals'}`}</p>
      {confirming ? (
        <div className={cx('mt-2 flex flex-wrap items-end gap-2 rounded-lg bg-red-50 p-3 text-sm ring-1 ring-red-200')} role="group" aria-label={`Delete ${stage.name}`}>
          {deals > 0 ? (
            <label className="block">
              <span className="mb-0.5 block text-xs font-medium text-red-900">
                Move its {deals} {deals === 1 ? 'deal' : 'deals'} to
              </span>
              <select className={cx(inputClass, 'w-48')} value={moveTo} onChange={(e) => setMoveTo(e.target.value)}>
                {siblings.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <span className="text-red-900">Delete “{stage.name}”?</span>
          )}
          <Button size="sm" variant="danger" disabled={busy} onClick={() => run(() => deleteStageAction({ stageId: stage.id, moveTo: deals > 0 ? Number(moveTo) : null }))}>
            Delete stage
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      ) : null}
    </li>
  );
}
