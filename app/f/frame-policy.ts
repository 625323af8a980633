import { openDb, type Db } from '@/db/client';
import { formPagePolicy, originList } from '@/lib/leads/forms';

// Used by proxy.ts, before the page renders: the front door (lib/http/front-door.ts) gives every page
// "frame-ancestors 'none'", and a hosted form is the one page other sites may frame: those its admin
// listed as allowed origins. Only the frame-ancestors (and, with Turnstile, Cloudflare's widget) change;
// the policy keeps this response's nonce. Kept free of 'server-only' so the proxy can load it.

const cache = globalThis as unknown as { keelDb?: Db };

/** The page policy for /f/<slug>, or null for any other path, an unknown or inactive form. */
export function hostedFormPolicy(pathname: string, requestPolicy: string | null): string | null {
  const m = /^\/f\/([a-z0-9-]{1,60})\/?$/.exec(pathname);
  if (!m || !requestPolicy) return null;
  cache.keelDb ??= openDb();
  const form = cache.keelDb.$client.prepare('select allowed_origins as origins, turnstile_site_key as turnstile, redirect_url as redirect from web_forms where slug = ? and active = 1').get(m[1]) as
    | { origins: string; turnstile: string | null; redirect: string | null }
    | undefined;
  return form ? formPagePolicy(requestPolicy, originList(form.origins), Boolean(form.turnstile), form.redirect) : null;
}
