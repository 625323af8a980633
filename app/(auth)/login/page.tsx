import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { getSessionUser } from '@/lib/auth/session';
import { safeNextPath } from '@/lib/auth/safe-next';
import { AuthCard } from '../auth-card';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; reset?: string }> }) {
  const params = await searchParams;
  // Always a path on this site in plain ASCII, so the redirect below can neither leave nor fail.
  const next = safeNextPath(params.next);
  if (await getSessionUser()) redirect(next);
  return (
    <AuthCard
      title="Sign in to your workspace"
      description="Your pipeline, customers and quotes in one place."
      footer="Forgot your password? Ask your workspace admin for a reset link."
    >
      {params.reset === 'done' ? (
        <div className="mb-4">
          <Alert tone="success">Your password is changed. Sign in with the new one.</Alert>
        </div>
      ) : null}
      <LoginForm next={next} />
    </AuthCard>
  );
}
