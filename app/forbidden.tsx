import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

export default function Forbidden() {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-brand-600">403</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">Not allowed</h1>
        <p className="mt-2 text-slate-600">Your role does not give access to this page. Ask an admin if you need it.</p>
        <Link href="/" className={`${buttonClass('secondary')} mt-6`}>
          Back to the dashboard
        </Link>
      </div>
    </main>
  );
}
