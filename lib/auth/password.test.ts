import { expect, test } from 'vitest';
import { hashPassword, verifyPassword } from './password';

test('a hash verifies its own password only, and is salted', () => {
  const hash = hashPassword('demo1234');
  expect(verifyPassword('demo1234', hash)).toBe(true);
  expect(verifyPassword('demo12345', hash)).toBe(false);
  expect(hashPassword('demo1234')).not.toBe(hash);
  expect(hash).not.toContain('demo1234');
});

test('a malformed stored hash never verifies', () => {
  expect(verifyPassword('x', '')).toBe(false);
  expect(verifyPassword('x', 'bcrypt$abc$def')).toBe(false);
});
