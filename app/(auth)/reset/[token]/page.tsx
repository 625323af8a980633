import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db';
import { findPasswordReset } from '@/db/queries/password-resets';
import { AuthCard } from '../../auth-card';
import { ResetForm } from './reset-form';

// Where a user sets a new password from the link an admin gave them. Public, found only by the
// link's token: unknown, used, expired and malformed tokens all answer the same 404 (which the front
// door counts as a guess), and only a working link shows whose password it sets.
type Props = { params: Promise<{ token: string }> };

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Choose a new password', robots: { index: false, follow: false } };

export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const reset = findPasswordReset(getDb(), token);
  if (!reset) notFound();
  return (
    <AuthCard title="Choose a new password" description={`For ${reset.email}. After this you sign in with the new password, on every device.`}>
      <ResetForm token={token} email={reset.email} />
    </AuthCard>
  );
}
