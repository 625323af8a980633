import { Logo } from '@/components/ui/logo';

/** The frame of the signed-out pages (sign in, reset link): the logo over one white card. */
export function AuthCard({ title, description, footer, children }: { title: string; description: string; footer?: string; children: React.ReactNode }) {
  return (
    <main className="flex min-h-dvh items-center justify-center bg-gradient-to-b from-slate-900 to-slate-800 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex items-center justify-center gap-2 text-white">
          <Logo size={32} />
          <span className="text-2xl font-semibold tracking-tight">Keel</span>
        </div>
        <div className="rounded-2xl bg-white p-6 shadow-xl sm:p-8">
          <h1 className="text-lg font-semibold text-slate-900">{title}</h1>
          <p className="mb-6 mt-1 text-sm text-slate-500">{description}</p>
          {children}
        </div>
        {footer ? <p className="mt-6 text-center text-xs text-slate-400">{footer}</p> : null}
      </div>
    </main>
  );
}
