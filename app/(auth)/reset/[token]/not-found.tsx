import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { AuthCard } from '../../auth-card';

export default function InvalidResetLink() {
  return (
    <AuthCard title="This link is not valid or has expired" description="A reset link works once, for 24 hours, and a newer link replaces it. Ask your workspace admin for a new one.">
      <Link href="/login" className={buttonClass('secondary')}>
        Go to sign in
      </Link>
    </AuthCard>
  );
}
