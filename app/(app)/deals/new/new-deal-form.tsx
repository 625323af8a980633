'use client';

import Link from 'next/link';
import { useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { RecordPicker } from '@/components/form/record-picker';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, SelectField } from '@/components/ui/field';
import { createDealAction } from './actions';

type Props = {
  pipelines: { id: number; name: string; stages: { id: number; name: string; probabilityBp: number }[] }[];
  initialPipelineId: number;
  users: { id: number; name: string }[];
  me: number;
  canReassign: boolean;
  company: { id: number; label: string } | null;
  contact: { id: number; label: string } | null;
};

export function NewDealForm({ pipelines, initialPipelineId, users, me, canReassign, company, contact }: Props) {
  const [pipelineId, setPipelineId] = useState(initialPipelineId);
  const { pending, onSubmit, fieldErrors: errors, formError } = useFormAction(createDealAction);
  const stages = pipelines.find((p) => p.id === pipelineId)?.stages ?? [];
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {formError ? <Alert>{formError}</Alert> : null}
      <Card className="grid gap-4 p-5 sm:grid-cols-2">
        <Field label="Title" name="title" error={errors.title} className="sm:col-span-2" autoFocus placeholder="Acme — annual licence" />
        <Field label="Value" name="valueCents" inputMode="decimal" placeholder="0.00" error={errors.valueCents} />
        <Field label="Expected close" name="expectedCloseDate" type="date" error={errors.expectedCloseDate} />
        <SelectField label="Pipeline" name="pipelineId" value={pipelineId} onChange={(e) => setPipelineId(Number(e.target.value))} error={errors.pipelineId}>
          {pipelines.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Stage" name="stageId" key={pipelineId} defaultValue={stages[0]?.id} error={errors.stageId}>
          {stages.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.probabilityBp / 100}%)
            </option>
          ))}
        </SelectField>
        <RecordPicker label="Company" name="companyId" kind="company" initial={company} error={errors.companyId} />
        <RecordPicker label="Contact" name="contactId" kind="contact" initial={contact} error={errors.contactId} />
        <Field label="Source" name="source" error={errors.source} placeholder="Website, referral, event…" />
        {canReassign ? (
          <SelectField label="Owner" name="ownerId" defaultValue={me} error={errors.ownerId}>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
        ) : null}
      </Card>
      <div className="flex justify-end gap-2">
        <Link href="/deals" className={buttonClass('ghost')}>
          Cancel
        </Link>
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create deal'}
        </Button>
      </div>
    </form>
  );
}
