import { z } from 'zod';
import { describeReason, type Reason } from './similarity';

// What the duplicates screens and the forms' "this looks like" warning share: their actions' input and
// the words they show. The matching itself is lib/customers/similarity.ts.

/** Two records of one kind, in either order: a pair to dismiss or restore. */
export const pairSchema = z
  .object({ a: z.coerce.number().int().positive(), b: z.coerce.number().int().positive() })
  .refine((p) => p.a !== p.b, { message: 'Pick two different records.' });

/** Text a form holds so far, for the look-alike check: missing is ''; longer than `max` is refused. */
export const typed = (max: number) => z.preprocess((v) => (v == null ? '' : v), z.string().max(max));

/**
 * A pair's score as a percentage, floored like the name similarities in describeReason, so that
 * "100 %" means certain evidence of every kind and a figure never rounds up past what was found.
 */
export function scorePercent(score: number): string {
  return `${Math.floor(Math.min(1, Math.max(0, score)) * 100)} %`;
}

/** A reason as it reads after a dash: "— same email ann@x.com". */
export function reasonPhrase(reason: Reason): string {
  const words = describeReason(reason);
  return words.charAt(0).toLowerCase() + words.slice(1);
}

/** A record the unsaved form looks like, ready to show: where it is and why, in words. */
export type Lookalike = { id: number; name: string; href: string; detail: string | null; reasons: string[] };

export function lookalikesToShow(found: readonly { id: number; name: string; detail: string | null; reasons: readonly Reason[] }[], href: (id: number) => string): Lookalike[] {
  return found.map((f) => ({ id: f.id, name: f.name || 'Unnamed', href: href(f.id), detail: f.detail, reasons: f.reasons.map(reasonPhrase) }));
}
