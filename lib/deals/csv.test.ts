import { expect, test } from 'vitest';
import { csvLines } from '@/lib/csv';
import { DEAL_CSV_HEADER, dealCsvRow, type DealExportRow } from './csv';

const base: DealExportRow = {
  id: 7,
  title: 'Acme, Inc — renewal',
  valueCents: 123_450,
  pipeline: 'Sales',
  stage: 'Proposal',
  probabilityBp: 1_250,
  status: 'lost',
  expectedCloseDate: '2026-12-31',
  owner: 'Ana Rivera',
  company: 'Acme, Inc',
  contact: 'Ann Lee',
  source: 'Referral',
  createdAt: Date.UTC(2026, 10, 1, 9, 30),
  closedAt: Date.UTC(2026, 10, 20),
  lostReason: 'Price too high',
};

/** The CSV text of one cell, by column name, as a spreadsheet would receive it. */
function cell(overrides: Partial<DealExportRow>, column: string): string {
  const row = dealCsvRow({ ...base, ...overrides }, 'USD');
  return csvLines([[row[DEAL_CSV_HEADER.indexOf(column)]]]).replace(/\r\n$/, '');
}

test('the header is exactly the documented one', () => {
  expect(DEAL_CSV_HEADER.join(',')).toBe(
    'id,title,value,currency,pipeline,stage,probability,weighted_value,status,expected_close_date,owner,company,contact,source,created_at,closed_at,lost_reason',
  );
});

test('a whole row: quoted commas, decimals, a fractional percentage, ISO instants', () => {
  expect(csvLines([dealCsvRow(base, 'EUR')])).toBe(
    '7,"Acme, Inc — renewal",1234.50,EUR,Sales,Proposal,12.5,154.31,lost,2026-12-31,Ana Rivera,"Acme, Inc",Ann Lee,Referral,2026-11-01T09:30:00.000Z,2026-11-20T00:00:00.000Z,Price too high\r\n',
  );
});

test.each<[string, Partial<DealExportRow>, string, string]>([
  // money and probability
  ['zero value', { valueCents: 0 }, 'value', '0.00'],
  ['cents keep two places', { valueCents: 5 }, 'value', '0.05'],
  ['whole percentage', { probabilityBp: 2_500 }, 'probability', '25'],
  ['zero probability', { probabilityBp: 0 }, 'probability', '0'],
  ['certain', { probabilityBp: 10_000 }, 'probability', '100'],
  ['weighted at zero probability', { probabilityBp: 0 }, 'weighted_value', '0.00'],
  ['weighted rounds half away from zero', { valueCents: 4, probabilityBp: 1_250 }, 'weighted_value', '0.01'],
  ['weighted below half rounds down', { valueCents: 3, probabilityBp: 1_250 }, 'weighted_value', '0.00'],
  ['weighted of a large value', { valueCents: 9_999_999_999, probabilityBp: 3_333 }, 'weighted_value', '33330000.00'],
  // empty for nulls
  ['no close date', { expectedCloseDate: null }, 'expected_close_date', ''],
  ['not closed', { closedAt: null }, 'closed_at', ''],
  ['no lost reason', { lostReason: null }, 'lost_reason', ''],
  ['no owner', { owner: null }, 'owner', ''],
  ['no company', { company: null }, 'company', ''],
  ['no source', { source: null }, 'source', ''],
  // instants in UTC, dates untouched
  ['created just before midnight UTC', { createdAt: Date.UTC(2026, 1, 28, 23, 59, 59, 999) }, 'created_at', '2026-02-28T23:59:59.999Z'],
  ['a leap day stays as typed', { expectedCloseDate: '2028-02-29' }, 'expected_close_date', '2028-02-29'],
  // formula injection: text that a spreadsheet would run gets a leading apostrophe
  ['= formula', { title: '=HYPERLINK("http://x","y")' }, 'title', `"'=HYPERLINK(""http://x"",""y"")"`],
  ['+ formula', { company: '+1 555 0100' }, 'company', "'+1 555 0100"],
  ['- formula', { contact: '-2+3' }, 'contact', "'-2+3"],
  ['@ formula', { source: '@SUM(A1)' }, 'source', "'@SUM(A1)"],
  ['tab at the start', { lostReason: '\t=1' }, 'lost_reason', "'\t=1"],
  ['harmless text is unchanged', { title: 'Pilot = phase 1' }, 'title', 'Pilot = phase 1'],
  ['a quote is doubled', { title: 'The "big" one' }, 'title', '"The ""big"" one"'],
  ['a line break is quoted', { title: 'two\nlines' }, 'title', '"two\nlines"'],
])('%s', (_name, overrides, column, expected) => {
  expect(cell(overrides, column)).toBe(expected);
});
