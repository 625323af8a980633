'use client';

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
      {/* Tells password managers whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={errors.currentPassword} required className="sm:max-w-sm" />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          error={errors.newPassword}
          hint="At least 8 characters, and not a common one."
          required
        />
        <Field label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" error={errors.confirmPassword} required />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
