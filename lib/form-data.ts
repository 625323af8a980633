import type { z } from 'zod';

/**
 * FormData to a plain object; a key given more than once becomes an array. Next's $ACTION keys are
 * dropped. Files stay files, for the schema to check; an empty file is left out, as if it were not
 * there: that is how a file input left empty arrives (browsers send a nameless empty file, which a
 * server action's encoding then names "blob").
 */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const values = form.getAll(key).filter((v) => typeof v === 'string' || v.size > 0);
    if (values.length) out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

/** The first message for each field, keyed by its dotted path ('' for the whole input). */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}
