'use client';

import { useEffect, useRef, useState } from 'react';
import { useFormAction } from '@/components/form/use-form-action';
import { Button, buttonClass } from '@/components/ui/button';
import { cx } from '@/components/ui/cx';
import { Field } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions';
import { useRun } from '@/components/form/use-run';

type Item = { id: number; label: string; active: boolean };

/** What a list is called in its buttons, labels and empty state. */
export type ListWords = {
  /** The list's accessible name ("Lost reasons"). */
  list: string;
  /** The add form's accessible name ("Add a lost reason"). */
  addForm: string;
  /** The new item's field ("New reason") and its button ("Add reason"). */
  newField: string;
  addButton: string;
  placeholder: string;
  /** The rename field's label ("Reason") and the hint beneath it. */
  itemField: string;
  renameHint: string;
  empty: string;
  /** data-testid of each row. */
  testId: string;
};

/** The server actions behind a list: items are sent as { reasonId, label }. */
export type ListActions = {
  add: (form: FormData) => Promise<ActionResult<unknown>>;
  rename: (form: FormData) => Promise<ActionResult<unknown>>;
  move: (input: { reasonId: number; direction: 'up' | 'down' }) => Promise<ActionResult<unknown>>;
  setActive: (input: { reasonId: number; active: 'true' | 'false' }) => Promise<ActionResult<unknown>>;
};

/**
 * An admin's ordered list of names that people pick from (lost reasons, lead sources, disqualify
 * reasons): add, rename, reorder, deactivate and reactivate. A deactivated item stays on the records
 * that have it but is no longer offered.
 */
export function OrderedListEditor({ items, words, actions }: { items: Item[]; words: ListWords; actions: ListActions }) {
  const add = useFormAction(actions.add, { resetOnSuccess: true });
  return (
    <div>
      {items.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-500 sm:px-5">{words.empty}</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={words.list}>
          {items.map((r, i) => (
            <ItemRow key={r.id} item={r} first={i === 0} last={i === items.length - 1} words={words} actions={actions} />
          ))}
        </ul>
      )}
      <form onSubmit={add.onSubmit} noValidate aria-label={words.addForm} className="flex flex-col gap-2 border-t border-slate-100 bg-slate-50/70 px-4 py-3 sm:flex-row sm:items-start sm:px-5">
        <Field label={words.newField} name="label" placeholder={words.placeholder} error={add.fieldErrors.label ?? add.formError ?? undefined} className="min-w-0 flex-1" autoComplete="off" />
        <div className="sm:pt-6">
          <Button type="submit" size="sm" disabled={add.pending} className="w-full sm:w-auto">
            {add.pending ? 'Adding…' : words.addButton}
          </Button>
        </div>
      </form>
    </div>
  );
}

function ItemRow({ item: reason, first, last, words, actions }: { item: Item; first: boolean; last: boolean; words: ListWords; actions: ListActions }) {
  const [editing, setEditing] = useState(false);
  const rename = useFormAction(actions.rename, { onSuccess: () => setEditing(false) });
  const { pending, error, run } = useRun();
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);

  useEffect(() => {
    if (wasEditing.current && !editing) renameButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  if (editing)
    return (
      <li className="px-4 py-3 sm:px-5" data-testid={words.testId} data-label={reason.label}>
        <form onSubmit={rename.onSubmit} noValidate aria-label={`Rename ${reason.label}`} className="space-y-2">
          <input type="hidden" name="reasonId" value={reason.id} />
          <Field
            label={words.itemField}
            name="label"
            defaultValue={reason.label}
            error={rename.fieldErrors.label ?? rename.formError ?? undefined}
            hint={words.renameHint}
            autoFocus
            autoComplete="off"
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={rename.pending}>
              {rename.pending ? 'Saving…' : 'Save'}
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      </li>
    );

  return (
    <li className={cx('px-4 py-2 sm:px-5', !reason.active && 'bg-slate-50')} data-testid={words.testId} data-label={reason.label} data-active={reason.active}>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <div className="flex min-w-[9rem] flex-1 items-center gap-2">
          <span className={cx('text-sm', reason.active ? 'text-slate-900' : 'text-slate-500')}>{reason.label}</span>
          {!reason.active ? <span className="shrink-0 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-600">Inactive</span> : null}
        </div>
        <div className="flex items-center gap-0.5">
          <Button type="button" size="sm" variant="ghost" disabled={first || pending} aria-label={`Move ${reason.label} up`} title="Move up" onClick={() => run(() => actions.move({ reasonId: reason.id, direction: 'up' }))}>
            <span aria-hidden>↑</span>
          </Button>
          <Button type="button" size="sm" variant="ghost" disabled={last || pending} aria-label={`Move ${reason.label} down`} title="Move down" onClick={() => run(() => actions.move({ reasonId: reason.id, direction: 'down' }))}>
            <span aria-hidden>↓</span>
          </Button>
          <button ref={renameButton} type="button" className={buttonClass('ghost', 'sm')} aria-label={`Rename ${reason.label}`} onClick={() => setEditing(true)}>
            Rename
          </button>
          <Button
            type="button"
            size="sm"
            variant="ghost"
            disabled={pending}
            aria-label={`${reason.active ? 'Deactivate' : 'Reactivate'} ${reason.label}`}
            onClick={() => run(() => actions.setActive({ reasonId: reason.id, active: reason.active ? 'false' : 'true' }))}
          >
            {reason.active ? 'Deactivate' : 'Reactivate'}
          </Button>
        </div>
      </div>
      {error ? (
        <p role="alert" className="mt-1 text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </li>
  );
}
