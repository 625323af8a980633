'use client';

import { useFormAction } from '@/components/form/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { createPipelineAction } from '../actions';

/** A new pipeline; it starts with the default stages (`hint` names them) so the board can use it at once. */
export function CreatePipelineForm({ hint }: { hint: string }) {
  const { pending, onSubmit, fieldErrors, formError } = useFormAction(createPipelineAction, { resetOnSuccess: true });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create a pipeline" className="space-y-3">
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <Field label="New pipeline" name="name" placeholder="e.g. Renewals" error={fieldErrors.name} hint={hint} className="min-w-0 flex-1" autoComplete="off" />
        <div className="sm:pt-6">
          <Button type="submit" disabled={pending} className="w-full sm:w-auto">
            {pending ? 'Creating…' : 'Create pipeline'}
          </Button>
        </div>
      </div>
    </form>
  );
}
