import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

export default function NotFound() {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-brand-600">404</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">Nothing here</h1>
        <p className="mt-2 text-slate-600">This page does not exist, or the record was deleted.</p>
        <Link href="/" className={`${buttonClass('secondary')} mt-6`}>
          Back to the dashboard
        </Link>
      </div>
    </main>
  );
}
