'use client';

import { useState, useTransition } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { PaymentTermsFields } from '@/components/quotes/payment-terms-fields';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, SelectField, TextAreaField } from '@/components/ui/field';
import { REPS_SEE } from '@/db/schema';
import type { WorkspaceSettings } from '@/db/queries/workspace';
import { formatScaled } from '@/lib/numbers';
import { REPS_SEE_LABELS } from '@/lib/workspace/changes';
import { MONTH_NAMES, type Option } from '@/lib/workspace/options';
import { LOGO_MAX_BYTES, LOGO_TOO_BIG } from '@/lib/workspace/schemas';
import { removeLogoAction, updateWorkspaceAction } from '../actions';

type Props = {
  settings: WorkspaceSettings;
  version: number;
  logoSrc: string | null;
  currencyHint: string;
  options: { currencies: Option[]; timeZones: Option[]; countries: Option[] };
};

function Section({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <Card className="p-4 sm:p-5">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <p className="mt-0.5 mb-4 text-sm text-slate-500">{description}</p>
      <div className="grid gap-4 sm:grid-cols-2">{children}</div>
    </Card>
  );
}

const options = (list: Option[]) =>
  list.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));

export function WorkspaceForm({ settings: ws, version, logoSrc, currencyHint, options: lists }: Props) {
  // Remounting the file input empties it: after a save the chosen file is stored and must not be sent again.
  const [logoInputKey, setLogoInputKey] = useState(0);
  const [logoTooBig, setLogoTooBig] = useState(false);
  const [removing, startRemoving] = useTransition();
  const [removeError, setRemoveError] = useState<string | null>(null);
  const { result, pending, onSubmit, fieldErrors: errors, formError } = useFormAction(updateWorkspaceAction, {
    onSuccess: () => setLogoInputKey((k) => k + 1),
  });
  const changed = result?.ok ? result.data.changed : null;

  // A file over the limit is refused here, before it is sent; the server checks again.
  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    if (logoTooBig) return event.preventDefault();
    onSubmit(event);
  };
  const removeLogo = () =>
    startRemoving(async () => {
      const r = await removeLogoAction({});
      setRemoveError(r.ok ? null : r.error);
    });

  return (
    <form onSubmit={submit} noValidate className="min-w-0 space-y-6" aria-label="Workspace settings">
      <input type="hidden" name="updatedAt" value={version} />
      {formError ? <Alert>{formError}</Alert> : null}

      <Section title="Company" description="Printed at the top of every quote, on its PDF and on the customer's page.">
        <Field label="Company name" name="name" defaultValue={ws.name} error={errors.name} autoComplete="organization" className="sm:col-span-2" />
        <TextAreaField label="Address" name="address" defaultValue={ws.address} error={errors.address} rows={3} autoComplete="street-address" />
        <Field label="Tax ID" name="taxId" defaultValue={ws.taxId} error={errors.taxId} hint="VAT, GST or EIN number, as it should be printed." />
        <div className="sm:col-span-2">
          <Field
            key={logoInputKey}
            label="Logo"
            name="logo"
            type="file"
            accept="image/png,image/jpeg,image/svg+xml"
            error={logoTooBig ? LOGO_TOO_BIG : errors.logo}
            hint="PNG, JPEG or SVG up to 1 MB. Shown in the menu and on quotes; PDFs show PNG and JPEG logos, and the company name for an SVG."
            onChange={(e) => setLogoTooBig((e.target.files?.[0]?.size ?? 0) > LOGO_MAX_BYTES)}
            className="[&_input]:py-1.5 [&_input]:file:mr-3 [&_input]:file:rounded-md [&_input]:file:border-0 [&_input]:file:bg-slate-100 [&_input]:file:px-3 [&_input]:file:py-1 [&_input]:file:text-sm [&_input]:file:font-medium [&_input]:file:text-slate-800"
          />
          {logoSrc ? (
            <div className="mt-3 flex flex-wrap items-center gap-3">
              {/* An <img>, never inline: an SVG drawn as an image runs no script and loads nothing. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={logoSrc} alt="Current logo" data-testid="current-logo" className="h-12 max-w-48 rounded-md bg-slate-50 object-contain p-1 ring-1 ring-slate-200" />
              <Button type="button" variant="secondary" size="sm" onClick={removeLogo} disabled={removing}>
                {removing ? 'Removing…' : 'Remove logo'}
              </Button>
              {removeError ? <p className="text-sm text-red-600">{removeError}</p> : null}
            </div>
          ) : null}
        </div>
      </Section>

      <Section title="Money and time" description="How every amount and date in the workspace is read.">
        <SelectField label="Currency" name="currency" defaultValue={ws.currency} error={errors.currency} hint={currencyHint}>
          {options(lists.currencies)}
        </SelectField>
        <SelectField label="Time zone" name="timezone" defaultValue={ws.timezone} error={errors.timezone} hint="Days, months and due dates are counted here.">
          {options(lists.timeZones)}
        </SelectField>
        <SelectField label="Fiscal year starts" name="fiscalYearStartMonth" defaultValue={String(ws.fiscalYearStartMonth)} error={errors.fiscalYearStartMonth} hint="Fiscal quarters and years in forecasts and reports start here.">
          {MONTH_NAMES.map((m, i) => (
            <option key={m} value={i + 1}>
              {m}
            </option>
          ))}
        </SelectField>
        <SelectField label="Default country" name="defaultCountry" defaultValue={ws.defaultCountry} error={errors.defaultCountry} hint="For phone numbers and addresses given without one.">
          {options(lists.countries)}
        </SelectField>
      </Section>

      <Section title="New quotes" description="What a new quote starts with; each quote keeps its own copy once saved.">
        <Field label="Default tax rate" name="defaultTaxRateBp" defaultValue={formatScaled(ws.defaultTaxRateBp, 2)} inputMode="decimal" error={errors.defaultTaxRateBp} hint="Percent, for new lines; a product's own rate wins." />
        <Field label="Quote validity (days)" name="quoteValidityDays" defaultValue={ws.quoteValidityDays} inputMode="numeric" error={errors.quoteValidityDays} hint="Valid until is today plus this." />
        <PaymentTermsFields
          names={{ terms: 'defaultPaymentTerms', text: 'defaultPaymentTermsText' }}
          initial={{ terms: ws.defaultPaymentTerms, text: ws.defaultPaymentTermsText }}
          errors={{ terms: errors.defaultPaymentTerms, text: errors.defaultPaymentTermsText }}
          textLabel="Custom terms"
        />
      </Section>

      <Section title="Deals and access" description="Defaults for the pipeline, and what reps may open.">
        <Field label="Days before a deal rots" name="defaultRotDays" defaultValue={ws.defaultRotDays} inputMode="numeric" error={errors.defaultRotDays} hint="Given to new stages; each stage can differ. 0 turns rotting off." />
        <SelectField label="Reps see" name="repsSee" defaultValue={ws.repsSee} error={errors.repsSee} hint="Managers and admins always see everything.">
          {REPS_SEE.map((r) => (
            <option key={r} value={r}>
              {REPS_SEE_LABELS[r]}
            </option>
          ))}
        </SelectField>
      </Section>

      <div className="flex flex-wrap items-center justify-end gap-3">
        {changed !== null && !pending ? (
          <p role="status" className="text-sm text-emerald-700">
            {changed === 0 ? 'Nothing to save: no setting changed.' : `Saved. ${changed === 1 ? '1 setting' : `${changed} settings`} changed.`}
          </p>
        ) : null}
        {Object.keys(errors).length > 0 ? <p className="text-sm text-red-600">Nothing was saved: see the messages beside the fields.</p> : null}
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save settings'}
        </Button>
      </div>
    </form>
  );
}
