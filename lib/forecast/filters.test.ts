import { expect, test } from 'vitest';
import { forecastParams, parseForecastFilters } from './filters';

const rep = { id: 3, role: 'rep' as const };
const manager = { id: 2, role: 'manager' as const };

test('a rep sees only their own figures, whatever the URL asks', () => {
  expect(parseForecastFilters({ owner: 'all' }, rep, '2026-11', 1).ownerId).toBe(3);
  expect(parseForecastFilters({ owner: '4' }, rep, '2026-11', 1).ownerId).toBe(3);
});

test('a manager sees everyone by default, or one person', () => {
  expect(parseForecastFilters({}, manager, '2026-11', 1)).toMatchObject({ ownerId: null, preset: 'next6', pipelineId: null });
  expect(parseForecastFilters({ owner: '4', pipeline: '1', range: 'quarter' }, manager, '2026-11', 1)).toMatchObject({ ownerId: 4, pipelineId: 1, months: ['2026-10', '2026-11', '2026-12'] });
  expect(parseForecastFilters({ owner: 'me' }, manager, '2026-11', 1).ownerId).toBe(2);
  expect(parseForecastFilters({ range: 'bogus', owner: 'x' }, manager, '2026-11', 1)).toMatchObject({ preset: 'next6', ownerId: null });
});

test('filters round-trip through the URL', () => {
  const f = parseForecastFilters({ owner: '4', range: 'next12' }, manager, '2026-11', 1);
  expect(forecastParams(f, 2, 'manager').toString()).toBe('range=next12&owner=4');
});
