import { expect, test } from 'vitest';
import { contentSecurityPolicy, policyForPath, securityHeaders, servedOverHttps, UPLOADED_IMAGE_CSP } from './security-headers';

const directives = (csp: string) => Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

test('the policy forbids framing, plugins and foreign scripts, and allows only this nonce', () => {
  const d = directives(contentSecurityPolicy('abc123'));
  expect(d['frame-ancestors']).toEqual(["'none'"]);
  expect(d['object-src']).toEqual(["'none'"]);
  expect(d['base-uri']).toEqual(["'none'"]);
  expect(d['script-src']).toContain("'nonce-abc123'");
  expect(d['script-src']).not.toContain("'unsafe-inline'");
  expect(d['script-src']).not.toContain("'unsafe-eval'");
  expect(d['default-src']).toEqual(["'self'"]);
});

test('development adds eval (React refresh) and websockets (hot reload) only there', () => {
  const d = directives(contentSecurityPolicy('n', { dev: true }));
  expect(d['script-src']).toContain("'unsafe-eval'");
  expect(d['connect-src']).toEqual(["'self'", 'ws:', 'wss:']);
});

test('an uploaded image (the logo) may only draw itself: no script, no loads, no framing, its own sandbox', () => {
  const d = directives(policyForPath('/api/logo', 'n'));
  expect(d['default-src']).toEqual(["'none'"]);
  expect(d['style-src']).toEqual(["'unsafe-inline'"]);
  expect(d['frame-ancestors']).toEqual(["'none'"]);
  expect(d).toHaveProperty('sandbox');
  expect(d).not.toHaveProperty('script-src');
  expect(policyForPath('/api/logo', 'n')).toBe(UPLOADED_IMAGE_CSP);
  // Anything else keeps the page policy, with its nonce.
  for (const path of ['/', '/api/logo/x', '/api/logos', '/q/abc']) expect(policyForPath(path, 'n')).toBe(contentSecurityPolicy('n'));
});

test('HSTS only over HTTPS', () => {
  expect(securityHeaders({ https: false })).not.toHaveProperty('Strict-Transport-Security');
  expect(securityHeaders({ https: true })['Strict-Transport-Security']).toMatch(/^max-age=\d{8}/);
  expect(securityHeaders({ https: false })).toMatchObject({ 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY' });
});

test.each([
  ['https://crm.example.com', true],
  ['HTTPS://crm.example.com', true],
  ['http://crm.example.com', false],
  ['', false],
  [undefined, false],
])('PUBLIC_URL=%j is HTTPS: %s', (url, expected) => expect(servedOverHttps(url)).toBe(expected));
