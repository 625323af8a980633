import { cx } from './cx';

export function Card({ className, ...props }: React.HTMLAttributes<HTMLDivElement>) {
  return <div className={cx('rounded-xl bg-white shadow-sm ring-1 ring-slate-200', className)} {...props} />;
}
