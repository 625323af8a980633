'use client';

import { useFormAction } from '@/components/form/use-form-action';
import { Button } from '@/components/ui/button';
import { releaseLeadAction } from '../../settings/forms/actions';

/** An admin lets a lead the spam filter caught into the inbox; its owner then gets the first-contact task. */
export function ReleaseButton({ leadId, name }: { leadId: number; name: string }) {
  const { pending, onSubmit, formError } = useFormAction(releaseLeadAction);
  return (
    <form onSubmit={onSubmit} className="flex flex-col items-end gap-1">
      <input type="hidden" name="leadId" value={leadId} />
      <Button type="submit" variant="secondary" size="sm" disabled={pending} aria-label={`Release ${name}`}>
        {pending ? 'Releasing…' : 'Not spam'}
      </Button>
      {formError ? <span className="text-xs text-red-600">{formError}</span> : null}
    </form>
  );
}
