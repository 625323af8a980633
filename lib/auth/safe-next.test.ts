import { expect, test } from 'vitest';
import { safeNextPath } from './safe-next';

test.each([
  ['/deals?owner=me', '/deals?owner=me'],
  ['/settings/users', '/settings/users'],
  ['/contacts?q=ana+rivera', '/contacts?q=ana+rivera'],
  ['/contacts?q=Jos%C3%A9', '/contacts?q=Jos%C3%A9'],
  // Next hands the page the decoded value; the answer is encoded again, so it is a valid header.
  ['/contacts?q=José', '/contacts?q=Jos%C3%A9'],
  ['/deals/12#history', '/deals/12#history'],
  ['/', '/'],
])('a path of ours: %j → %j', (next, expected) => expect(safeNextPath(next)).toBe(expected));

test.each([
  // Other sites, plainly.
  '//evil.example/x',
  'https://evil.example',
  'https:evil.example',
  'http:/evil.example',
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'evil.example',
  '%2F%2Fevil.example',
  // Backslashes, which browsers read as slashes.
  '/\\evil.example',
  '\\\\evil.example',
  '/%5C%5Cevil.example',
  '/%5cevil.example',
  // Tabs and newlines, which browsers drop.
  '/\t/evil.example',
  '/%09/evil.example',
  '/\n/evil.example',
  '/%0a/evil.example',
  '/%0d%0aSet-Cookie:x=1',
  '/\r\nSet-Cookie:x=1',
  '/%00/evil.example',
  ' //evil.example',
  '/ /evil.example',
  // Encoded slashes that decode to "//".
  '/%2F/evil.example',
  '/%2f%2fevil.example',
  '/%252F/evil.example',
  '/%25252F%25252Fevil.example',
  // Paths that resolve to "//".
  '/.//evil.example',
  '/..//evil.example',
  '/%2e%2e//evil.example',
  // Look-alikes of "/" and invisible characters.
  '/\uff0fevil.example',
  '/\u2215evil.example',
  '/\u200b/evil.example',
  '/%E2%80%8B/evil.example',
  '/\u3002evil',
  // Malformed encodings.
  '/%E0%A4%A',
  '/%',
  // Pages that make no sense to come back to.
  '/login?next=/x',
  '/login',
  '/api/health',
  '/reset/abc',
  // Not a string at all, or empty, or absurdly long.
  undefined,
  null,
  42,
  ['/deals'],
  '',
  '/' + 'a'.repeat(2001),
])('%j → "/"', (next) => expect(safeNextPath(next)).toBe('/'));
