'use client';

import { useFormAction } from '@/components/form/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { LeadSettings } from '@/lib/leads/scoring';
import { updateLeadSettingsAction } from '../actions';

/** The workspace's lead settings, saved with the same version check as the workspace settings. */
export function LeadSettingsForm({ settings, version }: { settings: LeadSettings; version: number }) {
  const { result, pending, onSubmit, fieldErrors: errors, formError } = useFormAction(updateLeadSettingsAction);
  const changed = result?.ok ? result.data.changed : null;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Lead settings" className="space-y-4">
      <input type="hidden" name="updatedAt" value={version} />
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-3">
        <Field
          label="Hot from score"
          name="leadHotThreshold"
          defaultValue={settings.leadHotThreshold}
          inputMode="numeric"
          error={errors.leadHotThreshold}
          hint="Leads at or above it are marked hot in the list."
        />
        <Field
          label="First contact due within"
          name="leadFirstContactHours"
          defaultValue={settings.leadFirstContactHours}
          inputMode="numeric"
          error={errors.leadFirstContactHours}
          hint="Working hours after a new lead arrives, for its owner's “First contact” task."
        />
        <Field
          label="Engagement fades by"
          name="leadEngagementDecayPct"
          defaultValue={settings.leadEngagementDecayPct}
          inputMode="numeric"
          error={errors.leadEngagementDecayPct}
          hint="Percent a month; 0 = never. Fit points never fade."
        />
      </div>
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
