import { expect, test } from 'vitest';
import { dealFiltersToParams, parseDealFilters, resolvePipeline, type PipelineFilter } from './filters';

test.each<[string, Record<string, string | string[]>, PipelineFilter]>([
  ['no pipeline in the URL (an old link) leaves the choice to the page', {}, null],
  ['a pipeline id', { pipeline: '3' }, 3],
  ['all pipelines', { pipeline: 'all' }, 'all'],
  ['the first of repeated values', { pipeline: ['all', '3'] }, 'all'],
  ['anything else is ignored', { pipeline: 'ALL' }, null],
  ['a negative id is ignored', { pipeline: '-2' }, null],
  ['a fraction is ignored', { pipeline: '1.5' }, null],
])('parse: %s', (_, params, expected) => {
  expect(parseDealFilters(params, 'manager').pipelineId).toBe(expected);
});

test.each<[PipelineFilter, string]>([
  [null, ''],
  [3, 'pipeline=3'],
  ['all', 'pipeline=all'],
])('the pipeline %s goes back into the URL as "%s"', (pipelineId, expected) => {
  const filters = { ...parseDealFilters({}, 'manager'), pipelineId };
  expect(dealFiltersToParams(filters, 'manager').toString()).toBe(expected);
  expect(parseDealFilters(Object.fromEntries(dealFiltersToParams(filters, 'manager')), 'manager')).toEqual(filters);
});

test('the other filters survive a round trip beside pipeline=all', () => {
  const params = { pipeline: 'all', owner: '4', q: 'acme', from: '2026-01-01', to: '2026-12-31' };
  expect(dealFiltersToParams(parseDealFilters(params, 'rep'), 'rep').toString()).toBe('pipeline=all&owner=4&q=acme&from=2026-01-01&to=2026-12-31');
});

test.each<[string, PipelineFilter, number[], number | 'all' | null]>([
  ['all stays all', 'all', [1, 2], 'all'],
  ['a pipeline that exists', 2, [1, 2], 2],
  ['none named: the first', null, [4, 2], 4],
  ['a deleted pipeline: the first', 9, [1, 2], 1],
  ['no pipelines at all', null, [], null],
  ['all with no pipelines', 'all', [], 'all'],
])('resolvePipeline: %s', (_, wanted, ids, expected) => {
  expect(resolvePipeline(wanted, ids)).toBe(expected);
});
