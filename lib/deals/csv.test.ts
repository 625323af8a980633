import { expect, test } from 'vitest';
import { csvLines } from '@/lib/csv';
import { DEAL_CSV_HEADER, dealCsvRow } from './csv';
import { parseDealListParams } from './list-sort';

const base = {
  id: 7, title: 'Acme, Inc — renewal', valueCents: 123_450, pipeline: 'Sales', stage: 'Proposal', probabilityBp: 1_250, status: 'lost',
  expectedCloseDate: '2026-12-31', owner: 'Ana Rivera', company: 'Acme, Inc', contact: 'Ann Lee', source: '=HYPERLINK("x")',
  createdAt: Date.UTC(2026, 10, 1, 9, 30), closedAt: Date.UTC(2026, 10, 20), lostReason: 'Price too high',
};

test('a deal row has decimals, a percentage, ISO timestamps and a guarded formula', () => {
  expect(DEAL_CSV_HEADER.join(',')).toBe('id,title,value,currency,pipeline,stage,probability,weighted_value,status,expected_close_date,owner,company,contact,source,created_at,closed_at,lost_reason');
  expect(csvLines([dealCsvRow(base, 'USD')])).toBe(
    '7,"Acme, Inc — renewal",1234.50,USD,Sales,Proposal,12.5,154.31,lost,2026-12-31,Ana Rivera,"Acme, Inc",Ann Lee,"\'=HYPERLINK(""x"")",2026-11-01T09:30:00.000Z,2026-11-20T00:00:00.000Z,Price too high\r\n',
  );
});

test('an open deal without dates leaves those cells empty', () => {
  const row = dealCsvRow({ ...base, status: 'open', closedAt: null, lostReason: null, expectedCloseDate: null, probabilityBp: 2_500, valueCents: 0 }, 'EUR');
  expect(csvLines([row])).toContain(',0.00,EUR,Sales,Proposal,25,0.00,open,,Ana Rivera,');
});

test('list sorting reads the URL safely', () => {
  expect(parseDealListParams({ sort: 'value', dir: 'desc', page: '3' })).toEqual({ sort: 'value', dir: 'desc', page: 3 });
  expect(parseDealListParams({ sort: 'drop table', page: '0' })).toEqual({ sort: 'close', dir: 'asc', page: 1 });
});
