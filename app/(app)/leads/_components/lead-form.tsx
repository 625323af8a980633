'use client';

import { useRouter } from 'next/navigation';
import { OwnerField, SaveOrCancel, TagsField } from '@/components/form/customer-fields';
import { useFormAction } from '@/components/form/use-form-action';
import { LikelyDuplicates } from '@/components/records/likely-duplicates';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { Field, SelectField, TextAreaField } from '@/components/ui/field';
import { createLeadAction, findLikelyForLeadAction, updateLeadAction } from '../actions';

export type LeadFormValues = {
  id: number;
  version: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  companyName: string | null;
  title: string | null;
  website: string | null;
  country: string | null;
  sourceId: number | null;
  ownerId: number | null;
  notes: string | null;
  tags: string[];
};

type Props = {
  values?: LeadFormValues;
  users: { id: number; name: string }[];
  sources: { id: number; name: string }[];
  canReassign: boolean;
  /** The source a new lead starts with (typed by hand: no source unless chosen). */
  defaultSourceId?: number | null;
};

// What the "this looks like" check reads: an existing lead, contact or company is recognised by these.
const MATCHED_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'companyName', 'website'] as const;

export function LeadForm({ values, users, sources, canReassign, defaultSourceId = null }: Props) {
  const router = useRouter();
  const action = values ? updateLeadAction : createLeadAction;
  const { pending, onSubmit, fieldErrors: errors, formError } = useFormAction(action, {
    onSuccess: (data) => router.push(`/leads/${data.id}`),
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6" aria-label={values ? 'Edit lead' : 'New lead'}>
      {values ? (
        <>
          <input type="hidden" name="leadId" value={values.id} />
          <input type="hidden" name="version" value={values.version} />
        </>
      ) : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <Card className="grid grid-cols-1 gap-4 p-5 sm:grid-cols-2">
        <Field label="First name" name="firstName" defaultValue={values?.firstName} error={errors.firstName} autoFocus={!values} hint={values ? undefined : 'A name or an email is enough to start.'} />
        <Field label="Last name" name="lastName" defaultValue={values?.lastName} error={errors.lastName} />
        <Field label="Email" name="email" type="email" defaultValue={values?.email ?? ''} error={errors.email} />
        <Field label="Phone" name="phone" type="tel" defaultValue={values?.phone ?? ''} error={errors.phone} />
        <Field label="Company" name="companyName" defaultValue={values?.companyName ?? ''} error={errors.companyName} />
        <Field label="Job title" name="title" defaultValue={values?.title ?? ''} error={errors.title} />
        <Field label="Website" name="website" defaultValue={values?.website ?? ''} error={errors.website} placeholder="example.com" />
        <Field label="Country" name="country" defaultValue={values?.country ?? ''} error={errors.country} placeholder="US" maxLength={2} hint="Two letters, like US or DE." />
        {/* Below the fields it reads, so that its appearing never moves the field being typed in. */}
        <LikelyDuplicates find={findLikelyForLeadAction} fields={MATCHED_FIELDS} extra={values ? { leadId: values.id } : undefined} noun="lead" checkNow={Boolean(values)} className="sm:col-span-2" />
        <SelectField label="Source" name="sourceId" defaultValue={values?.sourceId ?? defaultSourceId ?? ''} error={errors.sourceId}>
          <option value="">Not known</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </SelectField>
        {canReassign ? <OwnerField users={users} defaultValue={values?.ownerId} error={errors.ownerId} /> : null}
        <TagsField tags={values?.tags} error={errors.tags} />
        <TextAreaField label="Notes" name="notes" rows={4} defaultValue={values?.notes ?? ''} error={errors.notes} className="sm:col-span-2" />
      </Card>
      <SaveOrCancel pending={pending} label={values ? 'Save lead' : 'Create lead'} />
    </form>
  );
}
