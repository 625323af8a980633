'use client';

import { useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import type { LeadStatus } from '@/db/schema';
import { LEAD_STATUS_LABELS, SETTABLE_STATUSES } from '@/lib/leads/schemas';
import { setLeadStatusAction } from '../actions';

type Props = { leadId: number; version: number; status: Exclude<LeadStatus, 'converted'>; reasons: { id: number; name: string }[] };

/** Moves the lead along by hand; Disqualified asks why. Converted comes from the Convert wizard. */
export function LeadStatusForm({ leadId, version, status, reasons }: Props) {
  const [chosen, setChosen] = useState<string>(status);
  const { pending, onSubmit, fieldErrors, formError } = useFormAction(setLeadStatusAction);
  return (
    <form onSubmit={onSubmit} className="space-y-3" aria-label="Lead status">
      <input type="hidden" name="leadId" value={leadId} />
      <input type="hidden" name="version" value={version} />
      <SelectField label="Status" name="status" value={chosen} onChange={(e) => setChosen(e.target.value)} error={fieldErrors.status}>
        {SETTABLE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {LEAD_STATUS_LABELS[s]}
          </option>
        ))}
      </SelectField>
      {chosen === 'disqualified' ? (
        <SelectField label="Why" name="disqualifyReasonId" defaultValue="" error={fieldErrors.disqualifyReasonId}>
          <option value="">Choose a reason…</option>
          {reasons.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      {formError ? <p className="text-sm text-red-600">{formError}</p> : null}
      <Button type="submit" variant="secondary" disabled={pending || chosen === status}>
        {pending ? 'Saving…' : 'Set status'}
      </Button>
    </form>
  );
}
