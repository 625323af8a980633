'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { inputClass } from '@/components/ui/field';
import { deleteActivityAction, editActivityAction } from '@/app/(app)/contacts/actions';

/** Edit or delete one of your own timeline entries. */
export function EntryActions({ activityId, subject, body }: { activityId: number; subject: string; body: string | null }) {
  const router = useRouter();
  const [mode, setMode] = useState<'idle' | 'edit' | 'confirm'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function run(task: () => Promise<{ ok: boolean; error?: string }>) {
    setError(null);
    startTransition(async () => {
      const result = await task();
      if (!result.ok) return setError(result.error ?? 'That did not work.');
      setMode('idle');
      router.refresh();
    });
  }

  if (mode === 'edit') {
    return (
      <form
        className="mt-2 space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          form.set('activityId', String(activityId));
          run(() => editActivityAction(form));
        }}
      >
        <label className="block text-xs font-medium text-slate-600">
          Subject
          <input name="subject" defaultValue={subject} className={`${inputClass} mt-1`} required />
        </label>
        <label className="block text-xs font-medium text-slate-600">
          Notes
          <textarea name="body" defaultValue={body ?? ''} rows={3} className={`${inputClass} mt-1`} />
        </label>
        {error ? <p role="alert" className="text-sm text-red-600">{error}</p> : null}
        <div className="flex justify-end gap-2">
          <Button type="button" size="sm" variant="ghost" onClick={() => setMode('idle')}>
            Cancel
          </Button>
          <Button type="submit" size="sm" disabled={pending}>
            Save
          </Button>
        </div>
      </form>
    );
  }
  return (
    <div className="mt-2 flex items-center gap-2 text-xs">
      {mode === 'confirm' ? (
        <>
          <span className="text-slate-600">Delete this entry?</span>
          <Button size="sm" variant="danger" disabled={pending} onClick={() => run(() => deleteActivityAction({ activityId }))}>
            Delete
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setMode('idle')}>
            Keep
          </Button>
        </>
      ) : (
        <>
          <button type="button" className="font-medium text-slate-500 hover:text-slate-900" onClick={() => setMode('edit')}>
            Edit
          </button>
          <button type="button" className="font-medium text-slate-500 hover:text-red-700" onClick={() => setMode('confirm')}>
            Delete
          </button>
        </>
      )}
      {error ? <span role="alert" className="text-red-600">{error}</span> : null}
    </div>
  );
}
