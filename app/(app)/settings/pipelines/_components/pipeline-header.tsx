'use client';

import { useEffect, useRef, useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { Button, buttonClass } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { deletePipelineAction, renamePipelineAction } from '../actions';
import { useRun } from '@/components/form/use-run';

type Props = { pipeline: { id: number; name: string }; stageCount: number; dealCount: number; deletable: boolean };

/** The pipeline's name and counts; rename in place; delete (only offered when it holds no deals). */
export function PipelineHeader({ pipeline, stageCount, dealCount, deletable }: Props) {
  const [mode, setMode] = useState<'view' | 'rename' | 'delete'>('view');
  const rename = useFormAction(renamePipelineAction, { onSuccess: () => setMode('view') });
  const remove = useRun();
  const renameButton = useRef<HTMLButtonElement>(null);
  const cancelDelete = useRef<HTMLButtonElement>(null);
  const previous = useRef(mode);

  useEffect(() => {
    if (mode === 'delete') cancelDelete.current?.focus();
    if (mode === 'view' && previous.current !== 'view') renameButton.current?.focus();
    previous.current = mode;
  }, [mode]);

  const headingId = `pipeline-${pipeline.id}-name`;
  return (
    <div className="px-4 pt-4 sm:px-5">
      {mode === 'rename' ? (
        <form onSubmit={rename.onSubmit} noValidate className="flex flex-col gap-2 sm:flex-row sm:items-start" aria-label={`Rename ${pipeline.name}`}>
          <input type="hidden" name="pipelineId" value={pipeline.id} />
          <Field label="Pipeline name" name="name" defaultValue={pipeline.name} error={rename.fieldErrors.name ?? rename.formError ?? undefined} className="min-w-0 flex-1" autoFocus />
          <div className="flex gap-2 sm:pt-6">
            <Button type="submit" size="sm" disabled={rename.pending}>
              {rename.pending ? 'Saving…' : 'Save name'}
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setMode('view')}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
          <div className="min-w-0">
            <h2 id={headingId} className="truncate text-base font-semibold text-slate-900">
              {pipeline.name}
            </h2>
            <p className="text-xs text-slate-500">
              {stageCount} {stageCount === 1 ? 'stage' : 'stages'} · {dealCount === 0 ? 'no deals' : `${dealCount.toLocaleString('en-US')} ${dealCount === 1 ? 'deal' : 'deals'}`}
            </p>
          </div>
          <div className="flex gap-1">
            <button ref={renameButton} type="button" className={buttonClass('secondary', 'sm')} onClick={() => setMode('rename')} aria-describedby={headingId}>
              Rename
            </button>
            {deletable && mode === 'view' ? (
              <Button type="button" size="sm" variant="ghost" className="text-red-700 hover:text-red-800" onClick={() => setMode('delete')} aria-describedby={headingId}>
                Delete pipeline
              </Button>
            ) : null}
          </div>
        </div>
      )}
      {mode === 'delete' ? (
        <div role="group" aria-label={`Delete ${pipeline.name}`} className="mt-3 rounded-lg bg-red-50 p-3 text-sm ring-1 ring-red-200">
          <p className="text-red-900">
            Delete “{pipeline.name}” and its {stageCount} {stageCount === 1 ? 'stage' : 'stages'}? It holds no deals.
          </p>
          {remove.error ? (
            <p role="alert" className="mt-1 text-red-700">
              {remove.error}
            </p>
          ) : null}
          <div className="mt-2 flex gap-2">
            <Button type="button" size="sm" variant="danger" disabled={remove.pending} onClick={() => remove.run(() => deletePipelineAction({ pipelineId: pipeline.id }))}>
              {remove.pending ? 'Deleting…' : 'Delete pipeline'}
            </Button>
            <button ref={cancelDelete} type="button" className={buttonClass('ghost', 'sm')} onClick={() => setMode('view')}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
