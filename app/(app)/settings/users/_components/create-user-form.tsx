'use client';

import { useFormAction } from '@/components/form/use-form-action';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';
import { createUserAction } from '../actions';

export function CreateUserForm() {
  const { result, pending, onSubmit, fieldErrors: errors, formError } = useFormAction(createUserAction, { resetOnSuccess: true });

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {result?.ok ? <Alert tone="success">{result.data.name} can now sign in.</Alert> : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <Field label="Name" name="name" autoComplete="off" error={errors.name} required />
      <Field label="Email" name="email" type="email" autoComplete="off" error={errors.email} required />
      <SelectField label="Role" name="role" defaultValue="rep" error={errors.role}>
        <option value="rep">Sales rep</option>
        <option value="manager">Manager</option>
        <option value="admin">Admin</option>
      </SelectField>
      <Field
        label="Initial password"
        name="password"
        type="password"
        autoComplete="new-password"
        error={errors.password}
        hint="At least 8 characters. Share it with them privately."
        required
      />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Adding…' : 'Add user'}
      </Button>
    </form>
  );
}
