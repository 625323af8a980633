'use client';

import { useFormAction } from '@/components/form/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { resetPasswordAction } from './actions';

export function ResetForm({ token, email }: { token: string; email: string }) {
  const { pending, onSubmit, fieldErrors: errors, formError } = useFormAction(resetPasswordAction);

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {formError ? <Alert>{formError}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      {/* Tells password managers whose password this is. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        error={errors.newPassword}
        hint="At least 8 characters, and not a common one."
        required
        autoFocus
      />
      <Field label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" error={errors.confirmPassword} required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Saving…' : 'Set new password'}
      </Button>
    </form>
  );
}
