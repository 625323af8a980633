'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { FormField } from '@/lib/leads/forms';

// Client side of the hosted form: only types come from lib/leads/forms (its server half signs with
// node:crypto); the page passes each field's input kind and the hidden fields' names.
export type HostedField = FormField & { type: 'text' | 'email' | 'tel' | 'url' | 'textarea'; autoComplete: string };

type Props = {
  slug: string;
  fields: HostedField[];
  honeypot: string;
  renderedField: string;
  consentText: string | null;
  thankYou: string;
  rendered: string;
  utm: { source: string; medium: string; campaign: string };
  hostPage: string | null;
  hostReferrer: string | null;
  turnstileSiteKey: string | null;
  embed: boolean;
  sent: boolean;
};

type Answer = { ok: true; message: string | null; redirectUrl: string | null } | { ok: false; error: string; fieldErrors?: Record<string, string> };

const input =
  'block w-full rounded-lg border-0 bg-white px-3 py-2.5 text-base text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500 aria-[invalid=true]:ring-red-400 sm:text-sm';

/** Tells the host page (iframe embed) how tall the form is, whenever that changes. */
function useReportHeight(box: React.RefObject<HTMLDivElement | null>, slug: string, on: boolean) {
  useEffect(() => {
    const el = box.current;
    if (!on || !el || window.parent === window) return;
    // The form's own height (the document is at least as tall as the frame), and the page's padding.
    const send = () => window.parent.postMessage({ keelForm: slug, height: Math.ceil(el.getBoundingClientRect().height) + 16 }, '*');
    const observer = new ResizeObserver(send);
    observer.observe(el);
    send();
    return () => observer.disconnect();
  }, [box, slug, on]);
}

export function LeadForm(props: Props) {
  const box = useRef<HTMLDivElement>(null);
  return (
    <div ref={box}>
      <LeadFormBody {...props} box={box} />
    </div>
  );
}

function LeadFormBody({ box, ...props }: Props & { box: React.RefObject<HTMLDivElement | null> }) {
  const id = useId();
  const [pending, setPending] = useState(false);
  const [answer, setAnswer] = useState<Answer | null>(props.sent ? { ok: true, message: props.thankYou, redirectUrl: null } : null);
  const done = useRef<HTMLDivElement>(null);
  useReportHeight(box, props.slug, props.embed);

  useEffect(() => {
    if (answer?.ok) done.current?.focus();
  }, [answer]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    try {
      const body = new FormData(event.currentTarget);
      // The page the form sits on and where its visitor came from: passed in by the embed, else this page's own.
      if (!props.hostPage) body.set('page_url', window.location.href);
      if (!props.hostReferrer) body.set('referrer', document.referrer);
      const res = await fetch(`/api/forms/${props.slug}`, { method: 'POST', body, headers: { Accept: 'application/json' } });
      const next = (await res.json().catch(() => ({ ok: false, error: 'Something went wrong. Try again in a moment.' }))) as Answer;
      if (next.ok && next.redirectUrl) {
        try {
          (window.top ?? window).location.href = next.redirectUrl;
        } catch {
          window.location.href = next.redirectUrl;
        }
        return;
      }
      setAnswer(next);
    } catch {
      setAnswer({ ok: false, error: 'The form could not be sent. Check your connection and try again.' });
    } finally {
      setPending(false);
    }
  }

  if (answer?.ok)
    return (
      <div ref={done} tabIndex={-1} role="status" className="rounded-xl bg-emerald-50 p-5 text-emerald-900 ring-1 ring-emerald-200 outline-none" data-testid="form-thank-you">
        <p className="whitespace-pre-line text-base">{answer.message ?? props.thankYou}</p>
      </div>
    );

  const errors = answer && !answer.ok ? (answer.fieldErrors ?? {}) : {};
  const formError = answer && !answer.ok ? (errors.form ?? (Object.keys(errors).length ? null : answer.error)) : null;
  const describe = (key: string) => (errors[key] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${key}-error` } : {});

  return (
    <form method="post" action={`/api/forms/${props.slug}`} onSubmit={onSubmit} noValidate className="space-y-4">
      {props.fields.map((f) => {
        const kind = f;
        const fieldId = `${id}-${f.field}`;
        return (
          <div key={f.field}>
            <label htmlFor={fieldId} className="mb-1 block text-sm font-medium text-slate-700">
              {f.label}
              {f.required ? null : <span className="font-normal text-slate-400"> (optional)</span>}
            </label>
            {kind.type === 'textarea' ? (
              <textarea id={fieldId} name={f.field} rows={4} required={f.required} className={input} {...describe(f.field)} />
            ) : (
              <input id={fieldId} name={f.field} type={kind.type} autoComplete={kind.autoComplete} required={f.required} className={input} {...describe(f.field)} />
            )}
            {errors[f.field] ? (
              <p id={`${fieldId}-error`} className="mt-1 text-sm text-red-600">
                {errors[f.field]}
              </p>
            ) : null}
          </div>
        );
      })}

      {props.consentText ? (
        <div>
          <label className="flex items-start gap-3 text-sm text-slate-700">
            <input type="checkbox" name="consent" value="on" className="mt-0.5 size-5 shrink-0 rounded border-slate-300 text-brand-600 focus:ring-brand-500" {...describe('consent')} />
            <span className="whitespace-pre-line">{props.consentText}</span>
          </label>
          {errors.consent ? (
            <p id={`${id}-consent-error`} className="mt-1 text-sm text-red-600">
              {errors.consent}
            </p>
          ) : null}
        </div>
      ) : null}

      {/* The honeypot: off screen and out of the tab order; people never fill it, bots do. */}
      <div aria-hidden="true" className="pointer-events-none absolute -left-[10000px] top-auto size-px overflow-hidden">
        <label>
          Leave this empty
          <input type="text" name={props.honeypot} tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>
      <input type="hidden" name={props.renderedField} value={props.rendered} />
      <input type="hidden" name="utm_source" value={props.utm.source} />
      <input type="hidden" name="utm_medium" value={props.utm.medium} />
      <input type="hidden" name="utm_campaign" value={props.utm.campaign} />
      <input type="hidden" name="page_url" value={props.hostPage ?? ''} />
      <input type="hidden" name="referrer" value={props.hostReferrer ?? ''} />

      {props.turnstileSiteKey ? <div className="cf-turnstile" data-sitekey={props.turnstileSiteKey} /> : null}

      {formError ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">
          {formError}
        </p>
      ) : null}

      <button
        type="submit"
        disabled={pending}
        className="inline-flex w-full items-center justify-center rounded-lg bg-brand-600 px-4 py-3 text-base font-semibold text-white shadow-sm transition-colors hover:bg-brand-700 disabled:bg-brand-600/60 sm:w-auto sm:py-2.5 sm:text-sm"
      >
        {pending ? 'Sending…' : 'Send'}
      </button>
    </form>
  );
}
