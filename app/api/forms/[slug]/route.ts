import { getDb } from '@/db';
import { readLimited } from '@/lib/http/read-limited';
import { formSigningSecret, getWebFormBySlug, recordSubmission, type WebForm } from '@/db/queries/lead-forms';
import { hitRateLimit } from '@/db/queries/rate-limits';
import { CLIENT_IP_HEADER, normaliseIp } from '@/lib/http/client-ip';
import { requestOrigin } from '@/lib/http/origin';
import {
  DEFAULT_THANK_YOU,
  FORM_BODY_LIMIT,
  originAllowed,
  originList,
  parsePayload,
  readSubmission,
  RENDERED_FIELD,
  spamReason,
  verifyRenderTime,
} from '@/lib/leads/forms';

export const dynamic = 'force-dynamic';

// POST /api/forms/<slug>: a web form's submission from the hosted page, an embed or any site's own
// HTML or code (form fields, multipart or JSON). Unknown and inactive forms are "not found" alike;
// browsers on other sites are let in only from the form's allowed origins (CORS); each address may
// send a form 5 times in 10 minutes; spam is kept, marked, and answered like anything else.

const TEN_MINUTES = 10 * 60_000;
const DEFAULT_TURNSTILE_VERIFY = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';

/** Per address and form; FORM_RATE_LIMIT_MAX changes it (a benchmark lifts it). */
function rateLimitMax(): number {
  const n = Number(process.env.FORM_RATE_LIMIT_MAX);
  return Number.isInteger(n) && n > 0 ? n : 5;
}

type Ctx = { params: Promise<{ slug: string }> };

function activeForm(slug: string): WebForm | null {
  if (!/^[a-z0-9-]{1,60}$/.test(slug)) return null;
  const form = getWebFormBySlug(getDb(), slug);
  return form?.active ? form : null;
}

/** The CORS headers for this caller: its origin echoed when the form allows it. */
function corsHeaders(request: Request, form: WebForm | null): Headers {
  const headers = new Headers({ 'Cache-Control': 'no-store', Vary: 'Origin' });
  const origin = request.headers.get('origin');
  if (form && origin && originAllowed(origin, originList(form.allowedOrigins))) headers.set('Access-Control-Allow-Origin', origin);
  return headers;
}

function ownOrigin(request: Request): string[] {
  return [requestOrigin(request.headers), new URL(request.url).origin];
}

function wantsJson(request: Request): boolean {
  const type = request.headers.get('content-type') ?? '';
  return /json|text\/plain/i.test(type) || /application\/json/i.test(request.headers.get('accept') ?? '');
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** What a browser that posted the form without script sees when something is wrong. */
function htmlProblem(status: number, headline: string, lines: string[], headers: Headers, back: string | null): Response {
  headers.set('Content-Type', 'text/html; charset=utf-8');
  const items = lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('');
  return new Response(
    `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(headline)}</title>` +
      `<main style="font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem"><h1 style="font-size:1.25rem">${escapeHtml(headline)}</h1>` +
      `<ul>${items}</ul>${back ? `<p><a href="${escapeHtml(back)}">Back to the form</a></p>` : ''}</main>`,
    { status, headers },
  );
}

function problem(request: Request, status: number, error: string, headers: Headers, fieldErrors?: Record<string, string>, form?: WebForm): Response {
  if (!wantsJson(request)) return htmlProblem(status, error, Object.values(fieldErrors ?? {}), headers, form ? `/f/${form.slug}` : null);
  return Response.json({ ok: false, error, ...(fieldErrors ? { fieldErrors } : {}) }, { status, headers });
}

/** Cloudflare's answer on a Turnstile token (TURNSTILE_VERIFY_URL points tests at a local server). */
async function turnstilePasses(secret: string, token: string | null, ip: string | null): Promise<boolean> {
  if (!token) return false;
  const body = new URLSearchParams({ secret, response: token });
  if (ip) body.set('remoteip', ip);
  try {
    const res = await fetch(process.env.TURNSTILE_VERIFY_URL || DEFAULT_TURNSTILE_VERIFY, { method: 'POST', body, signal: AbortSignal.timeout(8000) });
    const json = (await res.json()) as { success?: unknown };
    return json.success === true;
  } catch (error) {
    console.error('Turnstile verification failed', error);
    return false;
  }
}

export async function OPTIONS(request: Request, { params }: Ctx) {
  const form = activeForm((await params).slug);
  if (!form) return new Response(null, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const headers = corsHeaders(request, form);
  if (headers.has('Access-Control-Allow-Origin')) {
    headers.set('Access-Control-Allow-Methods', 'POST, OPTIONS');
    headers.set('Access-Control-Allow-Headers', 'Content-Type, Accept');
    headers.set('Access-Control-Max-Age', '600');
  }
  return new Response(null, { status: 204, headers });
}

export async function POST(request: Request, { params }: Ctx) {
  const { slug } = await params;
  const form = activeForm(slug);
  const headers = corsHeaders(request, form);
  if (!form) return problem(request, 404, 'This form does not exist.', headers);

  const origin = request.headers.get('origin');
  if (origin && !headers.has('Access-Control-Allow-Origin') && !ownOrigin(request).includes(origin))
    return problem(request, 403, 'This site may not send this form.', headers);

  const db = getDb();
  const now = Date.now();
  const ip = normaliseIp(request.headers.get(CLIENT_IP_HEADER));
  const limit = hitRateLimit(db, { key: `form:${form.id}:${ip ?? 'unknown'}`, max: rateLimitMax(), windowMs: TEN_MINUTES }, now);
  if (!limit.ok) {
    headers.set('Retry-After', String(limit.retryAfterSec));
    return problem(request, 429, `Too many forms sent from your address. Try again in ${Math.ceil(limit.retryAfterSec / 60)} minutes.`, headers);
  }

  const body = await readLimited(request, FORM_BODY_LIMIT);
  if (!body) return problem(request, 413, 'This form was sent with too much text.', headers);
  const payload = await parsePayload(request.headers.get('content-type'), body);
  if (!payload.ok) return problem(request, payload.status, payload.error, headers);
  const checked = readSubmission(form, payload.data);
  if (!checked.ok) return problem(request, 400, 'Check the highlighted fields.', headers, checked.fieldErrors, form);
  const s = checked.submission;

  if (form.turnstileSecret && !(await turnstilePasses(form.turnstileSecret, s.turnstileToken, ip)))
    return problem(request, 400, 'The check that you are a person did not pass. Try again.', headers, { form: 'Complete the check that you are a person' }, form);

  const reason = spamReason({
    honeypot: s.honeypot,
    renderedAt: RENDERED_FIELD in payload.data ? verifyRenderTime(formSigningSecret(), form.slug, s.rendered) : undefined,
    now,
    names: [s.lead.firstName, s.lead.lastName, payload.data.fullName ?? null],
  });
  recordSubmission(db, form, s, { now, ip, userAgent: request.headers.get('user-agent')?.slice(0, 500) ?? null, spamReason: reason });

  // Spam is answered like a real submission: a bot learns nothing from the answer.
  const message = form.thankYouMessage ?? DEFAULT_THANK_YOU;
  if (wantsJson(request)) return Response.json({ ok: true, message: form.redirectUrl ? null : message, redirectUrl: form.redirectUrl }, { status: 200, headers });
  headers.set('Location', form.redirectUrl ?? new URL(`/f/${form.slug}?sent=1`, requestOrigin(request.headers)).href);
  return new Response(null, { status: 303, headers });
}
