import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { BIDI_MESSAGE, BROKEN_MESSAGE, CONTROL_MESSAGE, INVISIBLE_MESSAGE, ONE_LINE_MESSAGE, optionalText, requiredText, textProblem } from './text';

const name = requiredText({ max: 100, required: 'Enter a name' });
const notes = optionalText({ max: 50, multiline: true });
const message = (schema: z.ZodType, v: unknown) => schema.safeParse(v).error?.issues[0].message;

describe('requiredText', () => {
  test.each([
    ['Ana', 'Ana'], ['  Ana López  ', 'Ana López'], ['Zoë', 'Zoë'], ['O\u2019Brien', 'O\u2019Brien'], ['李小龍', '李小龍'], ['😀 Smile', '😀 Smile'],
    ['عبد الله', 'عبد الله'], ['Cafe\u0301', 'Café'], ['Anna\u00ADMaria', 'Anna\u00ADMaria'], ['a\u200Db', 'a\u200Db'],
  ])('%j is stored as %j', (input, stored) => expect(name.parse(input)).toBe(stored));

  test.each([
    ['', 'Enter a name'],
    ['  ', 'Enter a name'],
    [undefined, 'Enter a name'],
    ['\u0000', CONTROL_MESSAGE],
    ['Ana\u0000', CONTROL_MESSAGE],
    ['A\u0007na', CONTROL_MESSAGE],
    ['Ana\u007F', CONTROL_MESSAGE],
    ['Ana\u0085', CONTROL_MESSAGE],
    ['a\uD800b', BROKEN_MESSAGE],
    ['a\uDC00b', BROKEN_MESSAGE],
    ['\uD83D', BROKEN_MESSAGE],
    ['\u200B\u200B', INVISIBLE_MESSAGE],
    ['\u3164', INVISIBLE_MESSAGE],
    ['\uFEFF\u2060\u00AD', INVISIBLE_MESSAGE],
    ['\u2800', INVISIBLE_MESSAGE],
    ['\u115F\u1160\uFFA0', INVISIBLE_MESSAGE],
    ['\u00A0\u3000\u2003', 'Enter a name'],
    ['\u200E', INVISIBLE_MESSAGE],
    ['abc\u202Egpj.exe', BIDI_MESSAGE],
    ['\u2066Ana\u2069', BIDI_MESSAGE],
    ['Ana\nBen', ONE_LINE_MESSAGE],
    ['Ana\tBen', ONE_LINE_MESSAGE],
    ['x'.repeat(101), 'Keep it under 100 characters'],
    ['x'.repeat(100_000), 'Keep it under 100 characters'],
    [{}, 'Enter text'],
  ])('%j is refused: %s', (input, msg) => expect(message(name, input)).toBe(msg));

  test('exactly the maximum is fine', () => expect(name.parse('x'.repeat(100))).toHaveLength(100));
});

describe('optionalText', () => {
  test('blank is null; left out is undefined', () => {
    expect(notes.parse('   ')).toBeNull();
    expect(notes.parse(undefined)).toBeUndefined();
  });
  test('multi-line text keeps tabs and line breaks, with \\r\\n as \\n', () => expect(notes.parse(' a\r\n\tb \n')).toBe('a\n\tb'));
  test.each([
    ['a\u0000b', CONTROL_MESSAGE],
    ['\u200B', INVISIBLE_MESSAGE],
    ['a\uD800', BROKEN_MESSAGE],
    ['x'.repeat(51), 'Keep it under 50 characters'],
  ])('%j is refused: %s', (input, msg) => expect(message(notes, input)).toBe(msg));
});

test('textProblem: fine text has none', () => {
  expect(textProblem('Hello, world')).toBeNull();
  expect(textProblem('two\nlines', { multiline: true })).toBeNull();
  expect(textProblem('')).toBeNull();
});
