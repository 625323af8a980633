import 'server-only';
import type { Db } from '@/db/client';
import { cachedStatement } from '@/db/statements';
import { predictLikelihood, trainLikelihood, type LikelihoodExample, type LikelihoodLead, type LikelihoodModel } from '@/lib/leads/bayes';

// The predicted likelihood of a lead becoming a won deal (lib/leads/bayes.ts), learned from the
// workspace's own history each time it is asked: every converted lead whose deal has closed, won or
// lost (open deals have no outcome yet). One indexed read of those leads (closed deals by status, their
// leads by deal_id) and the training: at 1,000 such leads among 100,000 about 8 ms a call, half reading
// and half learning, so nothing is cached between requests and a new outcome counts at once. A screen
// that shows many leads' likelihoods should learn once with likelihoodModel and predict each.

const LEAD = `select l.title, l.email, l.country, s.name as source from leads l left join lead_sources s on s.id = l.source_id`;

/**
 * The model from every closed converted lead except `exceptLeadId` (a lead is never its own evidence),
 * with how many leads it learned from; null below the minimum history.
 */
export function likelihoodModel(db: Db, exceptLeadId = 0): { model: LikelihoodModel; basedOn: number } | null {
  const rows = cachedStatement(
    db,
    `select l.title, l.email, l.country, s.name as source, d.status = 'won' as won
     from leads l join deals d on d.id = l.deal_id left join lead_sources s on s.id = l.source_id
     where l.status = 'converted' and d.status in ('won', 'lost') and l.id != ?`,
  ).all(exceptLeadId) as (LikelihoodLead & { won: number })[];
  const model = trainLikelihood(rows.map((r): LikelihoodExample => ({ ...r, won: r.won === 1 })));
  return model ? { model, basedOn: model.won + model.lost } : null;
}

/**
 * How likely the lead is to become a won deal, and from how many past leads that was learned; null
 * when the lead does not exist or the history is too short to say (lib/leads/bayes.ts thresholds).
 */
export function leadLikelihood(db: Db, leadId: number): { probability: number; basedOn: number } | null {
  const lead = cachedStatement(db, `${LEAD} where l.id = ?`).get(leadId) as LikelihoodLead | undefined;
  if (!lead) return null;
  const learned = likelihoodModel(db, leadId);
  return learned ? { probability: predictLikelihood(learned.model, lead), basedOn: learned.basedOn } : null;
}
