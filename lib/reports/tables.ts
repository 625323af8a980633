import { centsToDecimal } from '@/lib/money';
import { formatBp } from './formulas';

export type ColumnKind = 'text' | 'int' | 'money' | 'bp' | 'days' | 'hours';
export type Column = { key: string; label: string; kind: ColumnKind };
export type ReportRow = Record<string, string | number | null>;

/** Every report table: its title and columns, shared by the page and its CSV download. */
export const REPORT_TABLES = {
  'win-rate-by-rep': {
    title: 'Win rate by rep',
    columns: [
      { key: 'name', label: 'Rep', kind: 'text' },
      { key: 'won', label: 'Won', kind: 'int' },
      { key: 'lost', label: 'Lost', kind: 'int' },
      { key: 'winRateBp', label: 'Win rate', kind: 'bp' },
      { key: 'wonCents', label: 'Won value', kind: 'money' },
    ],
  },
  'win-rate-by-source': {
    title: 'Win rate by lead source',
    columns: [
      { key: 'name', label: 'Source', kind: 'text' },
      { key: 'won', label: 'Won', kind: 'int' },
      { key: 'lost', label: 'Lost', kind: 'int' },
      { key: 'winRateBp', label: 'Win rate', kind: 'bp' },
      { key: 'wonCents', label: 'Won value', kind: 'money' },
    ],
  },
  funnel: {
    title: 'Conversion funnel',
    columns: [
      { key: 'name', label: 'Step', kind: 'text' },
      { key: 'reached', label: 'Deals', kind: 'int' },
      { key: 'shareBp', label: 'Of deals created', kind: 'bp' },
    ],
  },
  'time-in-stage': {
    title: 'Average days in each stage',
    columns: [
      { key: 'name', label: 'Stage', kind: 'text' },
      { key: 'stays', label: 'Deals that entered', kind: 'int' },
      { key: 'avgDays', label: 'Average days', kind: 'days' },
    ],
  },
  'created-vs-won': {
    title: 'Deals created and won per month',
    columns: [
      { key: 'month', label: 'Month', kind: 'text' },
      { key: 'created', label: 'Created', kind: 'int' },
      { key: 'won', label: 'Won', kind: 'int' },
      { key: 'wonCents', label: 'Won value', kind: 'money' },
    ],
  },
  'lost-reasons': {
    title: 'Lost reasons',
    columns: [
      { key: 'name', label: 'Reason', kind: 'text' },
      { key: 'deals', label: 'Deals', kind: 'int' },
      { key: 'valueCents', label: 'Value', kind: 'money' },
    ],
  },
  leaderboard: {
    title: 'Rep leaderboard',
    columns: [
      { key: 'name', label: 'Rep', kind: 'text' },
      { key: 'wonCents', label: 'Won value', kind: 'money' },
      { key: 'winRateBp', label: 'Win rate', kind: 'bp' },
      { key: 'weightedCents', label: 'Open weighted pipeline', kind: 'money' },
      { key: 'activities', label: 'Activities logged', kind: 'int' },
    ],
  },
  'leads-by-source': {
    title: 'Leads by source',
    columns: [
      { key: 'name', label: 'Source', kind: 'text' },
      { key: 'leads', label: 'Leads', kind: 'int' },
      { key: 'qualifiedBp', label: 'Qualified', kind: 'bp' },
      { key: 'dealBp', label: 'To a deal', kind: 'bp' },
      { key: 'wonBp', label: 'To a won deal', kind: 'bp' },
      { key: 'wonCents', label: 'Won value', kind: 'money' },
    ],
  },
  'lead-first-contact': {
    title: 'Median time to first contact',
    columns: [
      { key: 'name', label: 'Rep', kind: 'text' },
      { key: 'leads', label: 'Leads', kind: 'int' },
      { key: 'contacted', label: 'Contacted', kind: 'int' },
      { key: 'medianHours', label: 'Median time', kind: 'hours' },
    ],
  },
  'lead-funnel': {
    title: 'Leads by status',
    columns: [
      { key: 'name', label: 'Status', kind: 'text' },
      { key: 'leads', label: 'Leads', kind: 'int' },
      { key: 'shareBp', label: 'Of leads created', kind: 'bp' },
    ],
  },
} as const satisfies Record<string, { title: string; columns: readonly Column[] }>;

export type ReportTableKey = keyof typeof REPORT_TABLES;

/** A cell as the CSV writes it: money as decimals, percentages as numbers, days with one decimal. */
export function csvValue(kind: ColumnKind, value: string | number | null): string | number {
  if (value === null || value === undefined) return '';
  if (kind === 'money') return centsToDecimal(Number(value));
  if (kind === 'bp') return String(Number(value) / 100);
  return value;
}

export function displayValue(kind: ColumnKind, value: string | number | null, money: (cents: number) => string): string {
  if (value === null || value === undefined) return '—';
  if (kind === 'money') return money(Number(value));
  if (kind === 'bp') return formatBp(Number(value));
  if (kind === 'days') return `${value} d`;
  if (kind === 'hours') return formatHours(Number(value));
  if (kind === 'int') return Number(value).toLocaleString('en-US');
  return String(value);
}

/** Hours as people say them: "45 min", "3.5 h", "2.1 days" from two days on. */
export function formatHours(hours: number): string {
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} h`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}
