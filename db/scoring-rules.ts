import type { ScoringRule } from '@/lib/leads/scoring';
import type { Db } from './client';

type RuleRow = { id: number; kind: 'fit' | 'engagement'; field: string | null; operator: string | null; value: string | null; event: string | null; points: number };

/** The workspace's active scoring rules, in their order. */
export function loadScoringRules(db: Db): ScoringRule[] {
  const rows = db.$client.prepare('select id, kind, field, operator, value, event, points from lead_scoring_rules where active = 1 order by position, id').all() as RuleRow[];
  return rows.map((r) =>
    r.kind === 'fit'
      ? ({ id: r.id, kind: 'fit', field: r.field, operator: r.operator, value: r.value, points: r.points } as ScoringRule)
      : ({ id: r.id, kind: 'engagement', event: r.event, points: r.points } as ScoringRule),
  );
}
