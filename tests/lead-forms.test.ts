import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/db/queries/users';
import { createTestDb } from './support/db';

// The form endpoint as a visitor's browser or another site reaches it: the real route handlers with
// Request objects, a real migrated database; only the session and Next's cache are mocked.
process.env.AUTH_SECRET = 'test-secret-for-forms';
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ getSessionUser: async () => session.user }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));
let db: Db;
vi.mock('@/db', () => ({ getDb: () => db }));

const { createUser, setUserActive } = await import('@/db/queries/users');
const { seedEmptyWorkspace } = await import('@/db/seed');
const { createContact } = await import('@/db/queries/contacts');
const { contactSchema } = await import('@/lib/contacts/schemas');
const { getWebForm, releaseSpamLead } = await import('@/db/queries/lead-forms');
const { signRenderTime, webFormSchema } = await import('@/lib/leads/forms');
const route = await import('@/app/api/forms/[slug]/route');
const actions = await import('@/app/(app)/settings/forms/actions');

let admin: SessionUser;
let ana: SessionUser;
let ben: SessionUser;
let cat: SessionUser;
let ip = 0;

const all = <T>(sql: string, ...p: unknown[]) => db.$client.prepare(sql).all(...p) as T[];
const one = <T>(sql: string, ...p: unknown[]) => db.$client.prepare(sql).get(...p) as T;
const count = (table: string, where = '1') => one<{ n: number }>(`select count(*) as n from ${table} where ${where}`).n;

async function newForm(patch: Record<string, unknown> = {}): Promise<{ id: number; slug: string }> {
  session.user = admin;
  const slug = `form-${Math.random().toString(36).slice(2, 8)}`;
  const r = await actions.createFormAction({
    name: 'Contact us',
    slug,
    fields: JSON.stringify([
      { field: 'fullName', label: 'Name', required: true },
      { field: 'email', label: 'Email', required: true },
      { field: 'companyName', label: 'Company', required: false },
      { field: 'title', label: 'Job title', required: false },
    ]),
    consentEnabled: 'on',
    consentText: 'I agree to be contacted.',
    afterSend: 'message',
    thankYouMessage: 'Thanks!',
    ownerMode: 'user',
    ownerId: String(ana.id),
    sourceId: String(one<{ id: number }>(`select id from lead_sources where name = 'Website form'`).id),
    tags: 'web, spring',
    allowedOrigins: 'https://shop.example',
    active: 'on',
    ...patch,
  } as never);
  if (!r.ok) throw new Error(`${r.error} ${JSON.stringify(r.fieldErrors)}`);
  return { id: r.data.id, slug };
}

type Send = { body?: Record<string, string>; raw?: BodyInit; type?: string; origin?: string; from?: string; renderedAgo?: number | null; accept?: string };

