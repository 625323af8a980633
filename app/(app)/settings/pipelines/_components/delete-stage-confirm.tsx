'use client';

import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { deleteStageAction } from '../actions';
import { useRun } from '@/components/form/use-run';

type Props = {
  stage: { id: number; name: string };
  deals: number;
  others: { id: number; name: string }[];
  onCancel: () => void;
};

/**
 * The confirm step before a stage is deleted. When it holds deals, the admin chooses which stage of
 * the same pipeline they move to; the server moves them and deletes the stage in one transaction.
 */
export function DeleteStageConfirm({ stage, deals, others, onCancel }: Props) {
  const [moveTo, setMoveTo] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const { pending, error, run } = useRun();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    panel.current?.querySelector<HTMLElement>('select, button')?.focus();
  }, []);

  function confirm() {
    if (deals > 0 && !moveTo) return setFieldError('Choose a stage for its deals');
    setFieldError(undefined);
    // The row goes away: keep the keyboard in the stage list rather than lose focus to the page.
    const list = panel.current?.closest('ol');
    run(() => deleteStageAction({ stageId: stage.id, moveTo: deals > 0 ? Number(moveTo) : null }), () => list?.focus());
  }

  const what = `${deals.toLocaleString('en-US')} ${deals === 1 ? 'deal' : 'deals'}`;
  return (
    <div
      ref={panel}
      role="group"
      aria-label={`Delete ${stage.name}`}
      className="mt-2 rounded-lg bg-red-50 p-3 text-sm ring-1 ring-red-200"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p className="text-red-900">
        {deals > 0 ? (
          <>
            “{stage.name}” holds {what}. Choose where they go; open ones join the end of that column.
          </>
        ) : (
          <>Delete “{stage.name}”? It holds no deals.</>
        )}
      </p>
      <div className="mt-2 space-y-2">
        {deals > 0 ? (
          <SelectField
            label={`Move its ${what} to`}
            value={moveTo}
            onChange={(e) => {
              setMoveTo(e.target.value);
              setFieldError(undefined);
            }}
            error={fieldError}
            className="sm:w-64"
          >
            <option value="">Choose a stage…</option>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button type="button" size="sm" variant="danger" disabled={pending} onClick={confirm}>
            {pending ? 'Deleting…' : deals > 0 ? 'Move deals and delete' : 'Delete stage'}
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </div>
      {error ? (
        <p role="alert" className="mt-2 text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
