import { expect, test } from 'vitest';
import { clientIp, normaliseIp, trustedHops } from './client-ip';

test.each([
  [undefined, 0],
  ['', 0],
  ['0', 0],
  ['false', 0],
  ['true', 1],
  ['1', 1],
  ['2', 2],
  ['loopback', 0],
])('TRUST_PROXY=%j trusts %i hops', (setting, hops) => expect(trustedHops(setting)).toBe(hops));

test.each([
  ['::ffff:127.0.0.1', '127.0.0.1'],
  ['203.0.113.9', '203.0.113.9'],
  ['2001:DB8::1', '2001:db8::1'],
  ['evil<script>', null],
  ['', null],
  [undefined, null],
])('normaliseIp(%j) = %j', (raw, expected) => expect(normaliseIp(raw)).toBe(expected));

test.each([
  ['no proxy trusted: a forged header is ignored', '198.51.100.7', '1.2.3.4', 0, '198.51.100.7'],
  ['no proxy trusted, no header', '::ffff:198.51.100.7', undefined, 0, '198.51.100.7'],
  ['one proxy: the address it saw', '10.0.0.2', '203.0.113.9', 1, '203.0.113.9'],
  ['one proxy: a forged entry to the left is ignored', '10.0.0.2', '1.2.3.4, 203.0.113.9', 1, '203.0.113.9'],
  ['two proxies', '10.0.0.2', '1.2.3.4, 203.0.113.9, 10.0.0.3', 2, '203.0.113.9'],
  ['trusted proxy but no header: the socket', '10.0.0.2', undefined, 1, '10.0.0.2'],
  ['header given twice', '10.0.0.2', ['1.2.3.4', '203.0.113.9'], 1, '203.0.113.9'],
])('%s', (_label, socket, xff, hops, expected) => expect(clientIp(socket, xff, hops)).toBe(expected));
