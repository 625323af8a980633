import { getDb } from '@/db';
import { getForecast } from '@/db/queries/forecast';
import { getWorkspace } from '@/db/queries/workspace';
import { getSessionUser } from '@/lib/auth/session';
import { csvResponse } from '@/lib/csv';
import { todayIso } from '@/lib/dates';
import { parseForecastFilters } from '@/lib/forecast/filters';
import { centsToDecimal } from '@/lib/money';

export const dynamic = 'force-dynamic';

const HEADER = ['month', 'open_deals', 'open_value', 'weighted_value', 'won_deals', 'won_value', 'goal'];

export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response(null, { status: 401 });
  const db = getDb();
  const ws = getWorkspace(db);
  const today = todayIso(ws.timezone);
  const filters = parseForecastFilters(Object.fromEntries(new URL(request.url).searchParams), user, today.slice(0, 7), ws.fiscalYearStartMonth);
  const { rows } = getForecast(db, { months: filters.months, today, timeZone: ws.timezone, pipelineId: filters.pipelineId, ownerId: filters.ownerId, viewer: user });
  const lines = rows.map((r) => [r.month, r.openDeals, centsToDecimal(r.openCents), centsToDecimal(r.weightedCents), r.wonDeals, centsToDecimal(r.wonCents), r.goalCents === null ? '' : centsToDecimal(r.goalCents)]);
  return csvResponse(`forecast-${today}.csv`, HEADER, [lines]);
}
