import { expect, test } from 'vitest';
import { publicKind, requestLimit } from './public-limits';

test.each([
  ['GET', '/q/abcDEF0123456789abcdef', 'quote-page'],
  ['POST', '/q/abcDEF0123456789abcdef', 'quote-answer'],
  ['GET', '/q/abcDEF0123456789abcdef/pdf', 'quote-pdf'],
  ['GET', '/api/calendar/abc.ics', 'calendar'],
  ['POST', '/api/auth/callback/credentials', 'sign-in'],
  ['GET', '/reset/abcDEF0123456789abcdef', 'password-reset'],
  ['POST', '/reset/abcDEF0123456789abcdef', 'password-reset'],
  ['GET', '/quotes/12', null],
  ['GET', '/quotes/12/pdf', null],
  ['GET', '/api/auth/session', null],
  ['GET', '/', null],
  ['GET', '/qx/abc', null],
])('%s %s is %j', (method, path, kind) => expect(publicKind(method, path)).toBe(kind));

test('limits are kept per address and per kind', () => {
  expect(requestLimit('quote-pdf', '203.0.113.9').key).not.toBe(requestLimit('quote-pdf', '203.0.113.10').key);
  expect(requestLimit('quote-pdf', '203.0.113.9').key).not.toBe(requestLimit('quote-page', '203.0.113.9').key);
});
