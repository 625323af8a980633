import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { AppError } from '@/lib/errors';
import {
  BROKEN_ENCODING_MESSAGE,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  ImportFileError,
  NOT_TEXT_MESSAGE,
  TOO_LARGE_MESSAGE,
  TOO_MANY_ROWS_MESSAGE,
  binarySignature,
  decodeImportFile,
  decodeWindows1252,
} from './decode';

const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.resolve(__dirname, '../../tests/fixtures/import', name)));
const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const utf16 = (text: string, order: 'le' | 'be', bom: boolean) => {
  const out: number[] = bom ? (order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out.push(...(order === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff]));
  }
  return new Uint8Array(out);
};

describe('every fixture decodes, in the encoding it was written in', () => {
  test.each([
    ['atomic-crm-contacts-sample.csv', 'utf-8', 'first_name,last_name,gender'],
    ['datablist-customers-100.csv', 'utf-8', 'Index,Customer Id,First Name'],
    ['datablist-people-100.csv', 'utf-8', 'Index,User Id,First Name'],
    ['datablist-organizations-100.csv', 'utf-8', 'Index,Organization Id,Name'],
    ['datablist-leads-100.csv', 'utf-8', 'Index,Account Id,Lead Owner'],
    ['datablist-products-100.csv', 'utf-8', 'Index,Name,Description'],
    ['windows-1252-excel-accents.csv', 'windows-1252', 'First Name,Last Name'],
    ['utf8-bom-google-contacts.tsv', 'utf-8-bom', 'Given Name\tFamily Name'],
    ['semicolon-excel-europe.csv', 'utf-8', 'Deal Name;Amount'],
    ['multiline-quoted-cells.csv', 'utf-8', 'First Name,Last Name,Email,Notes'],
    ['crlf-excel-line-breaks.csv', 'utf-8', 'Company,Website'],
    ['utf16le-bom-excel-unicode-text.txt', 'utf-16le', 'First Name\tLast Name'],
  ])('%s is %s', (name, encoding, start) => {
    const result = decodeImportFile(fixture(name));
    expect(result.encoding).toBe(encoding);
    expect(result.text.startsWith(start)).toBe(true);
    expect(result.text).not.toContain('\uFFFD');
  });

  test('the Windows-1252 fixture really is not UTF-8 (its bytes were written one by one)', () => {
    const raw = fixture('windows-1252-excel-accents.csv');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(raw)).toThrow();
    expect([...raw].filter((b) => b === 0x80)).toHaveLength(2); // the two € signs
  });

  test('the Windows-1252 fixture keeps its accents, € and curly quotes', () => {
    const { text } = decodeImportFile(fixture('windows-1252-excel-accents.csv'));
    expect(text).toContain('José,Müller,jose@example.com,Café Crème SARL,Zürich,Budget € 1.200 – “urgent”\r\n');
    expect(text).toContain('Françoise,O’Neil');
    expect(text).toContain('Ægir,Østergård');
  });

  test('the UTF-16 fixture keeps non-Latin text and an emoji (a surrogate pair)', () => {
    expect(decodeImportFile(fixture('utf16le-bom-excel-unicode-text.txt')).text).toContain('Yūki\t佐藤\tyuki@example.jp\t😀 Emoji Ltd\r\n');
  });
});

