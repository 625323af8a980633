'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { completeTaskAction } from '@/app/(app)/tasks/actions';

/** Marks an open task done with one click, from the deal's timeline. */
export function CompleteTaskButton({ taskId, subject }: { taskId: number; subject: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant="secondary"
        disabled={pending}
        aria-label={`Mark “${subject}” done`}
        onClick={() =>
          startTransition(async () => {
            setError(null);
            const result = await completeTaskAction({ taskId });
            if (!result.ok) setError(result.error);
            router.refresh();
          })
        }
      >
        {pending ? 'Saving…' : '✓ Done'}
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-red-600">
          {error}
        </span>
      ) : null}
    </span>
  );
}
