import { z } from 'zod';
import { addDays, cachedFormat, isIsoDate } from '@/lib/dates';
import { addMonths, fiscalQuarterStart, fiscalYearStart, monthStartInstant } from '@/lib/forecast/periods';

export type ReportPeriod = { preset: string; from: string; to: string; label: string };

export const PERIOD_PRESETS = [
  { value: '30d', label: 'Last 30 days' },
  { value: '90d', label: 'Last 90 days' },
  { value: 'quarter', label: 'This fiscal quarter' },
  { value: 'year', label: 'This fiscal year' },
  { value: '12m', label: 'Last 12 months' },
] as const;

type Params = Record<string, string | string[] | undefined>;
const first = (p: Params, k: string) => (Array.isArray(p[k]) ? p[k][0] : p[k]) ?? undefined;

/** The report period from the URL: a preset, or custom from/to dates (inclusive). */
export function parseReportPeriod(params: Params, today: string, fiscalStartMonth: number): ReportPeriod {
  const preset = z.enum(['30d', '90d', 'quarter', 'year', '12m', 'custom']).catch('90d').parse(first(params, 'period') ?? '90d');
  const from = first(params, 'from');
  const to = first(params, 'to');
  if (preset === 'custom' && from && to && isIsoDate(from) && isIsoDate(to) && from <= to) return { preset, from, to, label: `${from} to ${to}` };
  const month = today.slice(0, 7);
  const ranges: Record<string, [string, string]> = {
    '30d': [addDays(today, -29), today],
    '90d': [addDays(today, -89), today],
    quarter: [`${fiscalQuarterStart(month, fiscalStartMonth)}-01`, today],
    year: [`${fiscalYearStart(month, fiscalStartMonth)}-01`, today],
    '12m': [`${addMonths(month, -11)}-01`, today],
  };
  const key = preset === 'custom' ? '90d' : preset;
  const [f, t] = ranges[key];
  return { preset: key, from: f, to: t, label: PERIOD_PRESETS.find((p) => p.value === key)!.label };
}

/** The period as instants [start of `from`, start of the day after `to`) in the workspace zone. */
export function periodInstants(period: ReportPeriod, timeZone: string): { fromMs: number; toMs: number } {
  return { fromMs: dayStartInstant(period.from, timeZone), toMs: dayStartInstant(addDays(period.to, 1), timeZone) };
}

function dayStartInstant(date: string, timeZone: string): number {
  // Local midnight of a day = the month's local start + whole days, corrected for a DST change between.
  const monthStart = monthStartInstant(date.slice(0, 7), timeZone);
  const guess = monthStart + (Number(date.slice(8, 10)) - 1) * 86_400_000;
  const local = cachedFormat('hour', 'en-CA', { timeZone, hourCycle: 'h23', hour: '2-digit' }).format(guess);
  const hour = Number(local);
  return hour === 0 ? guess : hour === 23 ? guess + 3_600_000 : guess - hour * 3_600_000;
}
