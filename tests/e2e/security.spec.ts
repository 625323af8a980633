import { expect, test, type APIRequestContext } from '@playwright/test';
import { demoRecords, everyRoute } from './app-routes';
import { signIn, USERS } from './helpers';
import { one } from './workspace-db';

const REQUIRED = {
  'x-content-type-options': /^nosniff$/,
  'referrer-policy': /^(same-origin|no-referrer|strict-origin|strict-origin-when-cross-origin)$/,
  'permissions-policy': /camera=\(\)/,
  'x-frame-options': /^DENY$/,
  'content-security-policy': /frame-ancestors 'none'/,
};

// A hosted web form is the one page other sites may frame: only itself and the origins its admin
// listed (the demo's contact form: its own website), never anyone else.
const HOSTED_FORM: Partial<Record<keyof typeof REQUIRED, RegExp>> = {
  'x-frame-options': /^$/,
  'content-security-policy': /frame-ancestors 'self' https:\/\/harborpine\.example(;|$)/,
};

async function auditHeaders(request: APIRequestContext, url: string) {
  const res = await request.get(url, { maxRedirects: 0 });
  const headers = res.headers();
  const expected = url === '/f/contact-us' ? { ...REQUIRED, ...HOSTED_FORM } : REQUIRED;
  const missing = Object.entries(expected)
    .filter(([name, pattern]) => !pattern.test(headers[name] ?? ''))
    .map(([name]) => `${url} (${res.status()}): ${name}=${headers[name] ?? '—'}`);
  return { missing, csp: headers['content-security-policy'] ?? '' };
}

test('every route answers with the security headers, signed out and signed in', async ({ request, page }) => {
  const r = demoRecords();
  const routes = [...everyRoute(r), '/no-such-page', '/favicon.ico'];
  const missing: string[] = [];
  for (const url of routes) missing.push(...(await auditHeaders(request, url)).missing);
  await signIn(page, USERS.admin.email);
  const nonces = new Set<string>();
  for (const url of routes) {
    const { missing: m, csp } = await auditHeaders(page.request, url);
    missing.push(...m);
    nonces.add(/'nonce-([^']+)'/.exec(csp)?.[1] ?? '');
  }
  expect(missing).toEqual([]);
  // A nonce is only worth something if no two responses share it.
  expect(nonces.size).toBe(routes.length);
});

// Reachable without a session by design; they must still show nothing of the workspace's records.
const PUBLIC = /^\/(login|reset\/|api\/auth\/|api\/health|f\/|api\/forms\/)/;

test('a signed-out request gets no record data from any route, metadata included', async ({ request }) => {
  const r = demoRecords();
  const secrets = [r.deal.title, r.quote.number, r.contact.name, r.company.name, r.product.name];
  const leaks: string[] = [];
  const served: string[] = [];
  // The quote's own public page shows that quote, and nothing else, to anyone with its token.
  for (const url of everyRoute(r).filter((u) => !u.startsWith('/q/'))) {
    const res = await request.get(url, { maxRedirects: 0 });
    const body = await res.text();
    for (const secret of secrets) if (body.includes(secret)) leaks.push(`${url} (${res.status()}) shows “${secret}”`);
    if (res.status() === 200 && !PUBLIC.test(url)) served.push(url);
  }
  expect(leaks).toEqual([]);
  expect(served).toEqual([]);
});

test('the app runs under its policy: no violations on the busiest screens', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content[- ]Security[- ]Policy|Refused to (load|execute|apply|connect)/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  await signIn(page, USERS.admin.email);
  const r = demoRecords();
  for (const url of ['/', '/deals', `/deals/${r.deal.id}`, `/contacts/${r.contact.id}`, `/quotes/${r.quote.id}`, '/quotes/new', '/forecast', '/reports', '/import']) {
    await page.goto(url);
    await page.waitForLoadState('networkidle');
  }
  // Scripts ran (the board is interactive only after hydration): open a filter and see it respond.
  await page.goto('/deals');
  await expect(page.getByTestId('deal-card').first()).toBeVisible();
  expect(violations).toEqual([]);
});

test('another site cannot frame the public quote page and its Accept button', async ({ page, browser }) => {
  const { token } = demoRecords().quote;
  const direct = await browser.newContext();
  const own = await direct.newPage();
  await own.goto(`/q/${token}`);
  await expect(own.getByRole('button', { name: 'Accept quote' })).toBeVisible();
  await direct.close();

  await page.setContent(`<iframe id="victim" src="${test.info().project.use.baseURL}/q/${token}" style="opacity:0.01;width:800px;height:600px"></iframe>`);
  await page.waitForTimeout(1500);
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  expect(frame.url()).not.toContain(`/q/${token}`);
  expect(await frame.locator('button', { hasText: 'Accept quote' }).count()).toBe(0);
});

test('guessing public links from one address is answered 429 with Retry-After', async ({ playwright }) => {
  const base = test.info().project.use.baseURL!;
  const guesser = await playwright.request.newContext({ baseURL: base, extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.201' } });
  const statuses: number[] = [];
  for (let i = 0; i < 25; i++) statuses.push((await guesser.get(`/q/guess${String(i).padStart(2, '0')}AbCdEfGhIjKlMnOpQrStUv`, { maxRedirects: 0 })).status());
  expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
  expect(statuses.at(-1)).toBe(429);
  const refused = await guesser.get(`/api/calendar/${'z'.repeat(43)}.ics`);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
  await guesser.dispose();
  // Someone else, at another address, still opens their quote.
  const customer = await playwright.request.newContext({ baseURL: base, extraHTTPHeaders: { 'X-Forwarded-For': '203.0.113.202' } });
  expect((await customer.get(`/q/${demoRecords().quote.token}`)).status()).toBe(200);
  await customer.dispose();
});

test('the address kept with an acceptance is the one the trusted proxy saw, not one the customer wrote', async ({ browser }) => {
  const quote = one<{ id: number; token: string }>(
    `select id, public_token as token from quotes where status = 'sent' and superseded_by_id is null and valid_until >= date('now') order by id desc limit 1`,
  );
  // The e2e server trusts one proxy (TRUST_PROXY=1): the browser stands in for it, and the customer
  // forged the left-hand entry.
  const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': '6.6.6.6, 203.0.113.77' } });
  const page = await context.newPage();
  await page.goto(`/q/${quote.token}`);
  await page.getByLabel('Full name').fill('Casey Customer');
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Accept quote' }).click();
  await expect(page.getByText('Accepted by Casey Customer.')).toBeVisible();
  await context.close();
  expect(one<{ ip: string }>(`select accepted_ip as ip from quotes where id = ?`, quote.id).ip).toBe('203.0.113.77');
});
