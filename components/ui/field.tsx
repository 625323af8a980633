import { useId } from 'react';
import { cx } from './cx';

export const inputClass =
  'block w-full rounded-lg border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-500 aria-[invalid=true]:ring-red-400';

type Labelled = { label: string; error?: string; hint?: string; className?: string };

/** The label above a control and its error (or else its hint) below it, tied to the control by id. */
function FieldFrame({ id, label, error, hint, className, children }: Labelled & { id: string; children: React.ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** What a control says to screen readers about its state and the message below it. */
const describe = (id: string, error?: string, hint?: string) => ({
  'aria-invalid': error ? true : undefined,
  'aria-describedby': error ? `${id}-error` : hint ? `${id}-hint` : undefined,
});

/** A labelled input with its error message beside it; the label is what tests and screen readers use. */
export function Field({ label, error, hint, className, ...props }: Omit<React.InputHTMLAttributes<HTMLInputElement>, 'children'> & Labelled) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} className={className}>
      <input id={id} className={inputClass} {...describe(id, error, hint)} {...props} />
    </FieldFrame>
  );
}

export function SelectField({ label, error, hint, className, children, ...props }: React.SelectHTMLAttributes<HTMLSelectElement> & Labelled) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} className={className}>
      <select id={id} className={cx(inputClass, 'pr-8')} {...describe(id, error, hint)} {...props}>
        {children}
      </select>
    </FieldFrame>
  );
}

/** A labelled multi-line text box, with its error or hint beside it like Field's. */
export function TextAreaField({ label, error, hint, className, ...props }: Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> & Labelled) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} className={className}>
      <textarea id={id} className={inputClass} {...describe(id, error, hint)} {...props} />
    </FieldFrame>
  );
}
