import { expect, test } from 'vitest';
import { idParam, PUBLIC_TOKEN } from './route-params';

test.each([
  ['1', 1], ['42', 42], ['0', null], ['-3', null], ['1e3', null], ['1.5', null], ['', null], [undefined, null], [['7'], null], ['1234567890123456', null],
])('idParam(%j) → %j', (raw, id) => expect(idParam(raw)).toBe(id));

test.each([
  ['XAOfjF75FLXVBnCxarmETZ1BFP0DoJ3I', true], ['short', false], ['has space in it 1234567890', false], ['../../etc/passwd/aaaaaaaaaaaa', false],
])('%j is a public token: %s', (token, ok) => expect(PUBLIC_TOKEN.test(token)).toBe(ok));
