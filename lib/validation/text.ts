import { z } from 'zod';

// The one rule for text typed by people (forms, CSV imports, the public quote page), written once:
//   - trimmed at both ends and stored in Unicode NFC; multi-line text keeps "\n" line ends ("\r\n" → "\n");
//   - never longer than the field's maximum (counted in UTF-16 code units, as the database and zod count);
//   - no control characters: NUL and the rest of C0/C1 and DEL are refused everywhere; tab and line
//     breaks only where the field is multi-line (notes, descriptions, terms);
//   - no lone surrogates (half of an emoji: text that is not well-formed Unicode cannot be stored
//     faithfully, exported to CSV or drawn in a PDF);
//   - no bidirectional overrides, embeddings or isolates (U+202A–U+202E, U+2066–U+2069), which make a
//     name display as something other than what it is ("Trojan source" spoofing);
//   - something visible: a value made only of spaces and invisible or format characters (U+200B zero
//     width space, U+FEFF, U+2060 word joiner, U+00AD soft hyphen, U+3164 Hangul filler…) is refused.

export const CONTROL_MESSAGE = 'Remove the control characters (such as NUL) from this text';
export const ONE_LINE_MESSAGE = 'Keep this on one line, without tabs or line breaks';
export const BROKEN_MESSAGE = 'This text holds a broken character (half of an emoji); type it again';
export const BIDI_MESSAGE = 'Remove the hidden text-direction characters from this text';
export const INVISIBLE_MESSAGE = 'Use visible letters or digits, not only blank or invisible characters';

const LINE_BREAKS = /[\t\n\r]/;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// Whitespace, format characters (Cf: U+200B–U+200F, U+2060–U+2064, U+FEFF, U+00AD…), variation
// selectors and the blank "letters" some scripts have (Hangul fillers, braille blank, Khmer vowels).
const INVISIBLE = /[\s\p{Cf}\p{Zs}\p{Cc}\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u2800\u3164\uFE00-\uFE0F\uFFA0]/gu;

export type TextRule = { multiline?: boolean };

/** Whether the text has anything a person can see. */
export function hasVisibleCharacters(text: string): boolean {
  return text.replace(INVISIBLE, '').length > 0;
}

/** The message for text that breaks the rule above (length aside), or null when it is fine. */
export function textProblem(text: string, rule: TextRule = {}): string | null {
  if (LONE_SURROGATE.test(text)) return BROKEN_MESSAGE;
  if (CONTROL.test(text)) return CONTROL_MESSAGE;
  if (!rule.multiline && LINE_BREAKS.test(text)) return ONE_LINE_MESSAGE;
  if (BIDI_CONTROL.test(text)) return BIDI_MESSAGE;
  if (text.trim() !== '' && !hasVisibleCharacters(text)) return INVISIBLE_MESSAGE;
  return null;
}

/** Trimmed, NFC, "\r\n" → "\n": the form every accepted text is stored in. */
export function cleanText(text: string, rule: TextRule = {}): string {
  const trimmed = (rule.multiline ? text.replace(/\r\n?/g, '\n') : text).trim();
  return LONE_SURROGATE.test(trimmed) ? trimmed : trimmed.normalize('NFC');
}

type TextOptions = TextRule & { max: number; tooLong?: string };

/** What was sent, as text: missing is '', numbers print as themselves; anything else stays and is refused. */
export const asText = (v: unknown): unknown => (v == null ? '' : typeof v === 'number' && Number.isFinite(v) ? String(v) : v);
// z.preprocess rather than z.unknown(): zod 4 refuses a missing key for z.unknown() before any transform runs.
const textInput = z.preprocess(asText, z.string({ message: 'Enter text' }));

function check(raw: string, options: TextOptions, ctx: z.RefinementCtx): string | null {
  const problem = textProblem(raw, options);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  }
  const text = cleanText(raw, options);
  if (text.length > options.max) {
    ctx.addIssue({ code: 'custom', message: options.tooLong ?? `Keep it under ${options.max} characters` });
    return z.NEVER;
  }
  return text === '' ? null : text;
}

/** A text field that must hold something visible; `required` is the message when it is empty. */
export function requiredText(options: TextOptions & { required: string }) {
  return textInput.transform((v, ctx): string => {
    const text = check(v, options, ctx);
    if (text === null) {
      ctx.addIssue({ code: 'custom', message: options.required });
      return z.NEVER;
    }
    return text;
  });
}

/** A text field that may stay empty or be left out: null when blank, undefined when left out. */
export function optionalText(options: TextOptions) {
  return textInput.transform((v, ctx): string | null => check(v, options, ctx)).optional();
}
