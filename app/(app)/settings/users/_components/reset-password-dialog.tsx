'use client';

import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import { createResetLinkAction } from '../actions';

type Props = { user: { id: number; name: string } | null; onClose: () => void };

/**
 * Asks before making a reset link (it signs the user out at once and replaces any earlier link),
 * then shows the link with Copy, once: only its hash is kept, so it cannot be shown again.
 */
export function ResetPasswordDialog({ user, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  // One dialog per row: ids must differ, or every dialog would take its name from the first row's.
  const titleId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [pending, startTransition] = useTransition();
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<'yes' | 'blocked' | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (user && !dialog.open) {
      setLink(null);
      setError(null);
      setCopied(null);
      dialog.showModal();
    }
    if (!user && dialog.open) dialog.close();
  }, [user]);

  function create() {
    if (!user) return;
    setError(null);
    startTransition(async () => {
      const result = await createResetLinkAction({ userId: user.id });
      if (result.ok) setLink(result.data.url);
      else setError(result.error);
    });
  }

  async function copy() {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // No clipboard permission (e.g. plain http): select the text so the admin can copy it.
      input.current?.select();
      setCopied('blocked');
    }
  }

  return (
    <dialog
      ref={ref}
      onCancel={onClose}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl p-0 shadow-2xl backdrop:bg-slate-900/40"
      aria-labelledby={titleId}
      data-testid="reset-dialog"
    >
      <div className="space-y-4 p-5">
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          Reset the password of {user?.name}
        </h2>
        {error ? <Alert>{error}</Alert> : null}
        {link ? (
          <>
            <Alert tone="success">{user?.name} is signed out everywhere. Send them this link: it works once, for 24 hours.</Alert>
            <div className="flex flex-col gap-2 sm:flex-row">
              <label className="min-w-0 flex-1">
                <span className="sr-only">Reset link</span>
                <input
                  ref={input}
                  readOnly
                  value={link}
                  data-testid="reset-link"
                  onFocus={(e) => e.currentTarget.select()}
                  className={cx(inputClass, 'font-mono text-xs')}
                />
              </label>
              <Button type="button" variant="secondary" onClick={copy} aria-live="polite">
                {copied === 'yes' ? 'Copied' : 'Copy'}
              </Button>
            </div>
            {copied === 'blocked' ? <p className="text-sm text-slate-600">Copying is blocked here: the link is selected, press Ctrl+C or ⌘C.</p> : null}
            <p className="text-sm text-slate-500">Keel keeps no copy of this link: once you close this, make a new one if it gets lost.</p>
            <div className="flex justify-end">
              <Button type="button" onClick={onClose}>
                Done
              </Button>
            </div>
          </>
        ) : (
          <>
            <p className="text-sm text-slate-600">
              Keel makes a one-time link that lets {user?.name} choose a new password. It works for 24 hours; any earlier link stops working.
            </p>
            <p className="text-sm text-slate-600">
              They are <strong className="font-semibold text-slate-900">signed out everywhere at once</strong>, and their current password keeps
              working until they use the link.
            </p>
            <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
              <Button type="button" variant="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button type="button" disabled={pending} onClick={create}>
                {pending ? 'Making the link…' : 'Make reset link'}
              </Button>
            </div>
          </>
        )}
      </div>
    </dialog>
  );
}
