'use client';

import { useFormAction } from '@/components/form/use-form-action';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { addStageAction } from '../actions';

/** Adds a stage at the end of a pipeline; its rot days start at the workspace's default. */
export function AddStageForm({ pipelineId, pipelineName, defaultRotDays }: { pipelineId: number; pipelineName: string; defaultRotDays: number }) {
  const { pending, onSubmit, fieldErrors: errors, formError } = useFormAction(addStageAction, { resetOnSuccess: true });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      aria-label={`Add a stage to ${pipelineName}`}
      className="grid grid-cols-2 items-start gap-x-3 gap-y-2 border-t border-slate-100 bg-slate-50/70 px-4 py-3 sm:px-5 @lg:grid-cols-[minmax(0,1fr)_7rem_7rem] @2xl:grid-cols-[1.5rem_minmax(0,1fr)_7rem_7rem_13rem]"
    >
      <input type="hidden" name="pipelineId" value={pipelineId} />
      <span className="hidden pt-7 text-lg leading-none text-slate-400 @2xl:block" aria-hidden>
        +
      </span>
      <Field label="New stage" name="name" placeholder="e.g. Contract sent" error={errors.name} className="col-span-2 @lg:col-span-1" autoComplete="off" />
      <Field label="Probability %" name="probability" inputMode="decimal" placeholder="0–100" error={errors.probability} />
      <Field label="Rots after days" name="rotDays" inputMode="numeric" defaultValue={defaultRotDays} error={errors.rotDays} />
      <div className="col-span-2 @lg:col-span-3 @2xl:col-span-1 @2xl:pt-6">
        <Button type="submit" size="sm" disabled={pending} className="w-full @lg:w-auto">
          {pending ? 'Adding…' : 'Add stage'}
        </Button>
      </div>
      {formError ? (
        <p role="alert" className="col-span-2 text-sm text-red-600 @lg:col-span-3 @2xl:col-span-5">
          {formError}
        </p>
      ) : null}
    </form>
  );
}
