'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { cx } from '@/components/ui/cx';
import { inputClass } from '@/components/ui/field';
import { searchRecordsAction } from '@/app/(app)/contacts/actions';
import type { RecordOption } from '@/db/queries/record-search';

type Props = { label: string; name: string; kind: 'company' | 'contact'; initial: { id: number; label: string } | null; error?: string };

/**
 * Picks a company or contact by typing: the server returns the first 20 prefix matches, so it stays
 * quick with a hundred thousand records. Submits the chosen id in a hidden field.
 */
export function RecordPicker({ label, name, kind, initial, error }: Props) {
  const id = useId();
  const [selected, setSelected] = useState(initial);
  const [text, setText] = useState(initial?.label ?? '');
  const [options, setOptions] = useState<RecordOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => () => (timer.current ? clearTimeout(timer.current) : undefined), []);

  function search(value: string) {
    setText(value);
    setSelected(null);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const result = await searchRecordsAction({ kind, q: value });
      setOptions(result.ok ? result.data : []);
      setActive(0);
      setOpen(true);
    }, 200);
  }

  function choose(option: RecordOption | null) {
    setSelected(option ? { id: option.id, label: option.label } : null);
    setText(option?.label ?? '');
    setOpen(false);
  }

  return (
    <div className="relative">
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      <input type="hidden" name={name} value={selected?.id ?? ''} />
      <input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-invalid={error ? true : undefined}
        autoComplete="off"
        className={inputClass}
        value={text}
        placeholder={`Type to search ${kind === 'company' ? 'companies' : 'contacts'}…`}
        onChange={(e) => search(e.target.value)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
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
          } else if (e.key === 'Escape') setOpen(false);
        }}
      />
      {text && !selected ? <p className="mt-1 text-xs text-amber-700">Pick one from the list, or clear the field.</p> : null}
      {error ? <p className="mt-1 text-sm text-red-600">{error}</p> : null}
      {open ? (
        <ul id={`${id}-list`} role="listbox" className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-lg bg-white py-1 text-sm shadow-lg ring-1 ring-slate-200">
          {options.length === 0 ? <li className="px-3 py-2 text-slate-500">No match</li> : null}
          {options.map((o, i) => (
            <li
              key={o.id}
              role="option"
              aria-selected={i === active}
              className={cx('cursor-pointer px-3 py-2', i === active ? 'bg-brand-50 text-brand-700' : 'text-slate-800')}
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
