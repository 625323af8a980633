import { Field } from '@/components/ui/field';

/**
 * A new password and its repeat, as every form that sets one asks for them (profile, reset link), with
 * the account's email for password managers, which file the new password under it.
 */
export function NewPasswordFields({ email, errors, autoFocus, className }: { email: string; errors: Record<string, string>; autoFocus?: boolean; className?: string }) {
  return (
    <>
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <div className={className}>
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          error={errors.newPassword}
          hint="At least 8 characters, and not a common one."
          required
          autoFocus={autoFocus}
        />
        <Field label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" error={errors.confirmPassword} required />
      </div>
    </>
  );
}
