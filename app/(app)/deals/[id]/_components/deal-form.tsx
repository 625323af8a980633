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
  // An inactive owner is not in the list of active users, but must still show as the owner.
  const owners = deal.ownerId !== null && !users.some((u) => u.id === deal.ownerId) ? [...users, { id: deal.ownerId, name: deal.ownerName ?? 'Former user' }] : users;
  const stagePercent = deal.stageProbabilityBp / 100;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Deal details">
      <input type="hidden" name="dealId" value={deal.id} />
      <input type="hidden" name="version" value={deal.version} />
      {result?.ok ? <Alert tone="success">Saved.</Alert> : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <fieldset disabled={!canEdit || pending} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-1 [&:disabled_:is(input,select)]:bg-slate-50 [&:disabled_:is(input,select)]:text-slate-500">
        <Field label="Title" name="title" defaultValue={deal.title} error={errors.title} className="sm:col-span-2 lg:col-span-1" />
        <Field label="Value" name="valueCents" inputMode="decimal" defaultValue={centsToDecimal(deal.valueCents)} error={errors.valueCents} />
        <Field label="Expected close" name="expectedCloseDate" type="date" defaultValue={deal.expectedCloseDate ?? ''} error={errors.expectedCloseDate} />
        <RecordPicker label="Company" name="companyId" kind="company" initial={deal.companyId ? { id: deal.companyId, label: deal.companyName ?? '' } : null} error={errors.companyId} />
        <RecordPicker label="Contact" name="contactId" kind="contact" initial={deal.contactId ? { id: deal.contactId, label: deal.contactName ?? '' } : null} error={errors.contactId} />
        <Field label="Source" name="source" defaultValue={deal.source ?? ''} error={errors.source} placeholder="Website, referral, event…" />
        <Field
          label="Probability override %"
          name="probabilityOverride"
          inputMode="decimal"
          defaultValue={deal.probabilityOverrideBp === null ? '' : String(deal.probabilityOverrideBp / 100)}
          placeholder={`Use stage's (${stagePercent}%)`}
          hint={`Leave empty to use the stage's probability (${stagePercent}%).`}
          error={errors.probabilityOverride}
        />
        <SelectField label="Owner" name="ownerId" defaultValue={deal.ownerId ?? ''} error={errors.ownerId} disabled={!canReassign} className="sm:col-span-2 lg:col-span-1 [&_select:disabled]:bg-slate-50 [&_select:disabled]:text-slate-500">
          {deal.ownerId === null ? <option value="">Nobody</option> : null}
          {owners.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        {!canReassign ? <p className="-mt-3 text-xs text-slate-500 sm:col-span-2 lg:col-span-1">Only a manager or an admin can reassign a deal.</p> : null}
      </fieldset>
      {canEdit ? (
        <div className="flex justify-end">
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Save changes'}
          </Button>
        </div>
      ) : null}
    </form>
  );
}
