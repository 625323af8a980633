import { expect, test } from 'vitest';
import { requestOrigin } from './origin';

const h = (init: Record<string, string>) => new Headers(init);

test.each([
  ['the host asked for', h({ host: 'crm.local:3000' }), undefined, 'http://crm.local:3000'],
  ['a trusted proxy’s forwarded host and scheme', h({ host: '10.0.0.2:3000', 'x-forwarded-host': 'crm.example.com', 'x-forwarded-proto': 'https' }), undefined, 'https://crm.example.com'],
  ['PUBLIC_URL over any header', h({ host: 'evil.example', 'x-forwarded-host': 'evil.example' }), 'https://crm.example.com/some/path', 'https://crm.example.com'],
  ['an unparsable PUBLIC_URL is ignored', h({ host: 'crm.local' }), 'not a url', 'http://crm.local'],
  ['a scheme that is neither http nor https is ignored', h({ host: 'crm.local', 'x-forwarded-proto': 'javascript' }), undefined, 'http://crm.local'],
])('%s', (_label, headers, publicUrl, expected) => expect(requestOrigin(headers, publicUrl)).toBe(expected));
