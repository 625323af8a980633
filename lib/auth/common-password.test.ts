import { expect, test } from 'vitest';
import { isCommonPassword } from './common-password';

test.each([
  ['password1', true],
  ['Password1', true],
  ['QWERTYUIOP', true],
  ['iloveyou1', true],
  ['welcome-carla', false],
  ['correct horse battery staple', false],
])('%j common: %s', (password, expected) => expect(isCommonPassword(password)).toBe(expected));
