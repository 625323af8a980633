import { cx } from './cx';

export function Alert({ tone = 'error', children }: { tone?: 'error' | 'success' | 'info'; children: React.ReactNode }) {
  return (
    <div
      role={tone === 'error' ? 'alert' : 'status'}
      className={cx(
        'rounded-lg px-3 py-2 text-sm',
        tone === 'error' && 'bg-red-50 text-red-800 ring-1 ring-red-200',
        tone === 'success' && 'bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200',
        tone === 'info' && 'bg-brand-50 text-brand-700 ring-1 ring-brand-100',
      )}
    >
      {children}
    </div>
  );
}
