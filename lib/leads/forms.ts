import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { FORM_OWNER_MODES } from '@/db/schema';
import { parseTags } from '@/lib/contacts/schemas';
import { splitName } from '@/lib/import/rows';
import { leadFields } from '@/lib/leads/schemas';
import { optionalText, requiredText } from '@/lib/validation/text';

// Web forms (issue 14), the pure part: what a form is (the admin's editor and the database agree on
// this shape), how a submission's body is read and checked against the form's fields with the lead's
// own rules, the spam checks that need no third party, the signed render time, round-robin, and which
// sites may frame or post a form. The database side is db/queries/lead-forms.ts.

// ─── The form's definition ───────────────────────────────────────────────────────────────────────

/** The lead fields a form can ask for; fullName is split into first and last name. */
export const FORM_FIELD_KEYS = ['fullName', 'firstName', 'lastName', 'email', 'phone', 'companyName', 'title', 'website', 'country', 'notes'] as const;
export type FormFieldKey = (typeof FORM_FIELD_KEYS)[number];

export const FORM_FIELD_NAMES: Record<FormFieldKey, string> = {
  fullName: 'Full name',
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  companyName: 'Company',
  title: 'Job title',
  website: 'Website',
  country: 'Country (two letters)',
  notes: 'Message',
};

/** Which input a field is drawn with on the hosted page and in the script embed. */
export const FORM_FIELD_INPUT: Record<FormFieldKey, { type: 'text' | 'email' | 'tel' | 'url' | 'textarea'; autoComplete: string }> = {
  fullName: { type: 'text', autoComplete: 'name' },
  firstName: { type: 'text', autoComplete: 'given-name' },
  lastName: { type: 'text', autoComplete: 'family-name' },
  email: { type: 'email', autoComplete: 'email' },
  phone: { type: 'tel', autoComplete: 'tel' },
  companyName: { type: 'text', autoComplete: 'organization' },
  title: { type: 'text', autoComplete: 'organization-title' },
  website: { type: 'text', autoComplete: 'url' },
  country: { type: 'text', autoComplete: 'country' },
  notes: { type: 'textarea', autoComplete: 'off' },
};

export const formFieldSchema = z.object({
  field: z.enum(FORM_FIELD_KEYS, { message: 'Choose a lead field' }),
  label: requiredText({ max: 100, required: 'Give the field a label', tooLong: 'Keep the label under 100 characters' }),
  required: z.boolean().default(false),
});
export type FormField = z.output<typeof formFieldSchema>;

export const DEFAULT_FORM_FIELDS: FormField[] = [
  { field: 'fullName', label: 'Name', required: true },
  { field: 'email', label: 'Email', required: true },
  { field: 'companyName', label: 'Company', required: false },
  { field: 'notes', label: 'Message', required: false },
];

/** The honeypot: a field people never see or fill. */
export const HONEYPOT = 'website_url';
/** The signed render time sent back with the form. */
export const RENDERED_FIELD = '_t';
/** Fields a submission may carry besides the form's own: where it was filled and how. */
const META_FIELDS = [HONEYPOT, RENDERED_FIELD, 'consent', 'utm_source', 'utm_medium', 'utm_campaign', 'page_url', 'referrer', 'cf-turnstile-response'];
export const MIN_FILL_MS = 3000;
/** A render time older than this no longer vouches for a person (a scraped page replayed later). */
export const RENDER_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;
export const FORM_BODY_LIMIT = 32 * 1024;

const NAME_FIELDS = ['fullName', 'firstName', 'lastName'] as const;

/** "https://Example.com/" → "https://example.com"; null when the line is not a bare http(s) origin. */
export function normaliseOrigin(line: string): string | null {
  const text = line.trim().replace(/\/+$/, '');
  const wildcard = /^(https?):\/\/\*\.([a-z0-9.-]+)(:\d+)?$/i.exec(text);
  if (wildcard) return `${wildcard[1].toLowerCase()}://*.${wildcard[2].toLowerCase()}${wildcard[3] ?? ''}`;
  if (!URL.canParse(text)) return null;
  const url = new URL(text);
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.pathname !== '/' || url.search || url.hash || url.username) return null;
  if (text.toLowerCase() !== url.origin.toLowerCase()) return null;
  return url.origin;
}

