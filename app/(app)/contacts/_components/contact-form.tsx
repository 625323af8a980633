'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { OwnerField, SaveOrCancel, TagsField } from '@/components/form/customer-fields';
import { useFormAction } from '@/components/form/use-form-action';
import { LikelyDuplicates } from '@/components/records/likely-duplicates';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { Field, TextAreaField, inputClass } from '@/components/ui/field';
import { createContactAction, updateContactAction } from '../actions';
import { findLikelyContactsAction } from '../duplicates/actions';

export type ContactFormValues = {
  id?: number;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  /** One a line. */
  otherEmails?: string | null;
  otherPhones?: string | null;
  title: string | null;
  companyName: string | null;
  ownerId: number | null;
  tags: string[];
  address: string | null;
  source: string | null;
  notes: string | null;
};

type Props = { values?: ContactFormValues; users: { id: number; name: string }[]; canReassign: boolean };

// What the "this looks like" check reads: everything a duplicate is recognised by.
const MATCHED_FIELDS = ['firstName', 'lastName', 'email', 'otherEmails', 'phone', 'otherPhones', 'companyName'] as const;

export function ContactForm({ values, users, canReassign }: Props) {
  const router = useRouter();
  const action = values?.id ? updateContactAction : createContactAction;
  const { result, pending, onSubmit, fieldErrors: errors, formError } = useFormAction(action, {
    onSuccess: (data) => router.push(`/contacts/${data.id}`),
  });
  const duplicate = result && !result.ok ? result.details : undefined;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      {values?.id ? <input type="hidden" name="contactId" value={values.id} /> : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <Card className="grid gap-4 p-5 sm:grid-cols-2">
        <Field label="First name" name="firstName" defaultValue={values?.firstName} error={errors.firstName} required autoFocus={!values} />
        <Field label="Last name" name="lastName" defaultValue={values?.lastName} error={errors.lastName} />
        <div>
          <Field label="Email" name="email" type="email" defaultValue={values?.email ?? ''} error={errors.email} />
          {duplicate?.duplicateContactId ? (
            <Link href={`/contacts/${duplicate.duplicateContactId}`} className="mt-1 inline-block text-sm font-medium text-brand-700 underline">
              Open {duplicate.duplicateContactName}
            </Link>
          ) : null}
        </div>
        <Field label="Phone" name="phone" type="tel" defaultValue={values?.phone ?? ''} error={errors.phone} />
        <TextAreaField label="Other emails" name="otherEmails" rows={2} defaultValue={values?.otherEmails ?? ''} error={errors.otherEmails} hint="One a line, up to 10." />
        <TextAreaField label="Other phones" name="otherPhones" rows={2} defaultValue={values?.otherPhones ?? ''} error={errors.otherPhones} hint="One a line, up to 10." />
        <Field label="Company" name="companyName" defaultValue={values?.companyName ?? ''} error={errors.companyName} hint="An existing company, or a new one to create." />
        <Field label="Job title" name="title" defaultValue={values?.title ?? ''} error={errors.title} />
        {/* Below every field it reads, so that its appearing never moves the field being typed in. */}
        <LikelyDuplicates
          find={findLikelyContactsAction}
          fields={MATCHED_FIELDS}
          extra={values?.id ? { contactId: values.id } : undefined}
          noun="contact"
          checkNow={Boolean(values?.id)}
          className="sm:col-span-2"
        />
        {canReassign ? <OwnerField users={users} defaultValue={values?.ownerId} error={errors.ownerId} /> : null}
        <TagsField tags={values?.tags} error={errors.tags} />
        <Field label="Source" name="source" defaultValue={values?.source ?? ''} error={errors.source} placeholder="Website, referral, event…" />
        <Field label="Address" name="address" defaultValue={values?.address ?? ''} error={errors.address} className="sm:col-span-2" />
        <div className="sm:col-span-2">
          <label htmlFor="contact-notes" className="mb-1 block text-sm font-medium text-slate-700">
            Notes
          </label>
          <textarea id="contact-notes" name="notes" rows={4} defaultValue={values?.notes ?? ''} className={inputClass} />
          {errors.notes ? <p className="mt-1 text-sm text-red-600">{errors.notes}</p> : null}
        </div>
      </Card>
      <SaveOrCancel pending={pending} label={values?.id ? 'Save contact' : 'Create contact'} />
    </form>
  );
}
