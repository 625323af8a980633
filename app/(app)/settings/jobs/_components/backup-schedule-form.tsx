'use client';

import { useFormAction } from '@/components/form/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { formatInstant } from '@/lib/dates';
import { MAX_BACKUPS_KEPT } from '@/lib/jobs/kinds';
import { updateBackupScheduleAction } from '../actions';

type Props = {
  /** "HH:MM", or null when the stored expression is not once a day (set by hand): saving makes it daily. */
  time: string | null;
  cron: string;
  keep: number;
  enabled: boolean;
  timeZone: string;
};

export function BackupScheduleForm({ time, cron, keep, enabled, timeZone }: Props) {
  const { result, pending, onSubmit, fieldErrors: errors, formError } = useFormAction(updateBackupScheduleAction);
  const saved = result?.ok && !pending ? result.data : null;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Backup schedule" className="space-y-4">
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="Time of day"
          name="time"
          defaultValue={time ?? ''}
          placeholder="02:00"
          maxLength={5}
          autoComplete="off"
          error={errors.time}
          hint={time === null ? `Now “${cron}”; a time here makes it once a day.` : `24-hour clock, ${timeZone} time.`}
        />
        <Field
          label="Backups kept"
          name="keep"
          defaultValue={keep}
          inputMode="numeric"
          maxLength={3}
          autoComplete="off"
          error={errors.keep}
          hint={`1 to ${MAX_BACKUPS_KEPT}; the oldest go once there are more.`}
        />
      </div>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input type="checkbox" name="enabled" defaultChecked={enabled} className="mt-0.5 size-4 rounded border-slate-300 text-brand-600 focus:ring-brand-500" />
        <span>
          Back up every day
          <span className="block text-xs text-slate-500">When off, a backup is made only when someone clicks Back up now.</span>
        </span>
      </label>
      <div className="flex flex-wrap items-center justify-end gap-3">
        {saved ? (
          <p role="status" className="text-sm text-emerald-700">
            Saved. {saved.nextRunAt === null ? 'Scheduled backups are off.' : `Next backup: ${formatInstant(saved.nextRunAt, timeZone)}.`}
          </p>
        ) : null}
        {Object.keys(errors).length > 0 ? <p className="text-sm text-red-600">Nothing was saved: see the messages beside the fields.</p> : null}
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save schedule'}
        </Button>
      </div>
    </form>
  );
}
