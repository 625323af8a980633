import Papa from 'papaparse';

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a leading
 * apostrophe. Numbers are written as they are.
 */
export function safeCell(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(value)) return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** CSV lines (RFC 4180 quoting, CRLF) for a header or a batch of rows. */
export function csvLines(rows: (string | number | null | undefined)[][]): string {
  return Papa.unparse(rows.map((r) => r.map(safeCell)), { newline: '\r\n' }) + '\r\n';
}

/** A streamed CSV download: the header, then each batch as it is read, so large exports never sit in memory. */
export function csvResponse(filename: string, header: string[], batches: Iterable<(string | number | null | undefined)[][]>): Response {
  const encoder = new TextEncoder();
  const iterator = batches[Symbol.iterator]();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLines([header])));
    },
    pull(controller) {
      const next = iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(csvLines(next.value)));
    },
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
}
