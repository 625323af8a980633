import { afterEach, expect, test, vi } from 'vitest';

// next-auth marks its cookies Secure (and __Secure-/__Host- prefixed) exactly when useSecureCookies
// is true: Keel sets it from PUBLIC_URL, so the flag follows the documented setting.
vi.mock('@/db', () => ({ getDb: () => null }));

async function optionsWith(publicUrl: string) {
  vi.resetModules();
  vi.stubEnv('PUBLIC_URL', publicUrl);
  vi.stubEnv('AUTH_SECRET', 'test-secret');
  return (await import('@/lib/auth/options')).authOptions;
}

afterEach(() => vi.unstubAllEnvs());

test.each([
  ['https://crm.example.com', true],
  ['http://crm.example.com', false],
  ['', false],
])('PUBLIC_URL=%j gives Secure cookies: %s', async (url, secure) => {
  expect((await optionsWith(url)).useSecureCookies).toBe(secure);
});
