'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { setFormActiveAction } from '../actions';

/** Turns a form off (its link and endpoint answer "not found") or on again. */
export function FormActiveSwitch({ formId, active }: { formId: number; active: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-2">
      {error ? <span className="text-sm text-red-600">{error}</span> : null}
      <Button
        type="button"
        variant={active ? 'danger' : 'primary'}
        size="sm"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await setFormActiveAction({ formId, active: !active });
            if (!r.ok) setError(r.error);
            else router.refresh();
          })
        }
      >
        {active ? 'Turn off' : 'Turn on'}
      </Button>
    </div>
  );
}
