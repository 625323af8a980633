'use client';

import { useRef, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import type { ActionResult } from '@/lib/actions';
import { commitImportAction, undoImportAction } from '../../actions';

type Props = {
  batchId: number;
  verb: 'commit' | 'undo';
  /** The button's words ("Import 3 rows", "Undo this import"). */
  label: string;
  title: string;
  body: React.ReactNode;
  confirmLabel: string;
  disabled?: boolean;
};

const ACTIONS: Record<Props['verb'], (input: { batchId: number }) => Promise<ActionResult<{ jobId: number }>>> = {
  commit: commitImportAction,
  undo: undoImportAction,
};

/**
 * A button that asks first, in a modal <dialog> (focus kept inside, Escape closes it), then queues
 * the import or its undo; the page re-renders from the batch and shows the job's progress.
 */
export function ConfirmAction({ batchId, verb, label, title, body, confirmLabel, disabled }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run() {
    setError(null);
    startTransition(async () => {
      const result = await ACTIONS[verb]({ batchId });
      if (result.ok) dialog.current?.close();
      else setError(result.error);
    });
  }

  return (
    <>
      <Button
        type="button"
        variant={verb === 'undo' ? 'danger' : 'primary'}
        disabled={disabled}
        onClick={() => dialog.current?.showModal()}
        className="shrink-0 whitespace-nowrap"
      >
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`confirm-${verb}-title`}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-xl bg-white p-5 text-left shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-900/40"
      >
        <h2 id={`confirm-${verb}-title`} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <div className="mt-2 text-sm text-slate-600">{body}</div>
        {error ? (
          <div className="mt-3">
            <Alert>{error}</Alert>
          </div>
        ) : null}
        <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()} disabled={pending}>
            Cancel
          </Button>
          <Button type="button" variant={verb === 'undo' ? 'danger' : 'primary'} onClick={run} disabled={pending}>
            {pending ? 'Starting…' : confirmLabel}
          </Button>
        </div>
      </dialog>
    </>
  );
}
