'use client';

import { NewPasswordFields } from '@/components/form/new-password-fields';
import { useFormAction } from '@/components/form/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { resetPasswordAction } from './actions';

export function ResetForm({ token, email }: { token: string; email: string }) {
  const { pending, onSubmit, fieldErrors: errors, formError } = useFormAction(resetPasswordAction);

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {formError ? <Alert>{formError}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields email={email} errors={errors} autoFocus className="space-y-4" />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Saving…' : 'Set new password'}
      </Button>
    </form>
  );
}
