import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDb, type Db } from '@/db/client';
import { hitRateLimit, peekRateLimit, pruneRateLimits } from '@/db/queries/rate-limits';
import { createFrontDoor, type FrontDoorOptions } from '@/lib/http/front-door';
import { MISS_LIMIT, PUBLIC_LIMITS } from '@/lib/http/public-limits';
import { createTestDb } from './support/db';

// The real front door on a real socket, with the real rate-limit table; Next is replaced by a handler
// that answers what it was told, so each rule is seen from both sides of the door.
const db = createTestDb();
const servers: http.Server[] = [];

function echo(req: http.IncomingMessage, res: http.ServerResponse) {
  const missing = (req.url ?? '').includes('missing');
  res.statusCode = missing ? 404 : 200;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ headers: req.headers }));
}

async function serve(overrides: Partial<FrontDoorOptions> = {}, database: Db = db): Promise<string> {
  const door = createFrontDoor({
    handle: echo,
    limiter: { hit: (l) => hitRateLimit(database, l, Date.now()), peek: (l) => peekRateLimit(database, l, Date.now()) },
    trustedHops: 0,
    https: false,
    ...overrides,
  });
  const server = http.createServer((req, res) => void door(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let plain: string;
let proxied: string;
beforeAll(async () => {
  plain = await serve();
  proxied = await serve({ trustedHops: 1 });
});
afterAll(() => servers.forEach((s) => s.close()));

const seen = async (res: Response) => ((await res.json()) as { headers: Record<string, string | undefined> }).headers;

test('without a trusted proxy, forwarded headers from the client are dropped and the socket is the address', async () => {
  const res = await fetch(`${plain}/q/sometoken123456789012`, {
    headers: { 'X-Forwarded-For': '6.6.6.6', 'X-Real-IP': '6.6.6.7', 'X-Keel-Client-IP': '6.6.6.8', 'X-Forwarded-Host': 'evil.example' },
  });
  const h = await seen(res);
  expect(h['x-keel-client-ip']).toBe('127.0.0.1');
  expect(h['x-forwarded-for']).toBeUndefined();
  expect(h['x-real-ip']).toBeUndefined();
  expect(h['x-forwarded-host']).toBeUndefined();
});

test('behind a trusted proxy, the address the proxy saw counts, not what the client wrote before it', async () => {
  const h = await seen(await fetch(`${proxied}/`, { headers: { 'X-Forwarded-For': '6.6.6.6, 203.0.113.9' } }));
  expect(h['x-keel-client-ip']).toBe('203.0.113.9');
});

test('every response carries the security headers, with a fresh nonce that Next is told about', async () => {
  const a = await fetch(`${plain}/deals`);
  const b = await fetch(`${plain}/deals`);
  const csp = a.headers.get('content-security-policy')!;
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect((await seen(a))['content-security-policy']).toBe(csp);
  expect(b.headers.get('content-security-policy')).not.toBe(csp);
  expect(a.headers.get('x-content-type-options')).toBe('nosniff');
  expect(a.headers.get('x-frame-options')).toBe('DENY');
  expect(a.headers.get('referrer-policy')).toBe('same-origin');
  expect(a.headers.get('permissions-policy')).toContain('camera=()');
  expect(a.headers.get('strict-transport-security')).toBeNull();
});

test('a hosted web form leaves framing to its policy (no DENY); its embed script and every other page keep DENY', async () => {
  const form = await fetch(`${plain}/f/contact-us`);
  expect(form.headers.get('x-frame-options')).toBeNull();
  expect(form.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  for (const path of ['/f/contact-us/embed.js', '/forms', '/q/abc', '/f/']) expect((await fetch(`${plain}${path}`)).headers.get('x-frame-options'), path).toBe('DENY');
});

test('HSTS is sent when the app is served over HTTPS', async () => {
  const https = await serve({ https: true });
  expect((await fetch(`${https}/`)).headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
});

test('guessing public tokens is refused with 429 and Retry-After, for that address only', async () => {
  const as = (ip: string) => ({ headers: { 'X-Forwarded-For': ip } });
  for (let i = 0; i < MISS_LIMIT.max; i++) expect((await fetch(`${proxied}/q/missing${i}abcdefghijklmnop`, as('198.51.100.1'))).status).toBe(404);
  const refused = await fetch(`${proxied}/q/missing-more-abcdefghijklmnop`, as('198.51.100.1'));
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  // A real link from the same address waits too; another address is not affected.
  expect((await fetch(`${proxied}/q/realtokenabcdefghijklmnop`, as('198.51.100.1'))).status).toBe(429);
  expect((await fetch(`${proxied}/api/calendar/missing.ics`, as('198.51.100.1'))).status).toBe(429);
  expect((await fetch(`${proxied}/q/realtokenabcdefghijklmnop`, as('198.51.100.2'))).status).toBe(200);
  // Signed-in pages are not public endpoints and are never limited here.
  expect((await fetch(`${proxied}/deals`, as('198.51.100.1'))).status).toBe(200);
});

test('accept and decline answers and PDFs have their own per-address limits', async () => {
  const as = { headers: { 'X-Forwarded-For': '198.51.100.3' } };
  const statuses: number[] = [];
  for (let i = 0; i <= PUBLIC_LIMITS['quote-answer'].max; i++)
    statuses.push((await fetch(`${proxied}/q/guess${i}abcdefghijklmnopq`, { method: 'POST', ...as })).status);
  expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
  expect(statuses.at(-1)).toBe(429);

  const pdf: number[] = [];
  for (let i = 0; i <= PUBLIC_LIMITS['quote-pdf'].max; i++) pdf.push((await fetch(`${proxied}/q/realtokenabcdefghijklmnop/pdf`, { headers: { 'X-Forwarded-For': '198.51.100.4' } })).status);
  expect(pdf.at(-2)).toBe(200);
  expect(pdf.at(-1)).toBe(429);
});

test('two server processes on one database count against the same limit', async () => {
  const other = openDb(db.$client.name);
  const second = await serve({ trustedHops: 1 }, other);
  const as = { headers: { 'X-Forwarded-For': '198.51.100.5' } };
  const half = Math.ceil(MISS_LIMIT.max / 2);
  for (let i = 0; i < half; i++) await fetch(`${proxied}/q/missing${i}abcdefghijklmnop`, as);
  for (let i = half; i < MISS_LIMIT.max; i++) await fetch(`${second}/q/missing${i}abcdefghijklmnop`, as);
  expect((await fetch(`${second}/q/realtokenabcdefghijklmnop`, as)).status).toBe(429);
  expect((await fetch(`${proxied}/q/realtokenabcdefghijklmnop`, as)).status).toBe(429);
});

test('pruning drops spent windows only, a batch at a time', () => {
  const db = createTestDb();
  const now = 1_800_000_000_000;
  const limit = (key: string) => ({ key, max: 5, windowMs: 60_000 });
  for (let i = 0; i < 3; i++) hitRateLimit(db, limit(`old${i}`), now - 2 * 3_600_000);
  hitRateLimit(db, limit('live'), now);
  expect(pruneRateLimits(db, now - 3_600_000, 2)).toBe(2);
  expect(pruneRateLimits(db, now - 3_600_000, 2)).toBe(1);
  expect(pruneRateLimits(db, now - 3_600_000, 2)).toBe(0);
  expect(peekRateLimit(db, limit('live'), now)).toEqual({ ok: true, remaining: 4 });
});
