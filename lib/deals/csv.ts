import { centsToDecimal } from '@/lib/money';
import { weightedCents } from './probability';

export const DEAL_CSV_HEADER = [
  'id', 'title', 'value', 'currency', 'pipeline', 'stage', 'probability', 'weighted_value', 'status', 'expected_close_date',
  'owner', 'company', 'contact', 'source', 'created_at', 'closed_at', 'lost_reason',
];

export type DealExportRow = {
  id: number;
  title: string;
  valueCents: number;
  pipeline: string;
  stage: string;
  probabilityBp: number;
  status: string;
  expectedCloseDate: string | null;
  owner: string | null;
  company: string | null;
  contact: string | null;
  source: string | null;
  createdAt: number;
  closedAt: number | null;
  lostReason: string | null;
};

/** One deal as a CSV row: money as decimals, probability as a percentage, instants as ISO 8601 UTC. */
export function dealCsvRow(d: DealExportRow, currency: string): (string | number | null)[] {
  return [
    d.id,
    d.title,
    centsToDecimal(d.valueCents),
    currency,
    d.pipeline,
    d.stage,
    String(d.probabilityBp / 100),
    centsToDecimal(weightedCents(d.valueCents, d.probabilityBp)),
    d.status,
    d.expectedCloseDate,
    d.owner,
    d.company,
    d.contact,
    d.source,
    new Date(d.createdAt).toISOString(),
    d.closedAt === null ? null : new Date(d.closedAt).toISOString(),
    d.lostReason,
  ];
}
