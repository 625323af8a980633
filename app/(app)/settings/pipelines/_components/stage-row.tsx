'use client';

import { useEffect, useRef, useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { Button, buttonClass } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { Field } from '@/components/ui/field';
import { bpToPercent } from '@/lib/money';
import { moveStageAction, updateStageAction } from '../actions';
import { DeleteStageConfirm } from './delete-stage-confirm';
import { useRun } from '@/components/form/use-run';

type Props = {
  stage: { id: number; name: string; probabilityBp: number; rotDays: number };
  index: number;
  counts: { total: number; open: number };
  /** The other stages of the pipeline, in board order: where this one's deals can go. */
  others: { id: number; name: string }[];
  first: boolean;
  last: boolean;
};

function dealsLabel({ total, open }: { total: number; open: number }) {
  const n = (x: number, word: string) => `${x.toLocaleString('en-US')} ${word} ${x === 1 ? 'deal' : 'deals'}`;
  if (total === 0) return 'No deals';
  if (open === total) return n(open, 'open');
  if (open === 0) return n(total, 'closed');
  return `${total.toLocaleString('en-US')} deals, ${open.toLocaleString('en-US')} open`;
}

/** One stage: name, probability and rot days saved together; move up or down; delete (moving its deals). */
export function StageRow({ stage, index, counts, others, first, last }: Props) {
  const [dirty, setDirty] = useState(false);
  const save = useFormAction(updateStageAction, { onSuccess: () => setDirty(false) });
  const move = useRun();
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const errors = save.fieldErrors;

  useEffect(() => {
    if (wasConfirming.current && !confirming) deleteButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const saved = save.result?.ok && !dirty;
  return (
    <li className="px-4 py-3 sm:px-5" data-testid="stage-row" data-stage-name={stage.name}>
      <form
        onSubmit={save.onSubmit}
        onChange={() => setDirty(true)}
        noValidate
        aria-label={`Stage ${stage.name}`}
        className="grid grid-cols-2 items-start gap-x-3 gap-y-2 @lg:grid-cols-[minmax(0,1fr)_7rem_7rem] @2xl:grid-cols-[1.5rem_minmax(0,1fr)_7rem_7rem_13rem]"
      >
        <input type="hidden" name="stageId" value={stage.id} />
        <span className="hidden pt-8 text-sm tabular-nums text-slate-400 @2xl:block" aria-hidden>
          {index + 1}.
        </span>
        <Field label="Stage name" name="name" defaultValue={stage.name} error={errors.name} className="col-span-2 @lg:col-span-1" autoComplete="off" />
        <Field label="Probability %" name="probability" inputMode="decimal" defaultValue={bpToPercent(stage.probabilityBp)} error={errors.probability} />
        <Field label="Rots after days" name="rotDays" inputMode="numeric" defaultValue={stage.rotDays} error={errors.rotDays} />
        <div className="col-span-2 flex flex-wrap items-center gap-1 @lg:col-span-3 @2xl:col-span-1 @2xl:pt-6">
          <Button type="submit" size="sm" variant={dirty ? 'primary' : 'secondary'} disabled={save.pending}>
            {save.pending ? 'Saving…' : 'Save'}
          </Button>
          <Button
            type="button"
            size="sm"
            variant="ghost"
            disabled={first || move.pending}
            aria-label={`Move ${stage.name} up`}
            title="Move up"
            onClick={() => move.run(() => moveStageAction({ stageId: stage.id, direction: 'up' }))}
          >
            <span aria-hidden>↑</span>
          </Button>
          <Button
            type="button"
            size="sm"
            variant="ghost"
            disabled={last || move.pending}
            aria-label={`Move ${stage.name} down`}
            title="Move down"
            onClick={() => move.run(() => moveStageAction({ stageId: stage.id, direction: 'down' }))}
          >
            <span aria-hidden>↓</span>
          </Button>
          <button
            ref={deleteButton}
            type="button"
            className={cx(buttonClass('ghost', 'sm'), 'text-red-700 hover:text-red-800')}
            disabled={others.length === 0 || confirming}
            title={others.length === 0 ? 'A pipeline needs at least one stage' : undefined}
            aria-label={`Delete ${stage.name}`}
            onClick={() => setConfirming(true)}
          >
            Delete
          </button>
        </div>
      </form>
      <div className="mt-1 flex flex-wrap gap-x-3 text-xs @2xl:pl-[2.25rem]">
        <span className="text-slate-500" data-testid="stage-deals">
          {dealsLabel(counts)}
        </span>
        {save.formError || move.error ? (
          <span role="alert" className="text-red-600">
            {save.formError ?? move.error}
          </span>
        ) : saved ? (
          <span role="status" className="text-emerald-700">
            Saved
          </span>
        ) : null}
      </div>
      {confirming ? <DeleteStageConfirm stage={stage} deals={counts.total} others={others} onCancel={() => setConfirming(false)} /> : null}
    </li>
  );
}
