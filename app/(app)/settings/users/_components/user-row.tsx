'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import type { Role } from '@/db/schema';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { changeUserRoleAction, setUserActiveAction } from '../actions';
import { ResetPasswordDialog } from './reset-password-dialog';

type Props = { user: { id: number; name: string; email: string; role: Role; active: boolean }; isSelf: boolean };

export function UserRow({ user, isSelf }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const [resetting, setResetting] = useState(false);

  function run(task: () => Promise<{ ok: boolean; error?: string }>) {
    setError(null);
    startTransition(async () => {
      const result = await task();
      if (!result.ok) setError(result.error ?? 'That did not work');
    });
  }

  return (
    <li className={cx('flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:px-5', !user.active && 'bg-slate-50')} data-testid="user-row" data-email={user.email}>
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className={cx('font-medium', user.active ? 'text-slate-900' : 'text-slate-500')}>{user.name}</span>
          {isSelf ? <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-medium text-brand-700">You</span> : null}
          {!user.active ? <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-600">Deactivated</span> : null}
        </div>
        <div className="truncate text-sm text-slate-500">{user.email}</div>
        {error ? (
          <p role="alert" className="mt-1 text-sm text-red-600">
            {error}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-2 sm:flex-nowrap">
        <label className="sr-only" htmlFor={`role-${user.id}`}>
          Role for {user.name}
        </label>
        <select
          id={`role-${user.id}`}
          className={cx(inputClass, 'sm:w-36')}
          value={user.role}
          disabled={pending}
          onChange={(e) => run(() => changeUserRoleAction({ userId: user.id, role: e.target.value as Role }))}
        >
          {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        {isSelf || !user.active ? null : (
          <Button variant="secondary" size="sm" disabled={pending} onClick={() => setResetting(true)}>
            Reset password
          </Button>
        )}
        {isSelf ? null : (
          <Button
            variant={user.active ? 'danger' : 'secondary'}
            size="sm"
            disabled={pending}
            onClick={() => run(() => setUserActiveAction({ userId: user.id, active: user.active ? 'false' : 'true' }))}
          >
            {user.active ? 'Deactivate' : 'Reactivate'}
          </Button>
        )}
      </div>
      <ResetPasswordDialog user={resetting ? user : null} onClose={() => setResetting(false)} />
    </li>
  );
}
