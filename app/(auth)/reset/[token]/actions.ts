'use server';

import { redirect } from 'next/navigation';
import { resetPassword } from '@/db/queries/password-resets';
import { definePublicAction } from '@/lib/actions';
import { throttleAddress } from '@/lib/auth/address';
import { resetPasswordSchema } from '@/lib/users/schemas';

/** Sets the new password from a reset link (which ends every session of the user), then on to sign in. */
export const resetPasswordAction = definePublicAction({ schema: resetPasswordSchema }, async (input, { db }) => {
  resetPassword(db, { token: input.token, newPassword: input.newPassword, ip: await throttleAddress() }, Date.now());
  redirect('/login?reset=done');
});
