import 'server-only';
import type { Db } from '@/db/client';

export type DealDetail = {
  id: number;
  title: string;
  valueCents: number;
  status: 'open' | 'won' | 'lost';
  lostReason: string | null;
  expectedCloseDate: string | null;
  probabilityOverrideBp: number | null;
  stageProbabilityBp: number;
  stageId: number;
  stageName: string;
  pipelineId: number;
  pipelineName: string;
  ownerId: number | null;
  ownerName: string | null;
  companyId: number | null;
  companyName: string | null;
  contactId: number | null;
  contactName: string | null;
  source: string | null;
  version: number;
  createdAt: number;
  closedAt: number | null;
  stageChangedAt: number;
  lastActivityAt: number | null;
  rotDays: number;
};

export function getDealDetail(db: Db, id: number): DealDetail | null {
  return (
    (db.$client
      .prepare(
        `select d.id, d.title, d.value_cents as valueCents, d.status, d.lost_reason as lostReason, d.expected_close_date as expectedCloseDate,
                d.probability_override_bp as probabilityOverrideBp, s.probability_bp as stageProbabilityBp, d.stage_id as stageId, s.name as stageName,
                d.pipeline_id as pipelineId, p.name as pipelineName, d.owner_id as ownerId, u.name as ownerName,
                d.company_id as companyId, co.name as companyName, d.contact_id as contactId, trim(c.first_name || ' ' || c.last_name) as contactName,
                d.source, d.version, d.created_at as createdAt, d.closed_at as closedAt, d.stage_changed_at as stageChangedAt,
                d.last_activity_at as lastActivityAt, s.rot_days as rotDays
         from deals d join stages s on s.id = d.stage_id join pipelines p on p.id = d.pipeline_id
         left join users u on u.id = d.owner_id left join companies co on co.id = d.company_id left join contacts c on c.id = d.contact_id
         where d.id = ?`,
      )
      .get(id) as DealDetail | undefined) ?? null
  );
}
