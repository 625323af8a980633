import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeImportFile, EMPTY_FILE_MESSAGE, ImportFileError, TOO_MANY_ROWS_MESSAGE } from './decode';
import { BAD_QUOTE_MESSAGE, parseImportText, TOO_MANY_CELLS_MESSAGE, UNCLOSED_QUOTE_MESSAGE, uniqueHeaders } from './parse';

const readFixture = (name: string) => decodeImportFile(new Uint8Array(fs.readFileSync(path.resolve(__dirname, '../../tests/fixtures/import', name)))).text;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('every fixture parses as it is', () => {
  test.each([
    ['atomic-crm-contacts-sample.csv', ',', 18, 2, [2, 3]],
    ['datablist-customers-100.csv', ',', 12, 100, range(2, 101)],
    ['datablist-people-100.csv', ',', 9, 100, range(2, 101)],
    ['datablist-organizations-100.csv', ',', 9, 100, range(2, 101)],
    ['datablist-leads-100.csv', ',', 14, 100, range(2, 101)],
    ['datablist-products-100.csv', ',', 13, 100, range(2, 101)],
    ['windows-1252-excel-accents.csv', ',', 6, 3, [2, 3, 4]],
    ['utf8-bom-google-contacts.tsv', '\t', 7, 2, [2, 3]],
    ['semicolon-excel-europe.csv', ';', 6, 2, [2, 3]],
    ['multiline-quoted-cells.csv', ',', 5, 4, [2, 6, 8, 10]],
    ['crlf-excel-line-breaks.csv', ',', 5, 3, [2, 4, 7]],
    ['utf16le-bom-excel-unicode-text.txt', '\t', 4, 2, [2, 3]],
  ] as const)('%s: delimiter %j, %i columns, %i rows', (name, delimiter, columns, count, lines) => {
    const parsed = parseImportText(readFixture(name));
    expect(parsed.delimiter).toBe(delimiter);
    expect(parsed.headers).toHaveLength(columns);
    expect(parsed.rows).toHaveLength(count);
    expect(parsed.lines).toEqual(lines);
    expect(parsed.problems).toEqual([]);
    for (const row of parsed.rows) expect(row).toHaveLength(columns);
  });

  test('datablist customers: a quoted company name keeps its commas and the columns stay aligned', () => {
    const parsed = parseImportText(readFixture('datablist-customers-100.csv'));
    expect(parsed.rows[3].slice(0, 6)).toEqual(['4', '5Cef8BFA16c5e3c', 'Linda', 'Olsen', 'Dominguez, Mcmillan and Donovan', 'Bensonview']);
    // CRLF line ends leave no \r on the last cell.
    expect(parsed.rows[0][11]).toBe('http://www.stephenson.com/');
  });

  test('atomic CRM: no newline at the end of the file, and its last cell is empty', () => {
    const parsed = parseImportText(readFixture('atomic-crm-contacts-sample.csv'));
    expect(parsed.rows[1].slice(-3)).toEqual(['659-980-2020', '740.647.3802', '']);
    expect(parsed.rows[0][9]).toBe('influencer, developer');
  });

  test('multi-line cells with doubled quotes: values intact, and the rows after them on the right lines', () => {
    const parsed = parseImportText(readFixture('multiline-quoted-cells.csv'));
    expect(parsed.rows).toEqual([
      ['Ann', 'Lee', 'ann@example.com', 'Met at the fair.\nWants a demo "next week".\n\nCall back in May.', 'Acme'],
      ['Bob', 'O"Brien', 'bob@example.com', 'Single line, with a comma', 'Beta'],
      ['Cara', 'Diaz', 'cara@example.com', '"Quoted" start', 'Gamma\nHoldings'],
      ['Dan', 'Evans', 'dan@example.com', '', 'Delta'],
    ]);
    // Ann spans lines 2–5 (with a blank line inside her cell), Bob is 6, a blank line 7, Cara 8–9, Dan 10.
    expect(parsed.lines).toEqual([2, 6, 8, 10]);
  });

  test('Excel line breaks: LF inside a cell of a CRLF file, and CRLF inside a cell, both become \\n', () => {
    const parsed = parseImportText(readFixture('crlf-excel-line-breaks.csv'));
    expect(parsed.rows.map((r) => r[4])).toEqual(['Line one\nLine two', 'Windows\nbreak', '']);
    // The ",,,," row Excel writes for an empty row is skipped, not imported as a blank record.
    expect(parsed.rows.map((r) => r[0])).toEqual(['Acme Corp', 'Beta LLC', 'Gamma']);
  });

  test('semicolon file: decimal commas and a quoted semicolon stay inside their cells', () => {
    const parsed = parseImportText(readFixture('semicolon-excel-europe.csv'));
    expect(parsed.rows[0]).toEqual(['Renewal 2025', '1.234,56', 'Proposal Sent', '31.12.2025', 'Müller; Söhne GmbH', 'anna@example.de']);
  });

  test('Google TSV: a BOM does not end up in the first header, commas and semicolons are text', () => {
    const parsed = parseImportText(readFixture('utf8-bom-google-contacts.tsv'));
    expect(parsed.headers[0]).toBe('Given Name');
    expect(parsed.rows[0][4]).toBe('Acme, Inc.');
    expect(parsed.rows[1][5]).toBe('Composer; Producer');
  });
});

