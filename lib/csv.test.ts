import Papa from 'papaparse';
import { expect, test } from 'vitest';
import { csvLines, csvResponse, safeCell } from './csv';

test.each([
  ['=SUM(A1)', "'=SUM(A1)"],
  ['+1 555', "'+1 555"],
  ['-5', '-5'],
  ['-A1+B1', "'-A1+B1"],
  ['@cmd', "'@cmd"],
  ['Plain, with comma', 'Plain, with comma'],
  [null, ''],
  [-5, -5],
  ['-12.50', '-12.50'],
  ['-12.50 off', "'-12.50 off"],
  [1234.5, 1234.5],
])('safeCell(%j) → %j', (input, expected) => expect(safeCell(input)).toBe(expected));

test('csvLines quotes commas, quotes and newlines and ends each line with CRLF', () => {
  const text = csvLines([['a,b', 'say "hi"', 'two\nlines', 3]]);
  expect(text).toBe('"a,b","say ""hi""","two\nlines",3\r\n');
  expect(Papa.parse(text.trim()).data).toEqual([['a,b', 'say "hi"', 'two\nlines', '3']]);
});

test('csvResponse streams a header and every batch as a download', async () => {
  const res = csvResponse('x.csv', ['id', 'name'], [[[1, 'Ann']], [[2, 'Ben']]]);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(res.headers.get('content-disposition')).toBe('attachment; filename="x.csv"');
  expect(await res.text()).toBe('id,name\r\n1,Ann\r\n2,Ben\r\n');
});
