'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, SelectField, TextAreaField } from '@/components/ui/field';
import type { FormField } from '@/lib/leads/forms';
import { createFormAction, updateFormAction } from '../actions';
import { FieldRows, type FieldOption } from './field-rows';

export type EditorForm = {
  id: number | null;
  version: number;
  name: string;
  slug: string;
  fields: FormField[];
  consentEnabled: boolean;
  consentText: string;
  thankYouMessage: string;
  redirectUrl: string;
  ownerMode: 'user' | 'round_robin';
  ownerId: number | null;
  roundRobinUserIds: number[];
  sourceId: number | null;
  tags: string[];
  allowedOrigins: string;
  turnstileSiteKey: string;
  turnstileSecret: string;
  active: boolean;
};

type Option = { id: number; name: string };

function Section({ title, description, children }: { title: string; description?: string; children: React.ReactNode }) {
  return (
    <Card className="p-5">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {description ? <p className="mt-1 text-sm text-slate-500">{description}</p> : null}
      <div className="mt-4 space-y-4">{children}</div>
    </Card>
  );
}

const radio = 'size-4 border-slate-300 text-brand-600 focus:ring-brand-500';
const check = 'size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500';

/** Creates or edits a web form: what it asks, what the visitor agrees to and sees, who gets the leads. */
export function FormEditor({ form, users, sources, fieldOptions }: { form: EditorForm; users: Option[]; sources: Option[]; fieldOptions: FieldOption[] }) {
  const router = useRouter();
  const [fields, setFields] = useState(form.fields);
  const [consent, setConsent] = useState(form.consentEnabled);
  const [afterSend, setAfterSend] = useState<'message' | 'redirect'>(form.redirectUrl ? 'redirect' : 'message');
  const [ownerMode, setOwnerMode] = useState(form.ownerMode);
  const editing = form.id !== null;
  const { result, pending, onSubmit, fieldErrors: errors, formError } = useFormAction(editing ? updateFormAction : createFormAction, {
    onSuccess: (data) => {
      if (!editing) router.push(`/settings/forms/${data.id}?created=1`);
      else router.refresh();
    },
  });
  const fieldsError = Object.entries(errors).find(([k]) => k === 'fields' || k.startsWith('fields.'))?.[1];

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={editing ? 'Edit form' : 'New form'}>
      {editing ? (
        <>
          <input type="hidden" name="formId" value={form.id ?? ''} />
          <input type="hidden" name="version" value={form.version} />
        </>
      ) : null}
      <input type="hidden" name="fields" value={JSON.stringify(fields)} />

      <Section title="Form">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Form name" name="name" defaultValue={form.name} error={errors.name} placeholder="e.g. Contact us" autoComplete="off" required />
          <Field
            label="Address (slug)"
            name="slug"
            defaultValue={form.slug}
            error={errors.slug}
            hint="The form lives at /f/<slug>. Left empty, it is made from the name."
            placeholder="contact-us"
            autoComplete="off"
          />
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="active" defaultChecked={form.active} className={check} />
          Active: the form accepts submissions
        </label>
      </Section>

      <Section title="What it asks">
        <FieldRows fields={fields} options={fieldOptions} onChange={setFields} error={fieldsError} />
        <div className="border-t border-slate-100 pt-4">
          <label className="flex items-center gap-2 text-sm font-medium text-slate-700">
            <input type="checkbox" name="consentEnabled" checked={consent} onChange={(e) => setConsent(e.target.checked)} className={check} />
            Ask for consent with a checkbox
          </label>
          {consent ? (
            <TextAreaField
              className="mt-3"
              label="Consent wording"
              name="consentText"
              rows={2}
              defaultValue={form.consentText}
              error={errors.consentText}
              hint="Kept with each lead exactly as shown, with the time and address it was given from."
            />
          ) : (
            <input type="hidden" name="consentText" value={form.consentText} />
          )}
        </div>
      </Section>

      <Section title="After sending">
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-700" role="radiogroup" aria-label="After sending">
          <label className="flex items-center gap-2">
            <input type="radio" name="afterSend" value="message" checked={afterSend === 'message'} onChange={() => setAfterSend('message')} className={radio} />
            Show a thank-you message
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="afterSend" value="redirect" checked={afterSend === 'redirect'} onChange={() => setAfterSend('redirect')} className={radio} />
            Go to a page
          </label>
        </div>
        {afterSend === 'message' ? (
          <TextAreaField label="Thank-you message" name="thankYouMessage" rows={2} defaultValue={form.thankYouMessage} error={errors.thankYouMessage} placeholder="Thank you! We got your message and will be in touch soon." />
        ) : (
          <Field label="Redirect to" name="redirectUrl" type="url" defaultValue={form.redirectUrl} error={errors.redirectUrl} placeholder="https://example.com/thanks" />
        )}
      </Section>

      <Section title="The leads it makes" description="Each new lead gets its owner's First contact task. A second submission with the same email updates that lead instead.">
        <div className="flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-700" role="radiogroup" aria-label="Who gets the leads">
          <label className="flex items-center gap-2">
            <input type="radio" name="ownerMode" value="user" checked={ownerMode === 'user'} onChange={() => setOwnerMode('user')} className={radio} />
            One user
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="ownerMode" value="round_robin" checked={ownerMode === 'round_robin'} onChange={() => setOwnerMode('round_robin')} className={radio} />
            Round-robin
          </label>
        </div>
        {ownerMode === 'user' ? (
          <SelectField label="Owner" name="ownerId" defaultValue={form.ownerId ?? ''} error={errors.ownerId}>
            <option value="">Choose a user…</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <fieldset>
            <legend className="mb-1 text-sm font-medium text-slate-700">Take turns</legend>
            <p className="mb-2 text-xs text-slate-500">New leads go to each in turn; a user who is deactivated later is skipped.</p>
            <div className="grid gap-2 sm:grid-cols-2">
              {users.map((u) => (
                <label key={u.id} className="flex items-center gap-2 text-sm text-slate-700">
                  <input type="checkbox" name="roundRobinUserIds" value={u.id} defaultChecked={form.roundRobinUserIds.includes(u.id)} className={check} />
                  {u.name}
                </label>
              ))}
            </div>
            {errors.roundRobinUserIds ? <p className="mt-1 text-sm text-red-600">{errors.roundRobinUserIds}</p> : null}
          </fieldset>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Source" name="sourceId" defaultValue={form.sourceId ?? ''} error={errors.sourceId}>
            <option value="">No source</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </SelectField>
          <Field label="Tags" name="tags" defaultValue={form.tags.join(', ')} error={errors.tags ?? errors['tags.0']} hint="Separated by commas" autoComplete="off" />
        </div>
      </Section>

      <Section title="Other sites" description="Sites that may show this form in an iframe or send it from their own pages. Leave empty to allow only the hosted page.">
        <TextAreaField
          label="Allowed origins"
          name="allowedOrigins"
          rows={3}
          defaultValue={form.allowedOrigins}
          error={errors.allowedOrigins}
          placeholder={'https://www.example.com\nhttps://*.example.com'}
          hint="One a line: scheme and host, no path."
        />
        <details className="rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-slate-200" open={Boolean(form.turnstileSiteKey)}>
          <summary className="cursor-pointer text-sm font-medium text-slate-700">Cloudflare Turnstile (optional)</summary>
          <p className="mt-2 text-xs text-slate-500">Spam protection works without it (hidden field, minimum fill time, links in names, 5 sends per address in 10 minutes). Add your Turnstile keys for a human check on top.</p>
          <div className="mt-3 grid gap-4 pb-2 sm:grid-cols-2">
            <Field label="Site key" name="turnstileSiteKey" defaultValue={form.turnstileSiteKey} error={errors.turnstileSiteKey} autoComplete="off" />
            <Field label="Secret key" name="turnstileSecret" type="password" defaultValue={form.turnstileSecret} error={errors.turnstileSecret} autoComplete="off" />
          </div>
        </details>
      </Section>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : editing ? 'Save form' : 'Create form'}
        </Button>
        {formError ? <Alert>{formError}</Alert> : null}
        {result && !result.ok && !formError ? <p className="text-sm text-red-600">{result.error}</p> : null}
        {result?.ok && editing ? <Alert tone="success">Saved.</Alert> : null}
      </div>
    </form>
  );
}
