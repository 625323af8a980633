'use client';

import { NewPasswordFields } from '@/components/form/new-password-fields';
import { useFormAction } from '@/components/form/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { changePasswordAction } from '../actions';

function signedOutText(n: number): string {
  if (n === 0) return 'Your password is changed.';
  return `Your password is changed, and ${n} other ${n === 1 ? 'browser was' : 'browsers were'} signed out.`;
}

export function ChangePasswordForm({ email }: { email: string }) {
  const { result, pending, onSubmit, fieldErrors: errors, formError } = useFormAction(changePasswordAction, { resetOnSuccess: true });

  return (
    <form onSubmit={onSubmit} className="mt-4 space-y-4" noValidate data-testid="change-password">
      {result?.ok ? <Alert tone="success">{signedOutText(result.data.endedSessions)}</Alert> : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={errors.currentPassword} required className="sm:max-w-sm" />
      <NewPasswordFields email={email} errors={errors} className="grid gap-4 sm:grid-cols-2" />
      <Button type="submit" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