/** A submission as the hosted page sends it: shown 10 s ago (signed), consent ticked, from one address. */
function send(slug: string, s: Send = {}) {
  const rendered: Record<string, string> = s.renderedAgo === null ? {} : { _t: signRenderTime(process.env.AUTH_SECRET!, slug, Date.now() - (s.renderedAgo ?? 10_000)) };
  const fields: Record<string, string> = { fullName: 'Ada Lovelace', email: 'ada@example.com', consent: 'on', website_url: '', ...rendered, ...s.body };
  const headers: Record<string, string> = { 'x-keel-client-ip': s.from ?? `203.0.113.${++ip % 250}`, host: 'crm.local', 'user-agent': 'test' };
  if (s.origin) headers.origin = s.origin;
  if (s.accept) headers.accept = s.accept;
  let body: BodyInit;
  if (s.raw !== undefined) {
    body = s.raw;
    if (s.type) headers['content-type'] = s.type;
  } else if (s.type === 'json') {
    body = JSON.stringify(fields);
    headers['content-type'] = 'application/json';
  } else {
    body = new URLSearchParams(fields).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  return route.POST(new Request(`http://crm.local/api/forms/${slug}`, { method: 'POST', headers, body }), { params: Promise.resolve({ slug }) });
}

type LeadRow = { id: number; first_name: string; last_name: string; email: string; company_name: string | null; title: string | null; owner_id: number | null; source_id: number; utm_source: string | null; utm_medium: string | null; utm_campaign: string | null; referrer: string | null; consent_text: string | null; consent_at: number | null; consent_ip: string | null; score: number; spam: number; spam_reason: string | null; contact_id: number | null };
const leadBy = (email: string) => one<LeadRow>('select * from leads where email = ? order by id desc', email);
const tasksOf = (leadId: number) => all<{ subject: string; owner_id: number }>(`select subject, owner_id from activities where lead_id = ? and type = 'task'`, leadId);

beforeEach(() => {
  db = createTestDb();
  seedEmptyWorkspace(db, { name: 'Olivia', email: 'olivia@example.test', password: 'password1' });
  admin = { id: 1, name: 'Olivia', email: 'olivia@example.test', role: 'admin' };
  ana = createUser(db, { name: 'Ana', email: 'ana@example.test', role: 'rep', password: 'password1' });
  ben = createUser(db, { name: 'Ben', email: 'ben@example.test', role: 'rep', password: 'password1' });
  cat = createUser(db, { name: 'Cat', email: 'cat@example.test', role: 'rep', password: 'password1' });
});

describe('a good submission', () => {
  test('makes a lead with the form’s source, tags, UTM, consent and owner, scored, with a First contact task', async () => {
    const { slug } = await newForm();
    const res = await send(slug, {
      type: 'json',
      body: { title: 'Sales Director', companyName: 'Engines Ltd', page_url: 'https://shop.example/landing?utm_source=newsletter&utm_medium=email&utm_campaign=spring', referrer: 'https://news.example/' },
      from: '198.51.100.7',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, message: 'Thanks!', redirectUrl: null });
    const lead = leadBy('ada@example.com');
    expect(lead).toMatchObject({
      first_name: 'Ada', last_name: 'Lovelace', company_name: 'Engines Ltd', title: 'Sales Director', owner_id: ana.id,
      utm_source: 'newsletter', utm_medium: 'email', utm_campaign: 'spring', referrer: 'https://news.example/',
      consent_text: 'I agree to be contacted.', consent_ip: '198.51.100.7', spam: 0,
    });
    expect(lead.consent_at).toBeGreaterThan(Date.now() - 60_000);
    expect(one<{ name: string }>('select name from lead_sources where id = ?', lead.source_id).name).toBe('Website form');
    expect(all<{ name: string }>('select t.name from lead_tags x join tags t on t.id = x.tag_id where x.lead_id = ? order by t.name', lead.id).map((t) => t.name)).toEqual(['spring', 'web']);
    // The seeded rules: director +15, company set +5, one submission +10.
    expect(lead.score).toBe(30);
    expect(tasksOf(lead.id)).toEqual([{ subject: 'First contact: Ada Lovelace', owner_id: ana.id }]);
    expect(all('select ip, page_url, utm_source, spam from form_submissions where lead_id = ?', lead.id)).toEqual([
      { ip: '198.51.100.7', page_url: 'https://shop.example/landing?utm_source=newsletter&utm_medium=email&utm_campaign=spring', utm_source: 'newsletter', spam: 0 },
    ]);
    expect(one<{ detail: string }>(`select detail from lead_events where lead_id = ? and kind = 'score' order by id desc`, lead.id).detail).toContain('A form was sent');
  });

  test('a browser’s plain form post is sent on to the thank-you page or the form’s redirect', async () => {
    const { slug } = await newForm();
    const res = await send(slug, { accept: 'text/html' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`http://crm.local/f/${slug}?sent=1`);
    const other = await newForm({ afterSend: 'redirect', redirectUrl: 'https://shop.example/thanks' });
    const res2 = await send(other.slug, { body: { email: 'grace@example.com' } });
    expect(res2.headers.get('location')).toBe('https://shop.example/thanks');
  });

  test('a browser without script that left a field empty gets a page saying so, with a way back', async () => {
    const { slug } = await newForm();
    const res = await send(slug, { accept: 'text/html', body: { email: '' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<li>Fill in Email</li>');
    expect(html).toContain(`<a href="/f/${slug}">Back to the form</a>`);
  });

  test('field errors come back as 400 with a message per field, and nothing is stored', async () => {
    const { slug } = await newForm();
    const res = await send(slug, { type: 'json', body: { email: 'not-an-email', fullName: '', consent: '' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      ok: false,
      error: 'Check the highlighted fields.',
      fieldErrors: { fullName: 'Fill in Name', email: 'Enter a valid email address', consent: 'Tick the box to agree before sending' },
    });
    const wrong = await send(slug, { raw: '{"email":{"$gt":""}}', type: 'application/json' });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: '“email” must be text.' });
    const big = await send(slug, { raw: JSON.stringify({ notes: 'x'.repeat(40_000) }), type: 'application/json' });
    expect(big.status).toBe(413);
    expect(count('leads')).toBe(0);
    expect(count('form_submissions')).toBe(0);
  });
});

describe('spam', () => {
  test.each([
    ['the honeypot filled', { body: { website_url: 'http://seo.example' } }, 'The hidden field was filled'],
    ['sent too fast', { renderedAgo: 800 }, 'Sent 0.8 s after the form was shown'],
    ['a link in the name', { body: { fullName: 'Cheap meds www.pills.example' } }, 'A link in a name'],
  ])('%s: kept as spam, with no task and no turn taken', async (_label, s, reason) => {
    const { id, slug } = await newForm({ ownerMode: 'round_robin', ownerId: '', roundRobinUserIds: [String(ana.id), String(ben.id)] });
    const res = await send(slug, s as Send);
    // Answered like any submission: the bot learns nothing.
    expect(res.status).toBe(303);
    const lead = leadBy('ada@example.com');
    expect(lead).toMatchObject({ spam: 1, spam_reason: reason });
    expect(one('select spam, spam_reason from form_submissions where lead_id = ?', lead.id)).toEqual({ spam: 1, spam_reason: reason });
    expect(tasksOf(lead.id)).toEqual([]);
    expect(one<{ n: number }>('select round_robin_next as n from web_forms where id = ?', id).n).toBe(0);
  });

  test('a forged timestamp is spam; a spam lead never touches the real lead with the same email', async () => {
    const { slug } = await newForm();
    await send(slug);
    const real = leadBy('ada@example.com');
    await send(slug, { body: { _t: '1700000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', companyName: 'Spam Inc' } });
    expect(count('leads')).toBe(2);
    expect(one('select company_name, spam from leads where id = ?', real.id)).toEqual({ company_name: null, spam: 0 });
    expect(leadBy('ada@example.com')).toMatchObject({ spam: 1, spam_reason: 'The form’s timestamp was not ours' });
  });

  test('an admin releases a spam lead: it joins the inbox and its owner gets the task', async () => {
    const { slug } = await newForm();
    await send(slug, { body: { website_url: 'x' } });
    const lead = leadBy('ada@example.com');
    expect(() => releaseSpamLead(db, lead.id, ana)).toThrow('Only an admin can release spam.');
    session.user = ana;
    expect(await actions.releaseLeadAction({ leadId: lead.id })).toEqual({ ok: false, error: 'You are not allowed to do that.' });
    session.user = admin;
    const r = await actions.releaseLeadAction({ leadId: lead.id });
    expect(r.ok).toBe(true);
    expect(leadBy('ada@example.com')).toMatchObject({ spam: 0, spam_reason: null, owner_id: ana.id });
    expect(tasksOf(lead.id)).toEqual([{ subject: 'First contact: Ada Lovelace', owner_id: ana.id }]);
    expect(one('select spam from form_submissions where lead_id = ?', lead.id)).toEqual({ spam: 0 });
    expect(one<{ from_value: string; user_id: number }>(`select from_value, user_id from lead_events where lead_id = ? and kind = 'released'`, lead.id)).toEqual({ from_value: 'The hidden field was filled', user_id: admin.id });
    expect(await actions.releaseLeadAction({ leadId: lead.id })).toEqual({ ok: false, error: 'This lead is not in spam.' });
  });
});

test('rate limited: the sixth send from one address in 10 minutes gets 429 with Retry-After, and nothing is stored', async () => {
  const { slug } = await newForm();
  for (let i = 0; i < 5; i++) expect((await send(slug, { from: '192.0.2.1', body: { email: `p${i}@example.com` } })).status).toBe(303);
  const res = await send(slug, { from: '192.0.2.1', type: 'json', body: { email: 'sixth@example.com' } });
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(count('leads', `email = 'sixth@example.com'`)).toBe(0);
  expect(count('form_submissions')).toBe(5);
  expect((await send(slug, { from: '192.0.2.2', body: { email: 'other@example.com' } })).status).toBe(303);
});

test('a second submission with the same email updates that lead: blanks filled, old values kept, both on its timeline', async () => {
  const { slug } = await newForm();
  await send(slug, { body: { email: 'Ada@Example.com', companyName: 'Engines Ltd' } });
  const first = leadBy('ada@example.com');
  await send(slug, { body: { fullName: 'Augusta Ada King', email: 'ADA@example.com', companyName: 'Other Co', title: 'CTO' } });
  expect(count('leads')).toBe(1);
  const lead = leadBy('ada@example.com');
  expect(lead).toMatchObject({ id: first.id, first_name: 'Ada', last_name: 'Lovelace', company_name: 'Engines Ltd', title: 'CTO' });
  const update = one<{ detail: string }>(`select detail from lead_events where lead_id = ? and kind = 'update'`, lead.id);
  expect(JSON.parse(update.detail)).toMatchObject({ before: { title: null } });
  expect(count('form_submissions', `lead_id = ${lead.id}`)).toBe(2);
  expect(tasksOf(lead.id)).toHaveLength(1);
  // Engagement counts both submissions (+10 each), fit the company (+5).
  expect(lead.score).toBe(25);
});

test('a submission matching an existing contact by any of its emails is linked to it', async () => {
  const c = createContact(db, contactSchema.parse({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@navy.example', otherEmails: 'G.Hopper@Cobol.example', tags: '' }), admin);
  const { slug } = await newForm();
  await send(slug, { body: { fullName: 'Grace Hopper', email: 'g.hopper@cobol.example' } });
  expect(leadBy('g.hopper@cobol.example').contact_id).toBe(c.id);
  await send(slug, { body: { fullName: 'Someone Else', email: 'else@example.com' } });
  expect(leadBy('else@example.com').contact_id).toBeNull();
});

test('round-robin alternates between two reps and skips one deactivated since', async () => {
  const { id, slug } = await newForm({ ownerMode: 'round_robin', ownerId: '', roundRobinUserIds: [String(ana.id), String(ben.id), String(cat.id)] });
  const owners: number[] = [];
  for (let i = 0; i < 3; i++) {
    await send(slug, { body: { email: `rr${i}@example.com` } });
    owners.push(leadBy(`rr${i}@example.com`).owner_id!);
  }
  expect(owners).toEqual([ana.id, ben.id, cat.id]);
  setUserActive(db, ben.id, false, admin.id);
  for (let i = 3; i < 7; i++) {
    await send(slug, { body: { email: `rr${i}@example.com` } });
    owners.push(leadBy(`rr${i}@example.com`).owner_id!);
  }
  expect(owners.slice(3)).toEqual([ana.id, cat.id, ana.id, cat.id]);
  for (let i = 0; i < 7; i++) expect(tasksOf(leadBy(`rr${i}@example.com`).id)[0].owner_id).toBe(owners[i]);
  expect(getWebForm(db, id)?.roundRobinUserIds).toEqual([ana.id, ben.id, cat.id]);
});

describe('CORS', () => {
  test('an allowed origin is echoed on the preflight and the answer; another origin gets no CORS and is refused', async () => {
    const { slug } = await newForm();
    const pre = (origin: string) =>
      route.OPTIONS(new Request(`http://crm.local/api/forms/${slug}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } }), { params: Promise.resolve({ slug }) });
    const ok = await pre('https://shop.example');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(ok.headers.get('access-control-allow-methods')).toContain('POST');
    expect(ok.headers.get('vary')).toBe('Origin');
    const evil = await pre('https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();

    const allowed = await send(slug, { type: 'json', origin: 'https://shop.example' });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    const refused = await send(slug, { type: 'json', origin: 'https://evil.example', body: { email: 'evil@example.com' } });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(count('leads', `email = 'evil@example.com'`)).toBe(0);
    // The hosted page itself posts from Keel's own origin.
    expect((await send(slug, { origin: 'http://crm.local', body: { email: 'own@example.com' } })).status).toBe(303);
  });
});

test('an inactive or unknown form is not found, and a wrong type is refused', async () => {
  const { id, slug } = await newForm();
  session.user = admin;
  expect(await actions.setFormActiveAction({ formId: id, active: false })).toEqual({ ok: true, data: undefined });
  expect((await send(slug)).status).toBe(404);
  expect((await send('no-such-form')).status).toBe(404);
  expect(count('leads')).toBe(0);
  await actions.setFormActiveAction({ formId: id, active: true });
  expect((await send(slug, { raw: '<xml/>', type: 'application/xml' })).status).toBe(415);
});

test('only admins manage forms; a taken slug and a stale version are refused beside their fields', async () => {
  const { id, slug } = await newForm();
  session.user = ana;
  expect(await actions.createFormAction({} as never)).toEqual({ ok: false, error: 'You are not allowed to do that.' });
  session.user = admin;
  const parsed = webFormSchema.parse({ name: 'Again', slug, fields: '[{"field":"email","label":"Email"}]', ownerMode: 'user', ownerId: ana.id, tags: '', active: 'on' });
  const dup = await actions.createFormAction({ ...parsed, fields: JSON.stringify(parsed.fields), ownerId: String(ana.id), tags: '', active: 'on' } as never);
  expect(dup).toMatchObject({ ok: false, fieldErrors: { slug: 'Another form uses this address; choose another' } });
  const update = (version: number) =>
    actions.updateFormAction({ formId: id, version, name: 'Renamed', slug, fields: '[{"field":"email","label":"Email"}]', ownerMode: 'user', ownerId: String(ben.id), tags: '', active: 'on' } as never);
  expect(await update(1)).toEqual({ ok: true, data: { id } });
  expect(getWebForm(db, id)).toMatchObject({ name: 'Renamed', ownerId: ben.id, version: 2 });
  expect(await update(1)).toMatchObject({ ok: false, error: 'Someone else changed this form meanwhile. Reload to see their change, then try again.' });
});

describe('Turnstile', () => {
  let server: http.Server;
  const seen: string[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        seen.push(body);
        const token = new URLSearchParams(body).get('response');
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ success: token === 'good-token' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.env.TURNSTILE_VERIFY_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/siteverify`;
  });
  afterAll(() => {
    server.close();
    delete process.env.TURNSTILE_VERIFY_URL;
  });

  test('a form with keys checks the token with the verify URL; a failed check stores nothing', async () => {
    const { slug } = await newForm({ turnstileSiteKey: 'site-key', turnstileSecret: 'secret-key' });
    const bad = await send(slug, { type: 'json', body: { 'cf-turnstile-response': 'bad-token' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ fieldErrors: { form: 'Complete the check that you are a person' } });
    expect(count('leads')).toBe(0);
    const good = await send(slug, { type: 'json', body: { 'cf-turnstile-response': 'good-token' }, from: '198.51.100.9' });
    expect(good.status).toBe(200);
    expect(count('leads')).toBe(1);
    expect(new URLSearchParams(seen.at(-1)).get('secret')).toBe('secret-key');
    expect(new URLSearchParams(seen.at(-1)).get('remoteip')).toBe('198.51.100.9');
  });
});

test('the script embed carries the form’s fields and a fresh signed render time; a form turned off serves none', async () => {
  const embed = await import('@/app/f/[slug]/embed.js/route');
  const { verifyRenderTime } = await import('@/lib/leads/forms');
  const { id, slug } = await newForm({ turnstileSiteKey: 'site-key', turnstileSecret: 'secret-key' });
  const get = () => embed.GET(new Request(`http://crm.local/f/${slug}/embed.js`, { headers: { host: 'crm.local' } }), { params: Promise.resolve({ slug }) });
  const res = await get();
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('javascript');
  const js = await res.text();
  const config = JSON.parse(js.slice(js.lastIndexOf('})(') + 3, js.lastIndexOf(');')));
  expect(config).toMatchObject({ slug, endpoint: `http://crm.local/api/forms/${slug}`, consent: 'I agree to be contacted.', honeypot: 'website_url', turnstile: 'site-key' });
  expect(config.fields.map((f: { label: string; type: string }) => [f.label, f.type])).toEqual([['Name', 'text'], ['Email', 'email'], ['Company', 'text'], ['Job title', 'text']]);
  expect(verifyRenderTime(process.env.AUTH_SECRET!, slug, config.token)).toBeGreaterThan(Date.now() - 60_000);
  session.user = admin;
  await actions.setFormActiveAction({ formId: id, active: false });
  expect((await get()).status).toBe(404);
});