describe('line numbers and blank rows', () => {
  test.each([
    ['LF', 'a,b\n1,2\n3,4\n', [2, 3]],
    ['CRLF', 'a,b\r\n1,2\r\n3,4\r\n', [2, 3]],
    ['old Mac CR', 'a,b\r1,2\r3,4', [2, 3]],
    ['mixed CRLF and LF (rows appended in another editor)', 'a,b\r\n1,2\n3,4\r\n5,6', [2, 3, 4]],
    ['no newline at the end', 'a,b\n1,2', [2]],
    ['blank lines between and after rows', 'a,b\n\n1,2\n\n\n3,4\n\n', [3, 6]],
    ['whitespace-only lines', 'a,b\n   \n1,2\n\t\n3,4', [3, 5]],
    ['delimiter-only lines (Excel’s empty rows)', 'a,b\n,\n1,2\n , \n3,4', [3, 5]],
    ['blank lines before the header', '\n\na,b\n1,2', [4]],
    ['a multi-line cell, then rows', 'a,b\n"x\ny\nz",1\n2,3\n4,5', [2, 5, 6]],
    ['a multi-line cell with CRLF inside', 'a,b\r\n"x\r\ny",1\r\n2,3', [2, 4]],
    ['a quoted cell holding only line breaks counts as blank', 'a,b\n"\n\n",""\n1,2', [5]],
    ['a quote in the middle of an unquoted cell is just a character', 'Name,Size\nTV,5" screen\nRadio,small', [2, 3]],
    ['U+2028 is not a line break', 'a,b\nx\u2028y,1\n2,3', [2, 3]],
  ])('%s', (_, text, lines) => {
    const parsed = parseImportText(text);
    expect(parsed.lines).toEqual(lines);
    expect(parsed.problems).toEqual([]);
  });

  test('an Excel "sep=;" first line sets the delimiter and is not the header', () => {
    expect(parseImportText('sep=;\r\nName;Price\r\nA;1,5\r\n')).toEqual({
      headers: ['Name', 'Price'],
      rows: [['A', '1,5']],
      lines: [3],
      delimiter: ';',
      problems: [],
    });
  });

  test('cells are kept as written (trimming is the mapping’s job); short rows are padded', () => {
    const parsed = parseImportText('a,b,c\n  x , y\n1');
    expect(parsed.rows).toEqual([
      ['  x ', ' y', ''],
      ['1', '', ''],
    ]);
  });

  test('empty cells after the last column (trailing delimiters) are not a problem', () => {
    const parsed = parseImportText('a,b\n1,2,,\n3,4, ');
    expect(parsed.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(parsed.problems).toEqual([]);
  });
});

describe('delimiters', () => {
  test.each([
    ['comma', 'Name,Email\nAnn,ann@x.com', ','],
    ['semicolon', 'Name;Email\nAnn;ann@x.com', ';'],
    ['tab', 'Name\tEmail\nAnn\tann@x.com', '\t'],
    ['pipe', 'Name|Email\nAnn|ann@x.com', '|'],
    ['semicolon with decimal commas in every row', 'Name;Price\nA;1,5\nB;2,5\n', ';'],
    ['tab with commas in the cells', 'Name\tCompany\nAnn\tAcme, Inc.\nBob\tBeta, LLC\n', '\t'],
    ['comma with a semicolon in one quoted cell', 'Name,Notes\nAnn,"a; b"\nBob,c\n', ','],
    ['one column: comma, as papaparse defaults', 'Email\na@x.com\nb@y.com\n', ','],
    ['a colon is not a delimiter', 'Name:Email\nAnn:ann@x.com', ','],
  ])('%s', (_, text, delimiter) => {
    expect(parseImportText(text).delimiter).toBe(delimiter);
  });
});

describe('headers', () => {
  test.each([
    [['Name', 'Email'], ['Name', 'Email']],
    [['  Name ', '\tEmail\n'], ['Name', 'Email']],
    [['Email\n(work)', 'First   Name'], ['Email (work)', 'First Name']],
    [['', 'Email', '  '], ['Column 1', 'Email', 'Column 3']],
    [['Email', 'Email', 'Email'], ['Email', 'Email (2)', 'Email (3)']],
    [['Email', 'EMAIL', 'email'], ['Email', 'EMAIL (2)', 'email (3)']],
    // A generated name never takes one the file itself uses.
    [['Email', 'Email', 'Email (2)'], ['Email', 'Email (3)', 'Email (2)']],
    [['Column 2', ''], ['Column 2', 'Column 2 (2)']],
    [['', ''], ['Column 1', 'Column 2']],
  ])('uniqueHeaders(%j) → %j', (raw, expected) => expect(uniqueHeaders(raw)).toEqual(expected));

  test('a BOM left at the start of the text is not part of the first header', () => {
    expect(parseImportText('\uFEFFName,Email\nAnn,a@x.com').headers).toEqual(['Name', 'Email']);
  });

  test('a quoted header may hold the delimiter', () => {
    expect(parseImportText('"Name, full",Email\nAnn Lee,a@x.com').headers).toEqual(['Name, full', 'Email']);
  });

  test('a header and no rows is a file with no rows, not an error', () => {
    expect(parseImportText('Name,Email\r\n\r\n')).toEqual({ headers: ['Name', 'Email'], rows: [], lines: [], delimiter: ',', problems: [] });
  });

  test.each([[''], ['\n\n'], ['\uFEFF'], [' , ,\n,,'], ['\r\n  \r\n']])('%j is an empty file', (text) => {
    expect(() => parseImportText(text)).toThrow(new ImportFileError('empty', EMPTY_FILE_MESSAGE));
  });
});

describe('rows that cannot be read cell by cell are reported with their line and left out', () => {
  test('more cells than the header: an unquoted comma in a company name', () => {
    const parsed = parseImportText('Name,Company,City\nAnn,Acme,Paris\nBob,Smith, Jones and Co,London\nCara,Beta,Rome');
    expect(parsed.rows.map((r) => r[0])).toEqual(['Ann', 'Cara']);
    expect(parsed.lines).toEqual([2, 4]);
    expect(parsed.problems).toEqual([{ line: 3, message: TOO_MANY_CELLS_MESSAGE(4, 3) }]);
    expect(parsed.problems[0].message).toBe('This row has 4 cells but the header has 3: a cell holding the delimiter may be missing its quotes');
  });

  test('the too-wide row after a multi-line cell is named by its own line', () => {
    const parsed = parseImportText('a,b\n"x\ny",1\n2,3,4\n5,6');
    expect(parsed.problems).toEqual([{ line: 4, message: TOO_MANY_CELLS_MESSAGE(3, 2) }]);
    expect(parsed.lines).toEqual([2, 5]);
  });

  test('a quote never closed swallows the rest of the file: said so, on the line it opens', () => {
    const parsed = parseImportText('a,b\n1,2\n3,"open\n4,5\n6,7');
    expect(parsed.rows).toEqual([['1', '2']]);
    expect(parsed.problems).toEqual([{ line: 3, message: UNCLOSED_QUOTE_MESSAGE }]);
  });

  test('text after a closing quote: reported with the lines it ran over, the next good row kept', () => {
    const parsed = parseImportText('a,b\n1,"x"\n"bad"q,3\n"w",4\n5,6');
    expect(parsed.rows).toEqual([
      ['1', 'x'],
      ['5', '6'],
    ]);
    expect(parsed.lines).toEqual([2, 5]);
    expect(parsed.problems).toEqual([{ line: 3, message: BAD_QUOTE_MESSAGE(3, 4) }]);
    expect(BAD_QUOTE_MESSAGE(3, 3)).toBe('A quoted cell on this row has text after its closing quote: write a quote inside a quoted cell as two quotes ("")');
  });
});

describe('the row limit', () => {
  const file = (rows: number, blankEvery = 0) =>
    ['Name,Email', ...Array.from({ length: rows }, (_, i) => (blankEvery && i % blankEvery === 0 ? `\nP${i},p${i}@x.com` : `P${i},p${i}@x.com`))].join('\n');

  test('exactly the limit is read; one more is refused naming the limit', () => {
    expect(parseImportText(file(3), { maxRows: 3 }).rows).toHaveLength(3);
    expect(() => parseImportText(file(4), { maxRows: 3 })).toThrow('This file has more than 3 rows: split it into smaller files and import them one by one');
  });

  test('blank lines do not count as rows; the header does not either', () => {
    expect(parseImportText(file(3, 1), { maxRows: 3 }).rows).toHaveLength(3);
  });

  test('the default is 50,000 rows', () => {
    const big = file(50_000);
    const parsed = parseImportText(big);
    expect(parsed.rows).toHaveLength(50_000);
    expect(parsed.lines[49_999]).toBe(50_001);
    let error: unknown;
    try {
      parseImportText(`${big}\nOne,more@x.com`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ problem: 'too-many-rows', message: TOO_MANY_ROWS_MESSAGE });
  });
});
