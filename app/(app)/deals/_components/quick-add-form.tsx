'use client';

import { useFormAction } from '@/components/form/use-form-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { BoardCard } from '@/db/queries/board';
import type { Summary } from '@/lib/deals/board-summary';
import { quickAddDealAction } from '../actions';

type Props = {
  pipelineId: number;
  stageId: number;
  stageName: string;
  query: string;
  onCancel: () => void;
  onAdded: (card: BoardCard, summaries: Summary[]) => void;
};

export function QuickAddForm({ pipelineId, stageId, stageName, query, onCancel, onAdded }: Props) {
  const { pending, onSubmit, fieldErrors, formError: generalError } = useFormAction(quickAddDealAction, {
    onSuccess: (data) => onAdded(data.card, data.summaries),
  });
  // The column's stage and pipeline are hidden fields: a problem with them is said for the whole form.
  const formError = generalError ?? fieldErrors.stageId ?? fieldErrors.pipelineId ?? fieldErrors.ownerId;
  return (
    <form onSubmit={onSubmit} className="mx-2 mb-2 space-y-2 rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200" aria-label={`Quick add to ${stageName}`} noValidate>
      <input type="hidden" name="pipelineId" value={pipelineId} />
      <input type="hidden" name="stageId" value={stageId} />
      <input type="hidden" name="query" value={query} />
      <Field label="Title" name="title" error={fieldErrors.title} autoFocus required />
      <Field label="Value" name="valueCents" inputMode="decimal" placeholder="0.00" error={fieldErrors.valueCents} />
      <Field label="Company" name="companyName" placeholder="New or existing" error={fieldErrors.companyName} />
      <Field label="Close date" name="expectedCloseDate" type="date" error={fieldErrors.expectedCloseDate} />
      {formError ? (
        <p role="alert" className="text-sm text-red-600">
          {formError}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" size="sm" disabled={pending}>
          {pending ? 'Adding…' : 'Add deal'}
        </Button>
      </div>
    </form>
  );
}