/** The allowed origins as stored (one a line), normalised; lines that are not origins are left out. */
export function originList(text: string | null | undefined): string[] {
  return [...new Set((text ?? '').split(/\r?\n/).map(normaliseOrigin).filter((o): o is string => o !== null))];
}

/**
 * Whether a browser origin is one the form allows: the same scheme, host and port as a listed
 * origin, or a subdomain of a `https://*.example.com` entry (not example.com itself).
 */
export function originAllowed(origin: string | null | undefined, allowed: string[]): boolean {
  if (!origin || origin === 'null') return false;
  const o = normaliseOrigin(origin);
  if (!o || o.includes('*')) return false;
  const url = new URL(o);
  return allowed.some((entry) => {
    if (!entry.includes('*')) return entry === o;
    const m = /^(https?):\/\/\*\.([^:]+)(:\d+)?$/.exec(entry);
    if (!m || `${m[1]}:` !== url.protocol || (m[3] ?? '') !== (url.port ? `:${url.port}` : '')) return false;
    return url.hostname.endsWith(`.${m[2]}`);
  });
}

const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'Use at least 3 characters')
  .max(60, 'Keep the slug under 60 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lower-case letters, digits and dashes');

/** "Contact us!" → "contact-us". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

const jsonArray = (v: unknown) => {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());
const optionalId = z.preprocess((v) => (v === '' || v === null || v === undefined ? null : v), z.coerce.number().int().positive().nullable());
const idList = z.preprocess(
  (v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]),
  z.array(z.coerce.number().int().positive()).max(50, 'Choose at most 50 users'),
);

/** What the admin's editor sends; the action and the query take its output. */
export const webFormSchema = z
  .object({
    name: requiredText({ max: 100, required: 'Name the form', tooLong: 'Keep the name under 100 characters' }),
    slug: z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string()),
    fields: z.preprocess(jsonArray, z.array(formFieldSchema, { message: 'Add at least one field' }).min(1, 'Add at least one field').max(10, 'Use at most 10 fields')),
    consentEnabled: checkbox,
    consentText: optionalText({ max: 1000, multiline: true, tooLong: 'Keep the wording under 1,000 characters' }),
    afterSend: z.enum(['message', 'redirect']).default('message'),
    thankYouMessage: optionalText({ max: 1000, multiline: true, tooLong: 'Keep the message under 1,000 characters' }),
    redirectUrl: optionalText({ max: 1000 }),
    ownerMode: z.enum(FORM_OWNER_MODES, { message: 'Choose who gets the leads' }),
    ownerId: optionalId,
    roundRobinUserIds: idList,
    sourceId: optionalId,
    tags: z.preprocess(parseTags, z.array(z.string().max(40, 'Keep each tag under 40 characters')).max(10, 'Use at most 10 tags')),
    allowedOrigins: optionalText({ max: 4000, multiline: true, tooLong: 'Keep the list under 4,000 characters' }),
    turnstileSiteKey: optionalText({ max: 200 }),
    turnstileSecret: optionalText({ max: 200 }),
    active: checkbox,
  })
  .transform((v, ctx) => {
    const slug = v.slug.trim() === '' ? slugify(v.name) : v.slug;
    const parsedSlug = slugSchema.safeParse(slug);
    if (!parsedSlug.success) ctx.addIssue({ code: 'custom', path: ['slug'], message: parsedSlug.error.issues[0].message });
    const seen = new Set<string>();
    v.fields.forEach((f, i) => {
      if (seen.has(f.field)) ctx.addIssue({ code: 'custom', path: ['fields'], message: `${FORM_FIELD_NAMES[f.field]} is asked twice (field ${i + 1})` });
      seen.add(f.field);
    });
    if (seen.has('fullName') && (seen.has('firstName') || seen.has('lastName')))
      ctx.addIssue({ code: 'custom', path: ['fields'], message: 'Ask for the full name or for first and last name, not both' });
    if (!seen.has('email') && !NAME_FIELDS.some((k) => seen.has(k))) ctx.addIssue({ code: 'custom', path: ['fields'], message: 'Ask for a name or an email: someone to get back to' });
    if (v.consentEnabled && !v.consentText) ctx.addIssue({ code: 'custom', path: ['consentText'], message: 'Write what the visitor agrees to' });
    let redirectUrl: string | null = null;
    if (v.afterSend === 'redirect') {
      if (!v.redirectUrl || !/^https?:\/\//i.test(v.redirectUrl) || !URL.canParse(v.redirectUrl))
        ctx.addIssue({ code: 'custom', path: ['redirectUrl'], message: 'Enter a full address like https://example.com/thanks' });
      else redirectUrl = new URL(v.redirectUrl).href;
    }
    if (v.ownerMode === 'user' && !v.ownerId) ctx.addIssue({ code: 'custom', path: ['ownerId'], message: 'Choose who gets the leads' });
    if (v.ownerMode === 'round_robin' && v.roundRobinUserIds.length === 0) ctx.addIssue({ code: 'custom', path: ['roundRobinUserIds'], message: 'Choose at least one user to take turns' });
    const badOrigin = (v.allowedOrigins ?? '').split(/\r?\n/).find((line) => line.trim() !== '' && normaliseOrigin(line) === null);
    if (badOrigin) ctx.addIssue({ code: 'custom', path: ['allowedOrigins'], message: `“${badOrigin.trim().slice(0, 60)}” is not a site address like https://example.com` });
    if (Boolean(v.turnstileSiteKey) !== Boolean(v.turnstileSecret)) ctx.addIssue({ code: 'custom', path: ['turnstileSecret'], message: 'Enter both the Turnstile site key and its secret, or neither' });
    return {
      name: v.name,
      slug: parsedSlug.success ? parsedSlug.data : slug,
      fields: v.fields,
      consentEnabled: v.consentEnabled,
      consentText: v.consentText ?? null,
      thankYouMessage: v.afterSend === 'message' ? (v.thankYouMessage ?? null) : null,
      redirectUrl,
      ownerMode: v.ownerMode,
      ownerId: v.ownerMode === 'user' ? v.ownerId : null,
      roundRobinUserIds: v.ownerMode === 'round_robin' ? [...new Set(v.roundRobinUserIds)] : [],
      sourceId: v.sourceId,
      tags: v.tags,
      allowedOrigins: originList(v.allowedOrigins).join('\n'),
      turnstileSiteKey: v.turnstileSiteKey ?? null,
      turnstileSecret: v.turnstileSecret ?? null,
      active: v.active,
    };
  });
export type WebFormInput = z.output<typeof webFormSchema>;

export const DEFAULT_THANK_YOU = 'Thank you! We got your message and will be in touch soon.';

// ─── Reading a submission ────────────────────────────────────────────────────────────────────────

export type Payload = Record<string, string>;
export type PayloadResult = { ok: true; data: Payload } | { ok: false; status: 400 | 413 | 415; error: string };

const MAX_KEYS = 60;

function fromEntries(entries: Iterable<[string, unknown]>): PayloadResult {
  const data: Payload = {};
  let n = 0;
  for (const [key, value] of entries) {
    if (++n > MAX_KEYS) return { ok: false, status: 400, error: 'This form was sent with too many fields.' };
    if (typeof value !== 'string') return { ok: false, status: 400, error: `“${key.slice(0, 40)}” must be text.` };
    // A key sent twice keeps its first value: the form never sends one twice.
    if (!(key in data)) data[key] = value;
  }
  return { ok: true, data };
}

/**
 * A submission's body as text fields: form-encoded or multipart (the hosted page, any HTML form) or
 * a JSON object whose values are text, numbers or true/false. Files, nested values and anything over
 * the size limit are refused with a message for the sender.
 */
export async function parsePayload(contentType: string | null, body: Uint8Array): Promise<PayloadResult> {
  if (body.byteLength > FORM_BODY_LIMIT) return { ok: false, status: 413, error: 'This form was sent with too much text.' };
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const text = () => new TextDecoder('utf-8', { fatal: false }).decode(body);
  if (type === 'application/x-www-form-urlencoded') return fromEntries(new URLSearchParams(text()).entries());
  if (type === 'multipart/form-data') {
    let form: FormData;
    try {
      form = await new Response(body as BodyInit, { headers: { 'content-type': contentType ?? '' } }).formData();
    } catch {
      return { ok: false, status: 400, error: 'This form could not be read.' };
    }
    return fromEntries(form.entries());
  }
  if (type === 'application/json' || type === 'text/plain') {
    let value: unknown;
    try {
      value = JSON.parse(text());
    } catch {
      return { ok: false, status: 400, error: 'Send the fields as a JSON object.' };
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, status: 400, error: 'Send the fields as a JSON object.' };
    return fromEntries(
      Object.entries(value).map(([k, v]): [string, unknown] => [k, typeof v === 'number' && Number.isFinite(v) ? String(v) : typeof v === 'boolean' ? (v ? 'true' : '') : v === null ? '' : v]),
    );
  }
  return { ok: false, status: 415, error: 'Send the form as form fields or as JSON.' };
}

const meta = {
  utmSource: optionalText({ max: 200 }).catch(null),
  utmMedium: optionalText({ max: 200 }).catch(null),
  utmCampaign: optionalText({ max: 200 }).catch(null),
  pageUrl: optionalText({ max: 1000 }).catch(null),
  referrer: optionalText({ max: 1000 }).catch(null),
};
const fullName = optionalText({ max: 200, tooLong: 'Keep the name under 200 characters' });

export type Submission = {
  lead: {
    firstName: string | null;
    lastName: string | null;
    email: string | null;
    phone: string | null;
    companyName: string | null;
    title: string | null;
    website: string | null;
    country: string | null;
    notes: string | null;
  };
  /** The form's own fields as the visitor sent them (cleaned), for the submission row. */
  values: Record<string, string>;
  consent: boolean;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  pageUrl: string | null;
  referrer: string | null;
  honeypot: string;
  rendered: string | null;
  turnstileToken: string | null;
};

/** UTM parameters from the page the form sat on, when the sender did not pass them one by one. */
function utmFromUrl(pageUrl: string | null): { source: string | null; medium: string | null; campaign: string | null } {
  if (!pageUrl || !URL.canParse(pageUrl)) return { source: null, medium: null, campaign: null };
  const p = new URL(pageUrl).searchParams;
  const get = (k: string) => p.get(k)?.trim().slice(0, 200) || null;
  return { source: get('utm_source'), medium: get('utm_medium'), campaign: get('utm_campaign') };
}

const yes = (v: string | undefined) => v !== undefined && ['on', 'true', '1', 'yes'].includes(v.trim().toLowerCase());

/**
 * Checks a payload against the form: each of its fields with the lead's rule for that field, required
 * ones filled, the consent ticked when the form asks for it, and a name or an email to get back to.
 * Field errors are keyed by the field's input name.
 */
export function readSubmission(form: { fields: FormField[]; consentEnabled: boolean }, payload: Payload): { ok: true; submission: Submission } | { ok: false; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  const lead: Submission['lead'] = { firstName: null, lastName: null, email: null, phone: null, companyName: null, title: null, website: null, country: null, notes: null };
  const values: Record<string, string> = {};
  for (const f of form.fields) {
    const raw = payload[f.field] ?? '';
    const schema = f.field === 'fullName' ? fullName : leadFields[f.field];
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      fieldErrors[f.field] = parsed.error.issues[0].message;
      continue;
    }
    const value = (parsed.data ?? null) as string | null;
    if (value === null) {
      if (f.required) fieldErrors[f.field] = `Fill in ${f.label.replace(/[:*\s]+$/, '')}`;
      continue;
    }
    values[f.field] = value;
    if (f.field === 'fullName') {
      const name = splitName(value);
      lead.firstName = name.firstName || null;
      lead.lastName = name.lastName || null;
    } else lead[f.field] = value;
  }
  const consent = yes(payload.consent);
  if (form.consentEnabled && !consent) fieldErrors.consent = 'Tick the box to agree before sending';
  if (Object.keys(fieldErrors).length === 0 && !lead.firstName && !lead.lastName && !lead.email) {
    const where = form.fields.find((f) => f.field === 'email' || NAME_FIELDS.includes(f.field as (typeof NAME_FIELDS)[number]));
    fieldErrors[where?.field ?? 'form'] = 'Enter your name or your email so we can get back to you';
  }
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  const pageUrl = meta.pageUrl.parse(payload.page_url) ?? null;
  const fromPage = utmFromUrl(pageUrl);
  return {
    ok: true,
    submission: {
      lead,
      values,
      consent: form.consentEnabled && consent,
      utmSource: meta.utmSource.parse(payload.utm_source) ?? fromPage.source,
      utmMedium: meta.utmMedium.parse(payload.utm_medium) ?? fromPage.medium,
      utmCampaign: meta.utmCampaign.parse(payload.utm_campaign) ?? fromPage.campaign,
      pageUrl,
      referrer: meta.referrer.parse(payload.referrer) ?? null,
      honeypot: payload[HONEYPOT] ?? '',
      rendered: payload[RENDERED_FIELD] ?? null,
      turnstileToken: payload['cf-turnstile-response'] ?? null,
    },
  };
}

