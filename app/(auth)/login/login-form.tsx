'use client';

import { signIn } from 'next-auth/react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { safeNextPath } from '@/lib/auth/safe-next';

function messageFor(error: string): string {
  if (error.startsWith('LOCKED:')) {
    const minutes = Number(error.slice(7)) || 15;
    // One message for every kind of throttling, known email or not, so it tells nothing about accounts.
    return `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
  }
  return 'Wrong email or password.';
}

export function LoginForm({ next }: { next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    startTransition(async () => {
      // signIn throws when the answer is not next-auth's JSON: the server is down, or the front door
      // refused this address for trying too often (a plain-text 429).
      const result = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      }).catch(() => 'unreachable' as const);
      if (result === 'unreachable') {
        setError('Keel could not sign you in just now: too many attempts from your address, or the server is not answering. Try again in a few minutes.');
        return;
      }
      if (!result || result.error) {
        setError(messageFor(result?.error ?? ''));
        return;
      }
      // The page checked it already; checking again costs nothing and keeps the form safe on its own.
      router.replace(safeNextPath(next));
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {error ? <Alert>{error}</Alert> : null}
      <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
