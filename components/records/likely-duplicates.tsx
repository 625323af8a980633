'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionResult } from '@/lib/actions';
import type { Lookalike } from '@/lib/customers/duplicates';

type Find = (typed: FormData) => Promise<ActionResult<Lookalike[]>>;

type Props = {
  /** The server action that scores what is typed against the records the user may see. */
  find: Find;
  /** The form fields (by name) that the check reads; typing in any of them checks again. */
  fields: readonly string[];
  /** Sent with every check: the id of the record being edited, which is never its own lookalike. */
  extra?: Record<string, number>;
  /** 'contact' or 'company', for the words. */
  noun: string;
  /** Check once on load (an edit form already holds values worth checking). */
  checkNow?: boolean;
  className?: string;
};

const DEBOUNCE_MS = 400;

/**
 * "This looks like Ann Lee — same email ann@x.com": placed inside a form, it watches the fields named
 * and, 400 ms after the typing stops, asks the server which records they resemble. Not when a field
 * is left: that happens as the Save button is pressed, and a warning appearing then would move the
 * button out from under the pointer between press and release. Advice only: it never blocks saving. The links open in a new tab so that what is typed
 * here stays. An answer to an older keystroke is dropped.
 */
export function LikelyDuplicates({ find, fields, extra, noun, checkNow = false, className }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [found, setFound] = useState<Lookalike[]>([]);
  const latest = useRef(0);
  const lastAsked = useRef<string | null>(null);
  // The latest props, read when a check runs, so that a parent's new objects do not re-bind listeners.
  const props = useRef({ find, extra });
  useEffect(() => {
    props.current = { find, extra };
  });

  const check = useCallback(
    async (form: HTMLFormElement) => {
      const data = new FormData(form);
      const typed = Object.fromEntries(fields.map((f) => [f, String(data.get(f) ?? '')]));
      const asked = JSON.stringify(typed);
      if (asked === lastAsked.current) return;
      lastAsked.current = asked;
      const request = ++latest.current;
      if (Object.values(typed).every((v) => v.trim() === '')) {
        setFound([]);
        return;
      }
      const sent = new FormData();
      for (const [k, v] of Object.entries({ ...typed, ...props.current.extra })) sent.set(k, String(v));
      const result = await props.current.find(sent);
      if (request !== latest.current) return;
      // A failed check says nothing either way: the warning goes rather than stays stale, and the
      // same values are asked about again next time.
      if (!result.ok) lastAsked.current = null;
      setFound(result.ok ? result.data : []);
    },
    [fields],
  );

  useEffect(() => {
    const form = ref.current?.closest('form');
    if (!form) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const watched = (target: EventTarget | null) => target instanceof HTMLElement && fields.includes(target.getAttribute('name') ?? '');
    const onInput = (event: Event) => {
      if (!watched(event.target)) return;
      clearTimeout(timer);
      timer = setTimeout(() => void check(form), DEBOUNCE_MS);
    };
    form.addEventListener('input', onInput);
    if (checkNow) void check(form);
    return () => {
      clearTimeout(timer);
      form.removeEventListener('input', onInput);
    };
  }, [check, fields, checkNow]);

  // Out of the layout while empty (an absolutely placed grid child takes no cell and no gap), but
  // always present, so that screen readers hear the warning when it appears.
  return (
    <div ref={ref} role="status" aria-live="polite" className={found.length ? className : 'sr-only'} data-testid="likely-duplicates">
      {found.length ? (
        <div className="rounded-lg bg-amber-50 px-4 py-3 text-sm text-amber-950 ring-1 ring-amber-200">
          <ul className="space-y-1.5">
            {found.map((f) => (
              <li key={f.id} className="break-words">
                This looks like{' '}
                <a href={f.href} target="_blank" rel="noopener" className="font-medium text-amber-900 underline hover:text-amber-700">
                  {f.name}
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>{' '}
                — {f.reasons.join(', ')}
                {f.detail ? <span className="block truncate text-xs text-amber-800">{f.detail}</span> : null}
              </li>
            ))}
          </ul>
          <p className="mt-1.5 text-xs text-amber-800">
            If it is the same {noun}, open it and update it there instead. If not, save as usual.
          </p>
        </div>
      ) : null}
    </div>
  );
}
