'use client';

import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Field, SelectField } from '@/components/ui/field';

/** Who owns the record, for those who may reassign it; blank means the person saving. */
export function OwnerField({ users, defaultValue, error }: { users: { id: number; name: string }[]; defaultValue: number | null | undefined; error?: string }) {
  return (
    <SelectField label="Owner" name="ownerId" defaultValue={defaultValue ?? ''} error={error}>
      <option value="">Me</option>
      {users.map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </SelectField>
  );
}

/** Tags typed as one line; lib/contacts/schemas parseTags splits them. */
export function TagsField({ tags, error }: { tags: string[] | undefined; error?: string }) {
  return <Field label="Tags" name="tags" defaultValue={tags?.join(', ') ?? ''} error={error} hint="Separate tags with commas." />;
}

/** Cancel goes back to where the form was opened from; the submit button waits for the save. */
export function SaveOrCancel({ pending, label }: { pending: boolean; label: string }) {
  const router = useRouter();
  return (
    <div className="flex justify-end gap-2">
      <Button type="button" variant="secondary" onClick={() => router.back()}>
        Cancel
      </Button>
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : label}
      </Button>
    </div>
  );
}
