// Splitting decoded text into a header and rows, with the line of the file each row starts on so a
// report can say "line 7" and the user finds it in their editor. papaparse does the splitting (it
// knows quotes, doubled quotes and line breaks inside cells); it does not number lines, so each row's
// start is taken from its cursor and the line breaks before it are counted here.
import Papa from 'papaparse';
import { EMPTY_FILE_MESSAGE, IMPORT_MAX_ROWS, ImportFileError, tooManyRowsMessage } from './decode';

export const IMPORT_DELIMITERS = [',', ';', '\t', '|'] as const;
export type ImportDelimiter = (typeof IMPORT_DELIMITERS)[number];

export type ImportProblem = { line: number; message: string };

export type ParsedImport = {
  /** Trimmed, never blank ("Column 3"), unique ("Email", "Email (2)"). */
  headers: string[];
  /** One array per data row, exactly headers.length cells, as written (not trimmed). */
  rows: string[][];
  /** The file line each row starts on (the header's own line is 1 in an ordinary file). */
  lines: number[];
  delimiter: ImportDelimiter;
  /** Rows that could not be read cell by cell; they are left out of rows. */
  problems: ImportProblem[];
};

export const TOO_MANY_CELLS_MESSAGE = (cells: number, headers: number) =>
  `This row has ${cells} cells but the header has ${headers}: a cell holding the delimiter may be missing its quotes`;
export const UNCLOSED_QUOTE_MESSAGE = 'A quoted cell that starts on this row is never closed, so the rest of the file was read into it: check its quotes';
export const BAD_QUOTE_MESSAGE = (from: number, to: number) =>
  `A quoted cell on this row has text after its closing quote${to > from ? `, so lines ${from} to ${to} were read as one row` : ''}: write a quote inside a quoted cell as two quotes ("")`;

/**
 * Headers as people see them: trimmed, one line, blank ones named by position, repeated ones
 * numbered. Names compare case-insensitively, as header guessing does, and a generated name never
 * takes one the file itself uses later ("Email, Email, Email (2)").
 */
export function uniqueHeaders(raw: string[]): string[] {
  const cleaned = raw.map((h, i) => h.replace(/\s+/g, ' ').trim() || `Column ${i + 1}`);
  const taken = new Set(cleaned.map((h) => h.toLowerCase()));
  const used = new Set<string>();
  return cleaned.map((h) => {
    let name = h;
    for (let n = 2; used.has(name.toLowerCase()) || (name !== h && taken.has(name.toLowerCase())); n++) name = `${h} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

// Excel writes "sep=;" as the first line when asked to, telling readers the delimiter. It is not
// a header; the header is the next line.
const SEP_HINT = /^sep=([,;\t|])[ \t]*\n/i;

/**
 * The delimiter whose cell count is the most consistent over the first rows, as papaparse judges
 * it, with blank rows left out of the judgement (a trailing newline would otherwise count as a
 * one-cell row and sink every candidate in a short file). ',' when nothing fits: a one-column file.
 */
function guessDelimiter(body: string): ImportDelimiter {
  const sample = Papa.parse<string[]>(body, { preview: 10, newline: '\n', skipEmptyLines: 'greedy', delimitersToGuess: [...IMPORT_DELIMITERS] });
  if (sample.errors.some((e) => e.code === 'UndetectableDelimiter')) return ',';
  return sample.meta.delimiter as ImportDelimiter;
}

/**
 * Reads decoded text. Blank rows (only whitespace, or only delimiters) are skipped; rows with fewer
 * cells than the header are padded, rows with more non-blank cells than the header are reported and
 * left out (their cells no longer line up with the columns, so every later value would land in the
 * wrong field). Throws ImportFileError for an empty file or one with more than maxRows data rows.
 */
export function parseImportText(text: string, options: { maxRows?: number } = {}): ParsedImport {
  const maxRows = options.maxRows ?? IMPORT_MAX_ROWS;
  // One kind of line break: papaparse splits rows on the single one it guesses, so a file with
  // CRLF here and LF there (rows appended in another editor) would run rows together. Line breaks
  // inside cells become \n as well, which is how Keel keeps multi-line text anyway.
  let body = (text.startsWith('\uFEFF') ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  let line = 1;
  let forced: ImportDelimiter | undefined;
  const hint = SEP_HINT.exec(body);
  if (hint) {
    forced = hint[1] as ImportDelimiter;
    body = body.slice(hint[0].length);
    line = 2;
  }
  const delimiter = forced ?? guessDelimiter(body);

  // A line is what an editor shows as one, so breaks inside quoted cells count too.
  let scanned = 0;
  const lineAt = (offset: number) => {
    for (; scanned < offset; scanned++) if (body.charCodeAt(scanned) === 10) line++;
    return line;
  };

  let headers: string[] | null = null;
  const rows: string[][] = [];
  const lines: number[] = [];
  const problems: ImportProblem[] = [];
  let rowStart = 0;
  let dataRows = 0;
  let tooMany = false;

  Papa.parse<string[]>(body, {
    delimiter,
    newline: '\n',
    // Blank rows are skipped below rather than by papaparse, because papaparse would skip them
    // without a step, and every step's cursor is needed to know where the next row starts.
    skipEmptyLines: false,
    step(results, parser) {
      const start = rowStart;
      rowStart = results.meta.cursor;
      const cells = results.data;
      if (cells.every((c) => c.trim() === '')) return;
      const rowLine = lineAt(start);
      if (headers === null) {
        headers = uniqueHeaders(cells);
        return;
      }
      dataRows++;
      if (dataRows > maxRows) {
        tooMany = true;
        parser.abort();
        return;
      }
      // A stray quote makes papaparse look for the closing one further on, so one bad cell can
      // swallow the lines after it; "never closed" is the message that explains the missing rows.
      const quoteErrors = results.errors.filter((e) => e.type === 'Quotes');
      if (quoteErrors.length > 0) {
        const unclosed = quoteErrors.some((e) => e.code === 'MissingQuotes');
        const spanned = body.slice(start, rowStart).replace(/\n$/, '').split('\n').length - 1;
        problems.push({ line: rowLine, message: unclosed ? UNCLOSED_QUOTE_MESSAGE : BAD_QUOTE_MESSAGE(rowLine, rowLine + spanned) });
        return;
      }
      const width = headers.length;
      if (cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) {
        problems.push({ line: rowLine, message: TOO_MANY_CELLS_MESSAGE(cells.length, width) });
        return;
      }
      rows.push(cells.length === width ? cells : Array.from({ length: width }, (_, i) => cells[i] ?? ''));
      lines.push(rowLine);
    },
  });

  if (tooMany) throw new ImportFileError('too-many-rows', tooManyRowsMessage(maxRows));
  if (headers === null) throw new ImportFileError('empty', EMPTY_FILE_MESSAGE);
  return { headers, rows, lines, delimiter, problems };
}
