'use client';

import { useFormAction } from '@/components/form/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { createPriceListAction } from '../actions';

export function CreatePriceListForm() {
  const { pending, onSubmit, fieldErrors, formError, result } = useFormAction(createPriceListAction, { resetOnSuccess: true });
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Create a price list" className="space-y-3">
      {formError ? <Alert>{formError}</Alert> : null}
      {result?.ok ? <Alert tone="success">Created. Give products a price in it from their pages.</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)_auto] sm:items-start">
        <Field label="Name" name="name" placeholder="e.g. Partners" error={fieldErrors.name} autoComplete="off" />
        <Field label="Description" name="description" placeholder="Who it is for (optional)" error={fieldErrors.description} autoComplete="off" />
        <div className="sm:pt-6">
          <Button type="submit" disabled={pending} className="w-full sm:w-auto">
            {pending ? 'Creating…' : 'Create price list'}
          </Button>
        </div>
      </div>
    </form>
  );
}