/** The payload keys a form understands; anything else a sender adds is ignored. */
export function knownKeys(fields: FormField[]): string[] {
  return [...fields.map((f) => f.field), ...META_FIELDS];
}

// ─── Spam ────────────────────────────────────────────────────────────────────────────────────────

// A scheme (http://, ftp://…), "www.", markup links, or a domain with a path or a common top-level
// domain: nobody's name holds one; link spam always does.
const LINK = new RegExp(
  [
    String.raw`[a-z][a-z0-9+.-]*:\/\/`,
    String.raw`\bwww\.`,
    String.raw`<\s*a\b`,
    String.raw`\[url`,
    String.raw`[\p{L}\p{N}-]{2,}\.[a-z]{2,}\/`,
    String.raw`[\p{L}\p{N}-]{2,}\.(?:com|net|org|info|biz|io|co|ru|cn|xyz|top|site|online|shop|store|app|dev|me|us|uk|de|fr|ly|link|click|live|club|pro|vip|win|bid|loan|work|tk|ml|ga|cf|gq)\b`,
  ].join('|'),
  'iu',
);

export function looksLikeLink(text: string | null | undefined): boolean {
  return Boolean(text && LINK.test(text));
}

/** Signs the moment a form was drawn, for the minimum fill time: "<ms>.<mac>". */
export function signRenderTime(secret: string, slug: string, at: number): string {
  return `${at}.${createHmac('sha256', secret).update(`keel-form:${slug}:${at}`).digest('base64url')}`;
}

