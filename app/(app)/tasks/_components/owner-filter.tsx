'use client';

import { useRouter } from 'next/navigation';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import { taskListHref, type TaskListParams } from '@/lib/tasks/schemas';

/** Managers and admins pick whose tasks they see: their own, everyone's or one person's. */
export function OwnerFilter({ params, users, meId }: { params: TaskListParams; users: { id: number; name: string }[]; meId: number }) {
  const router = useRouter();
  const value = params.owner === meId ? 'me' : String(params.owner);
  return (
    <label className="block">
      <span className="mb-0.5 block text-xs font-medium text-slate-500">Whose tasks</span>
      <select
        className={cx(inputClass, 'pr-8 sm:w-48')}
        value={value}
        onChange={(e) => {
          const v = e.target.value;
          router.push(taskListHref(params, { owner: v === 'me' || v === 'all' ? v : Number(v), more: null }));
        }}
      >
        <option value="me">My tasks</option>
        <option value="all">Everyone</option>
        {users
          .filter((u) => u.id !== meId)
          .map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
      </select>
    </label>
  );
}
