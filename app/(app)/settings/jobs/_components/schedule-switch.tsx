'use client';

import { useState, useTransition } from 'react';
import { Button } from '@/components/ui/button';
import { setScheduleEnabledAction } from '../actions';

/** Turns a schedule with nothing else to set on or off, at once. */
export function ScheduleSwitch({ name, enabled, description }: { name: string; enabled: boolean; description: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const toggle = () =>
    startTransition(async () => {
      const result = await setScheduleEnabledAction({ name, enabled: !enabled });
      setError(result.ok ? null : result.error);
    });
  return (
    <div className="flex flex-col gap-3 @md:flex-row @md:items-center @md:justify-between">
      <p className="text-sm text-slate-600">{description}</p>
      <Button type="button" variant={enabled ? 'secondary' : 'primary'} size="sm" className="shrink-0 self-start whitespace-nowrap @md:self-auto" onClick={toggle} disabled={pending}>
        {pending ? 'Saving…' : enabled ? 'Turn off' : 'Turn on'}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
