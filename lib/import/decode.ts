// Turning an uploaded file's bytes into text. The browser's File.text() assumes UTF-8 and quietly
// turns every "é" of an Excel export into "�", so the bytes are decoded here, by rules that the
// screen (in the browser) and the import job (on the server) share.
//
// Order of the rules: a BOM is the file's own word on its encoding, so it wins. Without one, a file
// that is valid UTF-8 is UTF-8: Windows-1252 text with any accented letter is almost never valid
// UTF-8 by accident (it would need each é to be followed by exactly the right continuation bytes).
// Whatever is left is read as Windows-1252, which is what Excel on Windows writes for "CSV (Comma
// delimited)" in Western Europe and the Americas; every byte has a meaning there, so it never fails
// (a file in another code page, say Windows-1251, comes out as wrong letters: the preview shows it).
// That is also why binary files must be caught first: they would "decode" as Windows-1252 garbage.
import { AppError } from '@/lib/errors';

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 50_000;

export type ImportEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const NOT_TEXT_MESSAGE = 'This is not a text file: save it as CSV from your spreadsheet';
export const TOO_LARGE_MESSAGE = 'This file is larger than 20 MB: split it into smaller files and import them one by one';
export function tooManyRowsMessage(limit: number): string {
  return `This file has more than ${limit.toLocaleString('en-US')} rows: split it into smaller files and import them one by one`;
}
export const TOO_MANY_ROWS_MESSAGE = tooManyRowsMessage(IMPORT_MAX_ROWS);
export const EMPTY_FILE_MESSAGE = 'This file is empty: choose a CSV file whose first row names the columns';
export const BROKEN_ENCODING_MESSAGE = 'This file says it is Unicode text but holds bytes that are not: save it again as "CSV UTF-8" from your spreadsheet';

export type ImportFileProblem = 'not-text' | 'too-large' | 'too-many-rows' | 'broken-encoding' | 'empty';

/** A file the importer cannot read at all; the message is safe to show as it is. */
export class ImportFileError extends AppError {
  constructor(
    public readonly problem: ImportFileProblem,
    message: string,
  ) {
    super(message, undefined, { problem });
    this.name = 'ImportFileError';
  }
}

// Formats people pick by mistake (the workbook instead of its CSV export, a screenshot, a PDF).
// Most of them hold NUL bytes early and would be caught anyway; PDF and some others may not.
const SIGNATURES: { name: string; bytes: number[] }[] = [
  { name: 'zip (xlsx, ods, docx)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'empty zip', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'xls (OLE2)', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { name: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'png', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'jpeg', bytes: [0xff, 0xd8, 0xff] },
  { name: 'gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'rar', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'webp/riff', bytes: [0x52, 0x49, 0x46, 0x46] },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** Which binary format the bytes start with, if any. */
export function binarySignature(bytes: Uint8Array): string | null {
  return SIGNATURES.find((s) => startsWith(bytes, s.bytes))?.name ?? null;
}

// Excel's "Unicode Text" and some exporters write UTF-16 without a BOM. In ASCII-heavy text every
// other byte is then 0; where the zeros sit tells the byte order. A real binary file has zeros on
// both sides, so it does not pass for UTF-16 here.
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd >= pairs * 0.5 && zeroEven === 0) return 'utf-16le';
  if (zeroEven >= pairs * 0.5 && zeroOdd === 0) return 'utf-16be';
  return null;
}

function decodeStrict(label: string, bytes: Uint8Array): string | null {
  try {
    // ignoreBOM keeps a BOM in the text, so a second one (a file pasted into another) shows up as
    // a character rather than vanishing; the leading one is cut off by the caller.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

// No spreadsheet writes NUL into a text export; it is the mark of a binary file (or of UTF-16 read
// with the wrong byte order).
function refuseNul(text: string): void {
  if (text.includes('\u0000')) throw new ImportFileError('not-text', NOT_TEXT_MESSAGE);
}

/**
 * The text of an uploaded file and the encoding it was read in. Refuses (with an ImportFileError)
 * files over IMPORT_MAX_BYTES, binary files (a workbook, an image, a PDF) and files whose BOM
 * promises an encoding their bytes break. An empty file decodes to ''; the parser says what is
 * wrong with it.
 */
export function decodeImportFile(bytes: Uint8Array): { text: string; encoding: ImportEncoding } {
  if (bytes.length > IMPORT_MAX_BYTES) throw new ImportFileError('too-large', TOO_LARGE_MESSAGE);

  const boms: { encoding: ImportEncoding; label: string; bom: number[] }[] = [
    { encoding: 'utf-8-bom', label: 'utf-8', bom: [0xef, 0xbb, 0xbf] },
    { encoding: 'utf-16le', label: 'utf-16le', bom: [0xff, 0xfe] },
    { encoding: 'utf-16be', label: 'utf-16be', bom: [0xfe, 0xff] },
  ];
  for (const { encoding, label, bom } of boms) {
    if (!startsWith(bytes, bom)) continue;
    // Strict: a lone trailing byte (a UTF-16 file cut off mid-character) is refused too.
    const text = decodeStrict(label, bytes.subarray(bom.length));
    if (text === null) throw new ImportFileError('broken-encoding', BROKEN_ENCODING_MESSAGE);
    refuseNul(text);
    return { text, encoding };
  }

  if (binarySignature(bytes)) throw new ImportFileError('not-text', NOT_TEXT_MESSAGE);

  if (bytes.includes(0)) {
    const utf16 = guessBomlessUtf16(bytes);
    const text = utf16 ? decodeStrict(utf16, bytes) : null;
    if (utf16 && text !== null && !text.includes('\u0000')) return { text, encoding: utf16 };
    throw new ImportFileError('not-text', NOT_TEXT_MESSAGE);
  }

  const utf8 = decodeStrict('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

// Windows-1252 is Latin-1 except for 0x80–0x9F, where it has € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – —
// ˜ ™ š › œ ž Ÿ (the five unassigned bytes stay as C1 code points, as the WHATWG standard says).
// Not TextDecoder('windows-1252'): Node 20.18.3+ and 22.13+ decode that label as Latin-1, so every
// € and curly quote of an Excel file would turn into an invisible control character
// (nodejs/node#56542, #60888). A table gives the same answer in every browser and Node version.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  // Every Windows-1252 character is one UTF-16 code unit, so the text is built as UTF-16 in one
  // array and decoded in one call: fast for 20 MB, and no argument-count limit of fromCharCode.
  // (Uint16Array is in the machine's byte order; every browser and server Keel runs on is little-endian.)
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    units[i] = b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80] : b;
  }
  return new TextDecoder('utf-16le').decode(units);
}