/** The signed render time, or null when it is missing, malformed or not signed by us for this form. */
export function verifyRenderTime(secret: string, slug: string, token: string | null | undefined): number | null {
  const m = /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(token ?? '');
  if (!m) return null;
  const expected = Buffer.from(signRenderTime(secret, slug, Number(m[1])).split('.')[1]);
  const given = Buffer.from(m[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? Number(m[1]) : null;
}

export type SpamInput = {
  honeypot: string;
  /** The verified render time; null when none came or it was not ours; undefined when none was sent. */
  renderedAt: number | null | undefined;
  now: number;
  names: (string | null)[];
  minFillMs?: number;
};

/**
 * Why a submission is spam, or null. The honeypot filled, a forged render time, sent sooner than a
 * person could fill the form (or replayed long after), or a link in a name. A submission without any
 * render time (a plain POST from a site's own HTML) is judged by the other checks alone.
 */
export function spamReason(s: SpamInput): string | null {
  if (s.honeypot.trim() !== '') return 'The hidden field was filled';
  if (s.renderedAt === null) return 'The form’s timestamp was not ours';
  if (s.renderedAt !== undefined) {
    const took = s.now - s.renderedAt;
    if (took < (s.minFillMs ?? MIN_FILL_MS)) return `Sent ${Math.max(0, Math.round(took / 100) / 10)} s after the form was shown`;
    if (took > RENDER_MAX_AGE_MS) return 'The form was shown more than a week before it was sent';
  }
  if (s.names.some(looksLikeLink)) return 'A link in a name';
  return null;
}

// ─── Owners ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Whose turn it is: from the cursor, the first user in the rotation who is still active; `next` is
 * the cursor after them. Deactivated users are skipped (keeping the order of the rest). Null when no
 * one in the rotation is active.
 */
export function pickRoundRobin(userIds: number[], cursor: number, active: ReadonlySet<number>): { userId: number; next: number } | null {
  const n = userIds.length;
  if (n === 0) return null;
  const start = ((Math.trunc(cursor) % n) + n) % n;
  for (let i = 0; i < n; i++) {
    const at = (start + i) % n;
    if (active.has(userIds[at])) return { userId: userIds[at], next: (at + 1) % n };
  }
  return null;
}

// ─── Framing ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The page policy for a hosted form: the same as every page's (the nonce kept), except that the
 * form's allowed sites (and Keel itself) may frame it, a form with Turnstile may load Cloudflare's
 * widget, and a form with a redirect may be sent on to that site.
 */
export function formPagePolicy(policy: string, origins: string[], turnstile: boolean, redirectUrl: string | null = null): string {
  const ancestors = ["'self'", ...origins].join(' ');
  let out = /frame-ancestors [^;]*/.test(policy) ? policy.replace(/frame-ancestors [^;]*/, `frame-ancestors ${ancestors}`) : `${policy}; frame-ancestors ${ancestors}`;
  // A form sent without script is answered with a redirect to the form's page; form-action covers it.
  const target = redirectUrl && URL.canParse(redirectUrl) ? new URL(redirectUrl).origin : null;
  if (target && target !== 'null') out = out.replace(/form-action ([^;]*)/, `form-action $1 ${target}`);
  if (turnstile) {
    const cf = 'https://challenges.cloudflare.com';
    out = /frame-src [^;]*/.test(out) ? out.replace(/frame-src ([^;]*)/, `frame-src $1 ${cf}`) : `${out}; frame-src ${cf}`;
    out = out.replace(/connect-src ([^;]*)/, `connect-src $1 ${cf}`);
  }
  return out;
}

// ─── Embedding ───────────────────────────────────────────────────────────────────────────────────

/** The link, the iframe and script snippets and a POST example the editor shows for a form. */
export function embedSnippets(origin: string, slug: string, sample: Record<string, string>) {
  const link = `${origin}/f/${slug}`;
  const id = `keel-form-${slug}`;
  const iframe = [
    `<iframe id="${id}" title="Contact form" style="width:100%;height:560px;border:0"></iframe>`,
    '<script>',
    '(function () {',
    `  var f = document.getElementById('${id}');`,
    `  f.src = '${link}?embed=1&page=' + encodeURIComponent(location.href) + '&ref=' + encodeURIComponent(document.referrer);`,
    '  window.addEventListener(\'message\', function (e) {',
    `    if (e.origin === '${origin}' && e.data && e.data.keelForm === '${slug}') f.style.height = e.data.height + 'px';`,
    '  });',
    '})();',
    '</script>',
  ].join('\n');
  const script = `<div data-keel-form="${slug}"></div>\n<script src="${link}/embed.js" async></script>`;
  const post = [
    `curl -X POST ${origin}/api/forms/${slug} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${JSON.stringify(sample)}'`,
    '',
    `<!-- or from a plain HTML form: -->`,
    `<form method="post" action="${origin}/api/forms/${slug}">…</form>`,
  ].join('\n');
  return { link, iframe, script, post };
}

/** Example values for the POST example: one per field of the form. */
export function sampleSubmission(fields: FormField[]): Record<string, string> {
  const examples: Record<FormFieldKey, string> = {
    fullName: 'Ada Lovelace',
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'ada@example.com',
    phone: '+44 20 7946 0000',
    companyName: 'Analytical Engines',
    title: 'Head of Research',
    website: 'example.com',
    country: 'GB',
    notes: 'Please call me back.',
  };
  return Object.fromEntries(fields.map((f) => [f.field, examples[f.field]]));
}
