'use client';

import { useRouter } from 'next/navigation';
import { useId } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, inputClass } from '@/components/ui/field';
import type { ProductRow } from '@/db/queries/products';
import { centsToDecimal } from '@/lib/money';
import { formatScaled } from '@/lib/numbers';
import { createProductAction, updateProductAction } from '../actions';

/** `defaultTaxRateBp`: the workspace's default tax rate, which a new product starts with. */
type Props = { values?: ProductRow; canEdit: boolean; currency: string; defaultTaxRateBp?: number };

/**
 * A product's fields. An edit carries its version, so a concurrent change is reported, not overwritten.
 * Money and percentages go to the server as typed; the schema turns them into cents and basis points.
 */
export function ProductForm({ values, canEdit, currency, defaultTaxRateBp = 0 }: Props) {
  const router = useRouter();
  const editing = Boolean(values);
  const { result, pending, onSubmit, fieldErrors: errors, formError } = useFormAction(editing ? updateProductAction : createProductAction, {
    onSuccess: (data) => (editing ? router.refresh() : router.push(`/products/${data.id}`)),
  });
  const descriptionId = useId();
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Product details">
      {values ? (
        <>
          <input type="hidden" name="productId" value={values.id} />
          <input type="hidden" name="version" value={values.version} />
        </>
      ) : null}
      {result?.ok && editing ? <Alert tone="success">Saved.</Alert> : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <Card className="p-5">
        <fieldset disabled={!canEdit || pending} className="grid gap-4 sm:grid-cols-2 [&:disabled_:is(input,textarea)]:bg-slate-50 [&:disabled_:is(input,textarea)]:text-slate-600">
          <Field label="Name" name="name" defaultValue={values?.name} error={errors.name} autoFocus={!values} autoComplete="off" className="sm:col-span-2" />
          <Field label="SKU" name="sku" defaultValue={values?.sku} error={errors.sku} autoComplete="off" hint="Unique; letters, digits and dashes." className="[&_input]:font-mono" />
          <Field label="Unit" name="unit" defaultValue={values?.unit ?? ''} error={errors.unit} placeholder="unit" hint="What one of it is: seat, hour, licence…" />
          <Field
            label="Unit price"
            name="unitPriceCents"
            inputMode="decimal"
            defaultValue={values ? centsToDecimal(values.unitPriceCents) : ''}
            error={errors.unitPriceCents}
            hint={`In ${currency}, before tax. The catalogue price; price lists can differ.`}
          />
          <Field
            label="Tax %"
            name="taxRateBp"
            inputMode="decimal"
            defaultValue={formatScaled(values ? values.taxRateBp : defaultTaxRateBp, 2)}
            error={errors.taxRateBp}
            hint="The default on quote lines; each line can change it."
          />
          <div className="sm:col-span-2">
            <label htmlFor={descriptionId} className="mb-1 block text-sm font-medium text-slate-700">
              Description
            </label>
            <textarea
              id={descriptionId}
              name="description"
              rows={3}
              defaultValue={values?.description ?? ''}
              className={inputClass}
              aria-invalid={errors.description ? true : undefined}
            />
            {errors.description ? <p className="mt-1 text-sm text-red-600">{errors.description}</p> : <p className="mt-1 text-xs text-slate-500">Shown on quote lines.</p>}
          </div>
          <label className="flex items-start gap-2 text-sm text-slate-700 sm:col-span-2">
            <input type="checkbox" name="active" defaultChecked={values?.active ?? true} className="mt-0.5 size-4 rounded border-slate-300" />
            <span>
              <span className="font-medium">Active</span>
              <span className="block text-xs text-slate-500">Inactive products stay on old quotes but cannot be added to new ones.</span>
            </span>
          </label>
        </fieldset>
      </Card>
      {canEdit ? (
        <div className="flex justify-end gap-2">
          {!editing ? (
            <Button type="button" variant="secondary" onClick={() => router.back()}>
              Cancel
            </Button>
          ) : null}
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : editing ? 'Save product' : 'Create product'}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-slate-500">Only an admin or a manager can change products.</p>
      )}
    </form>
  );
}
