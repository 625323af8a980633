import { expect, test } from 'vitest';
import { ftsPrefixQuery, likePrefix } from './fts';

test.each([
  ['ann', '"ann"*'],
  ['  Ann  Smi ', '"ann"* "smi"*'],
  ['ana@acme.com', '"ana"* "acme"* "com"*'],
  ['+1 (555) 010-0', '"1"* "555"* "010"* "0"*'],
  ['O\'Brien', '"o"* "brien"*'],
  ['"; drop table', '"drop"* "table"*'],
  ['Zoë', '"zoë"*'],
  ['AND OR NOT', '"and"* "or"* "not"*'],
  ['', null],
  ['  -- ** ', null],
  ['a b c d e f g h i j', '"a"* "b"* "c"* "d"* "e"* "f"* "g"* "h"*'],
])('%j → %j', (input, expected) => expect(ftsPrefixQuery(input)).toBe(expected));

test.each([
  ['wid', 'wid%'], ['50%', '50\\%%'], ['a_b', 'a\\_b%'], ['c:\\x', 'c:\\\\x%'],
])('likePrefix(%j) → %j, its LIKE wildcards escaped', (q, pattern) => expect(likePrefix(q)).toBe(pattern));
