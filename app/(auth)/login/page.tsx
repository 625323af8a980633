import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { Logo } from '@/components/ui/logo';
import { getSessionUser } from '@/lib/auth/session';
import { safeNextPath } from '@/lib/auth/safe-next';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; reset?: string }> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await getSessionUser()) redirect(next);
  return (
    <main className="flex min-h-dvh items-center justify-center bg-gradient-to-b from-slate-900 to-slate-800 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex items-center justify-center gap-2 text-white">
          <Logo size={32} />
          <span className="text-2xl font-semibold tracking-tight">Keel</span>
        </div>
        <div className="rounded-2xl bg-white p-6 shadow-xl sm:p-8">
          <h1 className="text-lg font-semibold text-slate-900">Sign in to your workspace</h1>
          <p className="mb-6 mt-1 text-sm text-slate-500">Your pipeline, customers and quotes in one place.</p>
          {params.reset === 'done' ? (
            <div className="mb-4">
              <Alert tone="success">Your password is changed. Sign in with the new one.</Alert>
            </div>
          ) : null}
          <LoginForm next={next} />
        </div>
        <p className="mt-6 text-center text-xs text-slate-400">Forgot your password? Ask your workspace admin for a reset link.</p>
      </div>
    </main>
  );
}
