import { expect, test } from 'vitest';
import { safeNextPath } from './safe-next';

test.each([
  ['/deals?owner=me', '/deals?owner=me'],
  ['/settings/users', '/settings/users'],
  ['//evil.example/x', '/'],
  ['/\\evil.example', '/'],
  ['https://evil.example', '/'],
  ['/login?next=/x', '/'],
  ['/api/health', '/'],
  [undefined, '/'],
  ['', '/'],
])('%j → %j', (next, expected) => expect(safeNextPath(next)).toBe(expected));
