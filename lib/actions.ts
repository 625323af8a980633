import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { getDb, type Db } from '@/db';
import type { Role } from '@/db/schema';
import { getSessionUser, type SessionUser } from '@/lib/auth/session';
import { AppError } from '@/lib/errors';
import { formDataToObject, zodFieldErrors } from '@/lib/form-data';
import { requestIp } from '@/lib/http/request-ip';

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; details?: Record<string, string | number> };

type Context = { user: SessionUser; db: Db };

/** Parses the input, runs the handler and answers in the one shape, whoever calls. */
async function settle<S extends z.ZodType, T>(schema: S, raw: unknown, run: (input: z.output<S>) => T | Promise<T>): Promise<ActionResult<Awaited<T>>> {
  const parsed = schema.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    const first = Object.values(fieldErrors)[0];
    return { ok: false, error: first ?? 'Check the form and try again.', fieldErrors };
  }
  try {
    return { ok: true, data: await run(parsed.data) };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof AppError)
      return { ok: false, error: error.message, fieldErrors: error.fieldErrors, ...(error.details ? { details: error.details } : {}) };
    console.error('Server action failed', error);
    return { ok: false, error: 'Something went wrong and nothing was saved. Try again.' };
  }
}

/**
 * The one wrapper every server action goes through. A server action is a public POST endpoint, so
 * this loads the session (nothing happens without one), checks the role, parses the input with the
 * zod schema, runs the handler and answers in one shape. AppError messages are shown as they are;
 * anything else is logged and shown as a generic failure. Next's redirect/notFound pass through.
 */
export function defineAction<S extends z.ZodType, T>(
  options: { schema: S; roles?: readonly Role[] },
  handler: (input: z.output<S>, ctx: Context) => T | Promise<T>,
) {
  return async function action(raw: z.input<S> | FormData): Promise<ActionResult<Awaited<T>>> {
    const user = await getSessionUser();
    if (!user) return { ok: false, error: 'Your session has ended. Sign in again.' };
    if (options.roles && !options.roles.includes(user.role)) return { ok: false, error: 'You are not allowed to do that.' };
    return settle(options.schema, raw, (input) => handler(input, { user, db: getDb() }));
  };
}

/**
 * The same for the few actions anyone may call without signing in (a customer answering a quote on
 * its public link): no session, so the handler must find what it acts on by an unguessable token,
 * and it gets the caller's address for the record (the socket's, or a trusted proxy's: never a
 * forwarded header as the caller wrote it).
 */
export function definePublicAction<S extends z.ZodType, T>(options: { schema: S }, handler: (input: z.output<S>, ctx: { db: Db; ip: string | null }) => T | Promise<T>) {
  return async function action(raw: z.input<S> | FormData): Promise<ActionResult<Awaited<T>>> {
    return settle(options.schema, raw, async (input) => handler(input, { db: getDb(), ip: await requestIp() }));
  };
}
