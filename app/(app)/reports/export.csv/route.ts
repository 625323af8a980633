import { z } from 'zod';
import { getDb } from '@/db';
import { listPipelinesWithStages } from '@/db/queries/pipelines';
import { getReportTable } from '@/db/queries/reports';
import { getWorkspace } from '@/db/queries/workspace';
import { seesEveryone } from '@/lib/auth/roles';
import { getSessionUser } from '@/lib/auth/session';
import { csvResponse } from '@/lib/csv';
import { nowMs, todayIso } from '@/lib/dates';
import { pickPipeline } from '@/lib/reports/filters';
import { parseReportPeriod, periodInstants } from '@/lib/reports/period';
import { csvValue, REPORT_TABLES, type ReportTableKey } from '@/lib/reports/tables';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response(null, { status: 401 });
  if (!seesEveryone(user.role)) return new Response(null, { status: 403 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const key = z.enum(Object.keys(REPORT_TABLES) as [ReportTableKey, ...ReportTableKey[]]).safeParse(params.table);
  if (!key.success) return Response.json({ error: `Unknown table; use one of ${Object.keys(REPORT_TABLES).join(', ')}` }, { status: 400 });
  const db = getDb();
  const ws = getWorkspace(db);
  const period = parseReportPeriod(params, todayIso(ws.timezone), ws.fiscalYearStartMonth);
  const pipelineId = pickPipeline(params, listPipelinesWithStages(db).map((p) => p.id)) ?? 0;
  const rows = getReportTable(db, key.data, { ...periodInstants(period, ws.timezone), from: period.from, to: period.to, timeZone: ws.timezone, pipelineId, now: nowMs() });
  const columns = REPORT_TABLES[key.data].columns;
  return csvResponse(
    `${key.data}-${period.from}-to-${period.to}.csv`,
    columns.map((c) => c.label.toLowerCase().replace(/[^a-z0-9]+/g, '_')),
    [rows.map((r) => columns.map((c) => csvValue(c.kind, r[c.key])))],
  );
}
