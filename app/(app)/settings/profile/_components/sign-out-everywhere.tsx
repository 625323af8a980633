'use client';

import { signOut } from 'next-auth/react';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { signOutEverywhereAction } from '../actions';

/** Ends every session of the user on the server, then clears this browser's cookie and goes to sign in. */
export function SignOutEverywhere() {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function run() {
    setError(null);
    startTransition(async () => {
      const result = await signOutEverywhereAction({});
      if (!result.ok) return setError(result.error);
      await signOut({ callbackUrl: '/login' });
    });
  }

  return (
    <div className="mt-4 space-y-3">
      {error ? <Alert>{error}</Alert> : null}
      <Button type="button" variant="danger" disabled={pending} onClick={run}>
        {pending ? 'Signing out…' : 'Sign out everywhere'}
      </Button>
    </div>
  );
}
