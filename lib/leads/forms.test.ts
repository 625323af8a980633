import { describe, expect, test } from 'vitest';
import {
  embedSnippets,
  formPagePolicy,
  looksLikeLink,
  normaliseOrigin,
  originAllowed,
  originList,
  parsePayload,
  pickRoundRobin,
  readSubmission,
  signRenderTime,
  slugify,
  spamReason,
  verifyRenderTime,
  webFormSchema,
  FORM_BODY_LIMIT,
  type FormField,
} from './forms';

const enc = (s: string) => new TextEncoder().encode(s);

describe('origins', () => {
  test.each([
    ['https://example.com', 'https://example.com'],
    ['https://Example.COM/', 'https://example.com'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['https://*.example.com', 'https://*.example.com'],
    ['https://example.com/contact', null],
    ['example.com', null],
    ['ftp://example.com', null],
    ['https://example.com?x=1', null],
    ['javascript:alert(1)', null],
    ['', null],
  ])('normaliseOrigin(%j) = %j', (line, expected) => expect(normaliseOrigin(line)).toBe(expected));

  test('originList keeps the origins, once each, and drops the rest', () => {
    expect(originList('https://a.com\n\nhttps://A.com/\r\nnot a site\nhttp://b.test:8080')).toEqual(['https://a.com', 'http://b.test:8080']);
  });

  const allowed = ['https://shop.example', 'https://*.example.org', 'http://localhost:8080'];
  test.each([
    ['https://shop.example', true],
    ['http://shop.example', false],
    ['https://shop.example:8443', false],
    ['https://evil-shop.example', false],
    ['https://www.example.org', true],
    ['https://a.b.example.org', true],
    ['https://example.org', false],
    ['https://example.org.evil.com', false],
    ['http://localhost:8080', true],
    ['http://localhost:8081', false],
    ['null', false],
    [null, false],
  ])('originAllowed(%j) = %j', (origin, expected) => expect(originAllowed(origin, allowed)).toBe(expected));
});

describe('spam', () => {
  const now = 1_800_000_000_000;
  test.each([
    ['nothing wrong', { honeypot: '', renderedAt: now - 10_000, names: ['Ada', 'Lovelace'] }, null],
    ['no render time at all (a plain POST)', { honeypot: '', renderedAt: undefined, names: ['Ada'] }, null],
    ['the honeypot filled', { honeypot: 'http://spam', renderedAt: now - 10_000, names: ['Ada'] }, 'The hidden field was filled'],
    ['a forged render time', { honeypot: '', renderedAt: null, names: ['Ada'] }, 'The form’s timestamp was not ours'],
    ['too fast', { honeypot: '', renderedAt: now - 1_200, names: ['Ada'] }, 'Sent 1.2 s after the form was shown'],
    ['exactly the minimum is fine', { honeypot: '', renderedAt: now - 3_000, names: ['Ada'] }, null],
    ['a render time from the future', { honeypot: '', renderedAt: now + 60_000, names: ['Ada'] }, 'Sent 0 s after the form was shown'],
    ['replayed a month later', { honeypot: '', renderedAt: now - 30 * 86_400_000, names: ['Ada'] }, 'The form was shown more than a week before it was sent'],
    ['a link in a name', { honeypot: '', renderedAt: now - 10_000, names: ['Cheap pills http://x.ru', null] }, 'A link in a name'],
  ])('%s', (_label, input, expected) => expect(spamReason({ ...input, now })).toBe(expected));

  test.each([
    ['http://spam.example', true],
    ['HTTPS://SPAM.EXAMPLE', true],
    ['visit www.cheap', true],
    ['buy-now.com', true],
    ['pills.ru today', true],
    ['see bit.ly/abc', true],
    ['<a href=x>hi</a>', true],
    ['[url=x]y[/url]', true],
    ['Ada Lovelace', false],
    ['J.R.R. Tolkien', false],
    ['Anne-Marie O’Neil', false],
    ['Dr. Jones', false],
    ['St. John', false],
    ['', false],
    [null, false],
  ])('looksLikeLink(%j) = %j', (text, expected) => expect(looksLikeLink(text)).toBe(expected));

  test('a render time is signed per form and secret, and cannot be forged', () => {
    const t = signRenderTime('secret', 'contact', now);
    expect(verifyRenderTime('secret', 'contact', t)).toBe(now);
    expect(verifyRenderTime('other', 'contact', t)).toBeNull();
    expect(verifyRenderTime('secret', 'other-form', t)).toBeNull();
    expect(verifyRenderTime('secret', 'contact', t.replace(String(now), String(now - 60_000)))).toBeNull();
    expect(verifyRenderTime('secret', 'contact', `${now}`)).toBeNull();
    expect(verifyRenderTime('secret', 'contact', '')).toBeNull();
    expect(verifyRenderTime('secret', 'contact', null)).toBeNull();
  });
});

describe('round-robin', () => {
  const all = new Set([1, 2, 3]);
  test.each([
    ['the first turn', [1, 2, 3], 0, all, { userId: 1, next: 1 }],
    ['the middle', [1, 2, 3], 1, all, { userId: 2, next: 2 }],
    ['wraps around', [1, 2, 3], 2, all, { userId: 3, next: 0 }],
    ['a cursor past the end (the rotation shrank)', [1, 2], 5, all, { userId: 2, next: 0 }],
    ['skips a deactivated user', [1, 2, 3], 1, new Set([1, 3]), { userId: 3, next: 0 }],
    ['skips to the start', [1, 2, 3], 2, new Set([1]), { userId: 1, next: 1 }],
    ['one user', [7], 0, new Set([7]), { userId: 7, next: 0 }],
    ['nobody active', [1, 2], 0, new Set<number>(), null],
    ['nobody in the rotation', [], 0, all, null],
  ])('%s', (_label, ids, cursor, active, expected) => expect(pickRoundRobin(ids, cursor, active)).toEqual(expected));

  test('alternates over many turns', () => {
    let cursor = 0;
    const got: number[] = [];
    for (let i = 0; i < 5; i++) {
      const pick = pickRoundRobin([4, 9], cursor, new Set([4, 9]))!;
      got.push(pick.userId);
      cursor = pick.next;
    }
    expect(got).toEqual([4, 9, 4, 9, 4]);
  });
});

describe('payloads', () => {
  test.each([
    ['form-encoded', 'application/x-www-form-urlencoded', 'email=a%40b.com&fullName=Ada+L&email=second', { ok: true, data: { email: 'a@b.com', fullName: 'Ada L' } }],
    ['form-encoded with a charset', 'application/x-www-form-urlencoded; charset=UTF-8', 'a=%C3%A9', { ok: true, data: { a: 'é' } }],
    ['JSON', 'application/json', '{"email":"a@b.com","consent":true,"age":42,"x":null}', { ok: true, data: { email: 'a@b.com', consent: 'true', age: '42', x: '' } }],
    ['JSON as text/plain (no preflight)', 'text/plain;charset=UTF-8', '{"email":"a@b.com"}', { ok: true, data: { email: 'a@b.com' } }],
    ['JSON that is not an object', 'application/json', '["a"]', { ok: false, status: 400, error: 'Send the fields as a JSON object.' }],
    ['broken JSON', 'application/json', '{"a":', { ok: false, status: 400, error: 'Send the fields as a JSON object.' }],
    ['a nested value', 'application/json', '{"email":{"$ne":1}}', { ok: false, status: 400, error: '“email” must be text.' }],
    ['an array value', 'application/json', '{"email":["a","b"]}', { ok: false, status: 400, error: '“email” must be text.' }],
    ['another type', 'application/xml', '<a/>', { ok: false, status: 415, error: 'Send the form as form fields or as JSON.' }],
    ['no type', null, 'a=1', { ok: false, status: 415, error: 'Send the form as form fields or as JSON.' }],
  ])('%s', async (_label, type, body, expected) => expect(await parsePayload(type, enc(body))).toEqual(expected));

  test('multipart, as the hosted page sends it; a file is refused', async () => {
    const form = new FormData();
    form.append('email', 'a@b.com');
    form.append('notes', 'line 1\nline 2');
    const req = new Request('http://x', { method: 'POST', body: form });
    const type = req.headers.get('content-type');
    expect(await parsePayload(type, new Uint8Array(await req.arrayBuffer()))).toEqual({ ok: true, data: { email: 'a@b.com', notes: 'line 1\r\nline 2' } });
    form.append('cv', new Blob(['x']), 'cv.pdf');
    const req2 = new Request('http://x', { method: 'POST', body: form });
    expect(await parsePayload(req2.headers.get('content-type'), new Uint8Array(await req2.arrayBuffer()))).toEqual({ ok: false, status: 400, error: '“cv” must be text.' });
  });

  test('oversized and too many fields', async () => {
    expect(await parsePayload('application/json', new Uint8Array(FORM_BODY_LIMIT + 1))).toMatchObject({ ok: false, status: 413 });
    const many = Array.from({ length: 61 }, (_, i) => `k${i}=v`).join('&');
    expect(await parsePayload('application/x-www-form-urlencoded', enc(many))).toMatchObject({ ok: false, status: 400 });
  });
});

describe('reading a submission', () => {
  const fields: FormField[] = [
    { field: 'fullName', label: 'Your name', required: true },
    { field: 'email', label: 'Email', required: true },
    { field: 'website', label: 'Website', required: false },
    { field: 'country', label: 'Country', required: false },
  ];
  const form = { fields, consentEnabled: true };

  test('a good one: the name split, the email lower-cased, UTM from the page when not given', () => {
    const r = readSubmission(form, { fullName: '  Ada  Lovelace ', email: 'ADA@Example.com', country: 'gb', consent: 'on', page_url: 'https://shop.example/?utm_source=news&utm_campaign=spring', utm_medium: 'email', extra: 'ignored' });
    expect(r).toMatchObject({
      ok: true,
      submission: {
        lead: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com', country: 'GB', website: null },
        values: { fullName: 'Ada  Lovelace', email: 'ada@example.com', country: 'GB' },
        consent: true,
        utmSource: 'news',
        utmMedium: 'email',
        utmCampaign: 'spring',
        pageUrl: 'https://shop.example/?utm_source=news&utm_campaign=spring',
      },
    });
  });

  test.each([
    ['required fields left empty', { consent: 'on' }, { fullName: 'Fill in Your name', email: 'Fill in Email' }],
    ['a bad email and website', { fullName: 'Ada', email: 'nope', website: 'not a site', consent: 'on' }, { email: 'Enter a valid email address', website: 'Enter a website like example.com' }],
    ['a bad country', { fullName: 'Ada', email: 'a@b.co', country: 'Germany', consent: 'on' }, { country: 'Use a two-letter country code like US or DE' }],
    ['no consent', { fullName: 'Ada', email: 'a@b.co' }, { consent: 'Tick the box to agree before sending' }],
    ['a control character', { fullName: 'Ada\u0000', email: 'a@b.co', consent: 'on' }, { fullName: 'Remove the control characters (such as NUL) from this text' }],
  ])('%s', (_label, payload, fieldErrors) => expect(readSubmission(form, payload)).toEqual({ ok: false, fieldErrors }));

  test('optional fields only, left empty: a name or an email is still needed', () => {
    const loose = { fields: fields.map((f) => ({ ...f, required: false })), consentEnabled: false };
    expect(readSubmission(loose, {})).toEqual({ ok: false, fieldErrors: { fullName: 'Enter your name or your email so we can get back to you' } });
  });
});

describe('the form definition', () => {
  const base = {
    name: 'Contact us',
    slug: '',
    fields: JSON.stringify([{ field: 'email', label: 'Email', required: true }]),
    afterSend: 'message',
    ownerMode: 'user',
    ownerId: '3',
    tags: 'web, spring',
    allowedOrigins: 'https://shop.example/\nhttps://*.example.org',
    active: 'on',
  };

  test('a good form: slug from the name, origins normalised', () => {
    const r = webFormSchema.safeParse(base);
    expect(r.success && r.data).toMatchObject({ slug: 'contact-us', ownerId: 3, roundRobinUserIds: [], tags: ['web', 'spring'], allowedOrigins: 'https://shop.example\nhttps://*.example.org', active: true, consentEnabled: false });
  });

  test.each([
    ['a bad slug', { slug: 'Not OK!' }, 'slug', 'Use lower-case letters, digits and dashes'],
    ['no fields', { fields: '[]' }, 'fields', 'Add at least one field'],
    ['a field twice', { fields: JSON.stringify([{ field: 'email', label: 'A' }, { field: 'email', label: 'B' }]) }, 'fields', 'Email is asked twice (field 2)'],
    ['nobody to get back to', { fields: JSON.stringify([{ field: 'phone', label: 'Phone' }]) }, 'fields', 'Ask for a name or an email: someone to get back to'],
    ['full and first name', { fields: JSON.stringify([{ field: 'fullName', label: 'A' }, { field: 'firstName', label: 'B' }]) }, 'fields', 'Ask for the full name or for first and last name, not both'],
    ['consent without wording', { consentEnabled: 'on' }, 'consentText', 'Write what the visitor agrees to'],
    ['a redirect that is not a URL', { afterSend: 'redirect', redirectUrl: 'thanks.html' }, 'redirectUrl', 'Enter a full address like https://example.com/thanks'],
    ['no owner', { ownerId: '' }, 'ownerId', 'Choose who gets the leads'],
    ['an empty rotation', { ownerMode: 'round_robin' }, 'roundRobinUserIds', 'Choose at least one user to take turns'],
    ['a bad origin', { allowedOrigins: 'https://ok.example\nshop.example/path' }, 'allowedOrigins', '“shop.example/path” is not a site address like https://example.com'],
    ['half the Turnstile keys', { turnstileSiteKey: 'abc' }, 'turnstileSecret', 'Enter both the Turnstile site key and its secret, or neither'],
  ])('%s', (_label, patch, path, message) => {
    const r = webFormSchema.safeParse({ ...base, ...patch });
    expect(r.success).toBe(false);
    expect(r.error?.issues.find((i) => i.path.join('.') === path)?.message).toBe(message);
  });

  test.each([
    ['Contact us!', 'contact-us'],
    ['  Démo — Spring 2026 ', 'demo-spring-2026'],
    ['***', ''],
  ])('slugify(%j) = %j', (name, slug) => expect(slugify(name)).toBe(slug));
});

describe('framing and embedding', () => {
  const page = "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; connect-src 'self'; frame-ancestors 'none'";
  test('only the frame ancestors change, and the nonce stays', () => {
    expect(formPagePolicy(page, ['https://shop.example'], false)).toBe("default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; connect-src 'self'; frame-ancestors 'self' https://shop.example");
  });
  test('Turnstile may draw its widget', () => {
    const p = formPagePolicy(page, [], true);
    expect(p).toContain("frame-ancestors 'self'");
    expect(p).toContain('frame-src https://challenges.cloudflare.com');
    expect(p).toContain("connect-src 'self' https://challenges.cloudflare.com");
  });
  test('a form that redirects may send its visitor on to that site', () => {
    const p = formPagePolicy("form-action 'self'; frame-ancestors 'none'", [], false, 'https://shop.example/thanks?x=1');
    expect(p).toBe("form-action 'self' https://shop.example; frame-ancestors 'self'");
  });
  test('snippets point at this server and this form', () => {
    const s = embedSnippets('https://crm.example', 'contact-us', { email: 'ada@example.com' });
    expect(s.link).toBe('https://crm.example/f/contact-us');
    expect(s.iframe).toContain("'https://crm.example/f/contact-us?embed=1&page='");
    expect(s.iframe).toContain("e.origin === 'https://crm.example'");
    expect(s.script).toContain('<script src="https://crm.example/f/contact-us/embed.js" async></script>');
    expect(s.post).toContain('{"email":"ada@example.com"}');
  });
});
