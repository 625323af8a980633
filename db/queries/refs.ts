import 'server-only';
import type { Db } from '@/db/client';
import { AppError } from '@/lib/errors';
import { canSee, type RecordKind, type Viewer } from './visibility';

// Every write that points at another row checks the row first, so a stale form or a tampered request
// gets "That company no longer exists" beside the company field instead of SQLite's foreign-key
// failure ("Something went wrong"). Call it inside the write's transaction, before writing.

export type Refs = {
  /** A user who will own the record: must exist and be active. */
  ownerId?: number | null;
  companyId?: number | null;
  contactId?: number | null;
  dealId?: number | null;
  /** A stage: must exist and, when pipelineId is given too, belong to that pipeline. */
  stageId?: number | null;
  pipelineId?: number | null;
  productId?: number | null;
  priceListId?: number | null;
  leadId?: number | null;
  sourceId?: number | null;
  disqualifyReasonId?: number | null;
};

export const REF_MESSAGES = {
  ownerId: 'That person no longer exists. Choose someone else.',
  inactiveOwner: 'That person is deactivated. Choose an active user.',
  companyId: 'That company no longer exists',
  contactId: 'That contact no longer exists',
  dealId: 'That deal no longer exists',
  stageId: 'That stage no longer exists. Reload and pick another.',
  wrongPipeline: 'That stage is not in this pipeline',
  pipelineId: 'That pipeline no longer exists. Reload and pick another.',
  productId: 'That product no longer exists',
  priceListId: 'That price list no longer exists. Reload and pick another.',
  leadId: 'That lead no longer exists',
  sourceId: 'That source no longer exists. Reload and pick another.',
  disqualifyReasonId: 'That reason no longer exists. Reload and pick another.',
} as const;

const TABLES = {
  companyId: 'companies', contactId: 'contacts', dealId: 'deals', pipelineId: 'pipelines', productId: 'products', priceListId: 'price_lists',
  leadId: 'leads', sourceId: 'lead_sources', disqualifyReasonId: 'disqualify_reasons',
} as const;
const SCOPED: Partial<Record<keyof typeof TABLES, RecordKind>> = { companyId: 'company', contactId: 'contact', dealId: 'deal', leadId: 'lead' };

/**
 * The field errors for the references that do not hold, keyed by field ({} when all hold). With a
 * viewer, a deal, contact or company they may not see (db/queries/visibility.ts) does not hold either,
 * with the same message as a missing one.
 */
export function checkRefs(db: Db, refs: Refs, viewer?: Viewer): Record<string, string> {
  const errors: Record<string, string> = {};
  const s = db.$client;
  if (refs.ownerId != null) {
    const owner = s.prepare('select active from users where id = ?').get(refs.ownerId) as { active: number } | undefined;
    if (!owner) errors.ownerId = REF_MESSAGES.ownerId;
    else if (!owner.active) errors.ownerId = REF_MESSAGES.inactiveOwner;
  }
  for (const key of Object.keys(TABLES) as (keyof typeof TABLES)[]) {
    const id = refs[key];
    if (id == null) continue;
    const kind = SCOPED[key];
    const holds = viewer && kind ? canSee(db, viewer, kind, id) : Boolean(s.prepare(`select 1 from ${TABLES[key]} where id = ?`).get(id));
    if (!holds) errors[key] = REF_MESSAGES[key];
  }
  if (refs.stageId != null) {
    const stage = s.prepare('select pipeline_id as pipelineId from stages where id = ?').get(refs.stageId) as { pipelineId: number } | undefined;
    if (!stage) errors.stageId = REF_MESSAGES.stageId;
    else if (refs.pipelineId != null && !errors.pipelineId && stage.pipelineId !== refs.pipelineId) errors.stageId = REF_MESSAGES.wrongPipeline;
  }
  return errors;
}

/** Throws an AppError naming each reference that does not hold, beside its field. */
export function assertRefs(db: Db, refs: Refs, viewer?: Viewer): void {
  const errors = checkRefs(db, refs, viewer);
  const first = Object.values(errors)[0];
  if (first) throw new AppError(first, errors);
}