describe('BOMs are recognised and removed', () => {
  test.each([
    ['UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], 'Name\nZoë'), 'utf-8-bom', 'Name\nZoë'],
    ['UTF-8 BOM, nothing after it', bytes([0xef, 0xbb, 0xbf]), 'utf-8-bom', ''],
    ['UTF-8 BOM twice (two files pasted together): the second is kept as text', bytes([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], 'a'), 'utf-8-bom', '\uFEFFa'],
    ['UTF-16LE BOM', utf16('Name\tCity\r\nRenée\tQuébec', 'le', true), 'utf-16le', 'Name\tCity\r\nRenée\tQuébec'],
    ['UTF-16BE BOM', utf16('Name,City\nÅsa,Malmö', 'be', true), 'utf-16be', 'Name,City\nÅsa,Malmö'],
    ['UTF-16LE BOM with an emoji', utf16('Name\n🙂 Co', 'le', true), 'utf-16le', 'Name\n🙂 Co'],
  ] as const)('%s', (_, input, encoding, text) => {
    expect(decodeImportFile(input)).toEqual({ text, encoding });
  });
});

describe('without a BOM: UTF-8 when valid, otherwise Windows-1252', () => {
  test.each([
    ['plain ASCII', bytes('a,b\n1,2'), 'utf-8', 'a,b\n1,2'],
    ['empty file', bytes(), 'utf-8', ''],
    ['UTF-8 accents', bytes('Zoë,Ørsted'), 'utf-8', 'Zoë,Ørsted'],
    ['UTF-8 four-byte emoji', bytes('🙂'), 'utf-8', '🙂'],
    ['Latin-1 é alone', bytes('Jos', [0xe9]), 'windows-1252', 'José'],
    // 0xC3 0xA9 is "é" in UTF-8; "Ã©" is what it looks like read as Windows-1252. Valid UTF-8 wins.
    ['bytes that are valid both ways read as UTF-8', bytes([0xc3, 0xa9]), 'utf-8', 'é'],
    ['a UTF-8 sequence cut in the middle', bytes('ok', [0xe2, 0x82]), 'windows-1252', 'okâ‚'],
    ['an overlong UTF-8 encoding is not UTF-8', bytes([0xc0, 0xaf]), 'windows-1252', 'À¯'],
    ['UTF-16 surrogate encoded in UTF-8 (CESU) is not UTF-8', bytes([0xed, 0xa0, 0x80]), 'windows-1252', 'í\u00a0€'],
    ['a UTF-8 file with one stray Windows-1252 byte is read wholly as Windows-1252', bytes('Zoë ', [0x80]), 'windows-1252', 'ZoÃ« €'],
  ] as const)('%s', (_, input, encoding, text) => {
    expect(decodeImportFile(input)).toEqual({ text, encoding });
  });

  test('UTF-16 without a BOM is recognised by where its zero bytes sit', () => {
    expect(decodeImportFile(utf16('Name,Email\nAnn,ann@example.com', 'le', false))).toEqual({ text: 'Name,Email\nAnn,ann@example.com', encoding: 'utf-16le' });
    expect(decodeImportFile(utf16('Name,Email\nAnn,ann@example.com', 'be', false))).toEqual({ text: 'Name,Email\nAnn,ann@example.com', encoding: 'utf-16be' });
  });
});

test('Windows-1252 decodes all 256 bytes as the WHATWG table says, 0x80–0x9F included', () => {
  const all = decodeWindows1252(Uint8Array.from({ length: 256 }, (_, i) => i));
  expect(all).toHaveLength(256);
  expect(all.slice(0x80, 0xa0)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
  for (let b = 0; b < 0x80; b++) expect(all.charCodeAt(b)).toBe(b);
  for (let b = 0xa0; b < 0x100; b++) expect(all.charCodeAt(b)).toBe(b);
});

describe('binary files are refused with a message that says what to do', () => {
  test.each([
    ['a PNG image', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR')],
    ['an xlsx workbook (a zip)', bytes('PK', [0x03, 0x04, 0x14, 0, 0x06, 0], '[Content_Types].xml')],
    ['an old xls workbook', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])],
    ['a PDF with no NUL byte in it', bytes('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n')],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF')],
    ['a gzip file', bytes([0x1f, 0x8b, 0x08, 0])],
    ['text with a NUL in the middle', bytes('Name,Email\nAnn,ann@example.com\n', [0], 'Bob,bob@example.com\n')],
    ['random binary with zeros on both sides of pairs', bytes([1, 0, 0, 2, 3, 0, 0, 4, 5, 0, 0, 6])],
    ['a UTF-16 BOM followed by text holding NUL', utf16('a\u0000b', 'le', true)],
  ])('%s', (_, input) => {
    let error: unknown;
    try {
      decodeImportFile(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toBeInstanceOf(AppError); // so the action wrapper shows its message as it is
    expect(error).toMatchObject({ problem: 'not-text', message: NOT_TEXT_MESSAGE, details: { problem: 'not-text' } });
  });

  test.each([
    [[0x50, 0x4b, 0x03, 0x04], 'zip (xlsx, ods, docx)'],
    [[0x25, 0x50, 0x44, 0x46, 0x2d], 'pdf'],
    [[0x4e, 0x61, 0x6d, 0x65], null], // "Name"
    [[0x50, 0x4b], null], // "PK" alone could begin a CSV ("PK,Name")
  ])('binarySignature(%j) → %j', (input, expected) => expect(binarySignature(new Uint8Array(input))).toBe(expected));

  test('a CSV whose first column is called PK is text, not a zip', () => {
    expect(decodeImportFile(bytes('PK,Name\n1,Ann'))).toEqual({ text: 'PK,Name\n1,Ann', encoding: 'utf-8' });
  });
});

describe('a BOM that the bytes after it contradict is refused, not patched with �', () => {
  test.each([
    ['UTF-8 BOM, then a Windows-1252 é', bytes([0xef, 0xbb, 0xbf], 'Jos', [0xe9])],
    ['UTF-16LE BOM, odd number of bytes (cut off)', new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x42])],
    ['UTF-16LE BOM, unpaired surrogate', new Uint8Array([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00])],
  ])('%s', (_, input) => {
    expect(() => decodeImportFile(input)).toThrow(BROKEN_ENCODING_MESSAGE);
  });
});

describe('limits', () => {
  test('the limits are the issue’s: 20 MB and 50,000 rows, with messages naming them', () => {
    expect(IMPORT_MAX_BYTES).toBe(20_971_520);
    expect(IMPORT_MAX_ROWS).toBe(50_000);
    expect(TOO_LARGE_MESSAGE).toContain('20 MB');
    expect(TOO_MANY_ROWS_MESSAGE).toContain('50,000 rows');
  });

  test('a file of exactly 20 MB is read; one byte more is refused before anything is decoded', () => {
    const exact = new Uint8Array(IMPORT_MAX_BYTES).fill(0x61);
    expect(decodeImportFile(exact).text).toHaveLength(IMPORT_MAX_BYTES);
    const over = new Uint8Array(IMPORT_MAX_BYTES + 1); // all NUL: size is checked first
    expect(() => decodeImportFile(over)).toThrow(TOO_LARGE_MESSAGE);
    try {
      decodeImportFile(over);
    } catch (e) {
      expect(e).toMatchObject({ problem: 'too-large' });
    }
  });

  test('20 MB of Windows-1252 decodes in one piece', () => {
    const big = new Uint8Array(IMPORT_MAX_BYTES).fill(0x80);
    const { text, encoding } = decodeImportFile(big);
    expect(encoding).toBe('windows-1252');
    expect(text).toHaveLength(IMPORT_MAX_BYTES);
    expect(text[IMPORT_MAX_BYTES - 1]).toBe('€');
  });
});
