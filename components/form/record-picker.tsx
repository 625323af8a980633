'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import { searchRecordsAction } from '@/app/(app)/contacts/actions';
import type { RecordOption } from '@/db/queries/record-search';

type Choice = { id: number; label: string };
type Props = { label: string; name: string; kind: 'company' | 'contact'; initial: Choice | null; error?: string; onChange?: (choice: Choice | null) => void };

/**
 * Picks a company or contact by typing: the server returns the first 20 prefix matches, so it stays
 * quick with a hundred thousand records. Submits the chosen id in a hidden field. Typing without
 * picking never changes the choice: leaving the field puts the chosen name back, and only emptying
 * it (or the × button) clears it.
 */
export function RecordPicker({ label, name, kind, initial, error, onChange }: Props) {
  const id = useId();
  const listId = `${id}-list`;
  const [chosen, setChosen] = useState<Choice | null>(initial);
  const [text, setText] = useState(initial?.label ?? '');
  const [options, setOptions] = useState<RecordOption[]>([]);
  const [open, setOpen] = useState(false);
  const [searching, setSearching] = useState(false);
  const [active, setActive] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef(0);
  const plural = kind === 'company' ? 'companies' : 'contacts';

  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);

  function search(value: string) {
    setText(value);
    if (timer.current) clearTimeout(timer.current);
    if (value.trim() === '') {
      if (chosen) onChange?.(null);
      setChosen(null);
      setOpen(false);
      return;
    }
    setSearching(true);
    timer.current = setTimeout(async () => {
      const request = ++latest.current;
      const result = await searchRecordsAction({ kind, q: value.slice(0, 100) });
      if (request !== latest.current) return; // an answer to an older keystroke
      setOptions(result.ok ? result.data : []);
      setActive(0);
      setOpen(true);
      setSearching(false);
    }, 200);
  }

  function choose(option: RecordOption | null) {
    const next = option ? { id: option.id, label: option.label } : null;
    if (next?.id !== chosen?.id) onChange?.(next);
    setChosen(next);
    setText(next?.label ?? '');
    setOpen(false);
  }

  function leave() {
    setTimeout(() => {
      setOpen(false);
      setSearching(false);
      latest.current++;
      if (timer.current) clearTimeout(timer.current);
      setText((t) => (t.trim() === '' ? '' : (chosen?.label ?? '')));
    }, 150);
  }

  const editing = text !== (chosen?.label ?? '');
  return (
    <div className="relative">
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input type="hidden" name={name} value={chosen?.id ?? ''} />
      <div className="relative">
        <input
          id={id}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && options[active] ? `${id}-opt-${options[active].id}` : undefined}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          className={cx(inputClass, chosen ? 'pr-8' : '')}
          value={text}
          placeholder={`Type to search ${plural}…`}
          onChange={(e) => search(e.target.value)}
          onBlur={leave}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              if (open) e.preventDefault();
              setOpen(false);
              return;
            }
            if (!open || options.length === 0) return;
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(options.length - 1, a + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(0, a - 1));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              choose(options[active]);
            }
          }}
        />
        {chosen && !editing ? (
          <button
            type="button"
            className="absolute inset-y-0 right-0 flex w-8 items-center justify-center text-slate-400 hover:text-slate-700"
            aria-label={`Clear ${label.toLowerCase()}`}
            onClick={() => choose(null)}
          >
            ×
          </button>
        ) : null}
      </div>
      {editing && text.trim() !== '' ? (
        <p className="mt-1 text-xs text-slate-500">{searching ? 'Searching…' : `Pick one from the list${chosen ? `, or leave the field to keep ${chosen.label}` : ''}.`}</p>
      ) : null}
      {error ? <p className="mt-1 text-sm text-red-600">{error}</p> : null}
      {open ? (
        <ul id={listId} role="listbox" aria-label={plural} className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-lg bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200">
          {options.length === 0 ? <li className="px-3 py-2 text-slate-500">No {kind} starts with “{text.trim()}”</li> : null}
          {options.map((o, i) => (
            <li
              key={o.id}
              id={`${id}-opt-${o.id}`}
              role="option"
              aria-selected={i === active}
              className={cx('cursor-pointer px-3 py-2', i === active ? 'bg-brand-50 text-brand-700' : 'text-slate-800')}
              onMouseEnter={() => setActive(i)}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o);
              }}
            >
              <span className="font-medium">{o.label}</span>
              {o.sub ? <span className="ml-2 text-xs text-slate-500">{o.sub}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
