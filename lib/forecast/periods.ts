// Months are 'YYYY-MM' strings. All arithmetic is on calendar fields, never on instants.

import { zoneOffset } from '@/lib/dates';

export function monthOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function monthRange(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(first, i));
}

export function firstDay(month: string): string {
  return `${month}-01`;
}

/** The fiscal quarter holding a month, as its first month, with the year starting in startMonth (1–12). */
export function fiscalQuarterStart(month: string, startMonth: number): string {
  const [, m] = month.split('-').map(Number);
  const offset = (((m - startMonth) % 12) + 12) % 12;
  return addMonths(month, -(offset % 3));
}

export function fiscalYearStart(month: string, startMonth: number): string {
  const [, m] = month.split('-').map(Number);
  const offset = (((m - startMonth) % 12) + 12) % 12;
  return addMonths(month, -offset);
}

/** The instant a month begins in a time zone (local midnight of its first day). */
export function monthStartInstant(month: string, timeZone: string): number {
  const [y, m] = month.split('-').map(Number);
  const naive = Date.UTC(y, m - 1, 1);
  const first = naive - zoneOffset(naive, timeZone);
  // Across a DST change the offset at the true instant can differ from the guess: correct once.
  return naive - zoneOffset(first, timeZone);
}

export type Preset = 'next6' | 'next12' | 'quarter' | 'next-quarter' | 'year';

export const PRESETS: { value: Preset; label: string }[] = [
  { value: 'next6', label: 'Next 6 months' },
  { value: 'next12', label: 'Next 12 months' },
  { value: 'quarter', label: 'This fiscal quarter' },
  { value: 'next-quarter', label: 'Next fiscal quarter' },
  { value: 'year', label: 'This fiscal year' },
];

/** The months a forecast preset covers, from the current month. */
export function presetMonths(preset: Preset, currentMonth: string, fiscalStartMonth: number): string[] {
  switch (preset) {
    case 'next12':
      return monthRange(currentMonth, 12);
    case 'quarter':
      return monthRange(fiscalQuarterStart(currentMonth, fiscalStartMonth), 3);
    case 'next-quarter':
      return monthRange(addMonths(fiscalQuarterStart(currentMonth, fiscalStartMonth), 3), 3);
    case 'year':
      return monthRange(fiscalYearStart(currentMonth, fiscalStartMonth), 12);
    default:
      return monthRange(currentMonth, 6);
  }
}
