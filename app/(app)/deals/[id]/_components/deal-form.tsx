'use client';

import { useRouter } from 'next/navigation';
import { useFormAction } from '@/components/form/use-form-action';
import { RecordPicker } from '@/components/form/record-picker';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import type { DealDetail } from '@/db/queries/deal-detail';
import { centsToDecimal } from '@/lib/money';
import { updateDealAction } from '../actions';

type Props = { deal: DealDetail; users: { id: number; name: string }[]; canReassign: boolean; canEdit: boolean };

/** Every field of a deal, saved with its version so that a concurrent edit is caught, not overwritten. */
export function DealForm({ deal, users, canReassign, canEdit }: Props) {
  const router = useRouter();
  const { result, pending, onSubmit, fieldErrors: errors, formError } = useFormAction(updateDealAction, { onSuccess: () => router.refresh() });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Deal details">
      <input type="hidden" name="dealId" value={deal.id} />
      <input type="hidden" name="version" value={deal.version} />
      {result?.ok ? <Alert tone="success">Saved.</Alert> : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <fieldset disabled={!canEdit || pending} className="grid gap-4 sm:grid-cols-2">
        <Field label="Title" name="title" defaultValue={deal.title} error={errors.title} className="sm:col-span-2" />
        <Field label="Value" name="valueCents" inputMode="decimal" defaultValue={centsToDecimal(deal.valueCents)} error={errors.valueCents} />
        <Field label="Expected close" name="expectedCloseDate" type="date" defaultValue={deal.expectedCloseDate ?? ''} error={errors.expectedCloseDate} />
        <RecordPicker label="Company" name="companyId" kind="company" initial={deal.companyId ? { id: deal.companyId, label: deal.companyName ?? '' } : null} error={errors.companyId} />
        <RecordPicker label="Contact" name="contactId" kind="contact" initial={deal.contactId ? { id: deal.contactId, label: deal.contactName ?? '' } : null} error={errors.contactId} />
        <Field
          label="Probability override %"
          name="probabilityOverride"
          inputMode="decimal"
          defaultValue={deal.probabilityOverrideBp === null ? '' : String(deal.probabilityOverrideBp / 100)}
          placeholder={`Stage's ${deal.stageProbabilityBp / 100}%`}
          hint="Leave empty to use the stage's probability."
          error={errors.probabilityOverride}
        />
        <Field label="Source" name="source" defaultValue={deal.source ?? ''} error={errors.source} />
        {canReassign ? (
          <SelectField label="Owner" name="ownerId" defaultValue={deal.ownerId ?? ''} error={errors.ownerId}>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <input type="hidden" name="ownerId" value={deal.ownerId ?? ''} />
        )}
      </fieldset>
      {canEdit ? (
        <div className="flex justify-end">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Save changes'}
          </Button>
        </div>
      ) : (
        <p className="text-sm text-slate-500">Only the deal’s owner, a manager or an admin can change it.</p>
      )}
    </form>
  );
}
