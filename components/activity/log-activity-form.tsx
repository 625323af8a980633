'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { logActivityAction } from '@/app/(app)/contacts/actions';
import { addDays } from '@/lib/dates';

type Props = { contactId?: number; companyId?: number; dealId?: number; leadId?: number; today: string };

/** Log what happened and, in the same step, schedule what happens next. */
export function LogActivityForm({ contactId, companyId, dealId, leadId, today }: Props) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [type, setType] = useState('call');
  const [followUp, setFollowUp] = useState(false);
  const { result, pending, onSubmit, fieldErrors: errors, formError } = useFormAction(logActivityAction, {
    resetOnSuccess: true,
    onSuccess: () => {
      setFollowUp(false);
      setType('call');
      router.refresh();
    },
  });

  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate className="space-y-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-label="Log activity">
      <h2 className="text-sm font-semibold text-slate-900">Log activity</h2>
      {contactId ? <input type="hidden" name="contactId" value={contactId} /> : null}
      {companyId ? <input type="hidden" name="companyId" value={companyId} /> : null}
      {dealId ? <input type="hidden" name="dealId" value={dealId} /> : null}
      {leadId ? <input type="hidden" name="leadId" value={leadId} /> : null}
      {result?.ok ? <Alert tone="success">Logged{result.data.taskId ? ', and the follow-up is on your task list' : ''}.</Alert> : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-[10rem_1fr]">
        <SelectField label="Type" name="type" value={type} onChange={(e) => setType(e.target.value)} error={errors.type}>
          <option value="call">Call</option>
          <option value="email">Email</option>
          <option value="meeting">Meeting</option>
          <option value="note">Note</option>
        </SelectField>
        <Field label="Subject" name="subject" error={errors.subject} placeholder="What was it about?" required />
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="When" name="date" type="date" defaultValue={today} error={errors.date} required />
        {type === 'call' ? (
          <SelectField label="Outcome" name="outcome" defaultValue="connected" error={errors.outcome}>
            <option value="connected">Connected</option>
            <option value="no_answer">No answer</option>
            <option value="left_voicemail">Left voicemail</option>
          </SelectField>
        ) : null}
      </div>
      <div>
        <label htmlFor="log-notes" className="mb-1 block text-sm font-medium text-slate-700">
          Notes
        </label>
        <textarea id="log-notes" name="body" rows={3} className="block w-full rounded-lg border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500" />
      </div>
      <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
        <input type="checkbox" name="followUp" className="size-4 rounded border-slate-300" checked={followUp} onChange={(e) => setFollowUp(e.target.checked)} />
        Schedule a follow-up task
      </label>
      {followUp ? (
        <div className="grid gap-3 rounded-lg bg-slate-50 p-3 sm:grid-cols-[1fr_11rem]">
          <Field label="Follow-up subject" name="followUpSubject" error={errors.followUpSubject} placeholder="Call back, send proposal…" />
          <Field label="Due" name="followUpDue" type="date" defaultValue={addDays(today, 2)} error={errors.followUpDue} />
        </div>
      ) : null}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Log activity'}
        </Button>
      </div>
    </form>
  );
}
