import 'server-only';
import { and, asc, desc, eq, gt, ne } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { dealEvents, deals, dealStageHistory, stages, type DealEventKind } from '@/db/schema';
import { seesEveryone } from '@/lib/auth/roles';
import { positionBetween } from '@/lib/deals/board-order';
import type { CloseDealInput, CreateDealInput, MoveDealInput, UpdateDealInput } from '@/lib/deals/schemas';
import { AppError } from '@/lib/errors';
import { moneyBoundProblem } from '@/lib/validation/money';
import { assertRefs } from './refs';
import type { SessionUser } from './users';
import { canSee } from './visibility';

export const STALE_MESSAGE = 'Someone else changed this deal meanwhile. Reload to see their change, then try again.';
export const GONE_MESSAGE = 'This deal no longer exists.';

function loadForChange(db: Db, dealId: number, version: number, actor: SessionUser) {
  const deal = db.select().from(deals).where(eq(deals.id, dealId)).get();
  // A deal the actor may not see is gone to them, like one that does not exist.
  if (!deal || !canSee(db, actor, 'deal', dealId)) throw new AppError(GONE_MESSAGE);
  if (!seesEveryone(actor.role) && deal.ownerId !== actor.id) throw new AppError('You can only change your own deals.');
  if (deal.version !== version) throw new AppError(STALE_MESSAGE);
  return deal;
}

function logEvent(db: Db, dealId: number, kind: DealEventKind, from: unknown, to: unknown, actor: SessionUser, at: number) {
  db.insert(dealEvents)
    .values({ dealId, kind, fromValue: from == null ? null : String(from), toValue: to == null ? null : String(to), at, userId: actor.id })
    .run();
}

function stageOf(db: Db, stageId: number) {
  const stage = db.select().from(stages).where(eq(stages.id, stageId)).get();
  if (!stage) throw new AppError('That stage no longer exists. Reload the board.');
  return stage;
}

/** The key for a card just after `aboveId` in a stage's open column (or at the top), read from SQL. */
function positionAfter(db: Db, pipelineId: number, stageId: number, aboveId: number | null, movingId: number | null): string {
  // Naming the pipeline lets SQLite walk the board index (pipeline, status, stage, position) directly.
  const column = and(eq(deals.pipelineId, pipelineId), eq(deals.status, 'open'), eq(deals.stageId, stageId), movingId ? ne(deals.id, movingId) : undefined);
  let above: string | null = null;
  if (aboveId) {
    const row = db.select({ position: deals.position, stageId: deals.stageId, status: deals.status }).from(deals).where(eq(deals.id, aboveId)).get();
    // The neighbour may have moved away meanwhile: then drop at the top rather than fail.
    if (row && row.stageId === stageId && row.status === 'open' && aboveId !== movingId) above = row.position;
  }
  const below = db
    .select({ position: deals.position })
    .from(deals)
    .where(above === null ? column : and(column, gt(deals.position, above)))
    .orderBy(asc(deals.position))
    .limit(1)
    .get();
  return positionBetween(above, below?.position ?? null);
}

/** The key after the last card of a column. */
function positionAtEnd(db: Db, pipelineId: number, stageId: number): string {
  const last = db
    .select({ position: deals.position })
    .from(deals)
    .where(and(eq(deals.pipelineId, pipelineId), eq(deals.status, 'open'), eq(deals.stageId, stageId)))
    .orderBy(desc(deals.position))
    .limit(1)
    .get();
  return positionBetween(last?.position ?? null, null);
}

/** A deal's value is never negative and never beyond the money bound, whichever path writes it. */
function assertDealValue(valueCents: number) {
  const problem = moneyBoundProblem(valueCents, { min: 0, message: 'Enter an amount like 12500 or 12,500.00' });
  if (problem) throw new AppError(problem, { valueCents: problem });
}

export function createDeal(db: Db, input: CreateDealInput, actor: SessionUser, now = Date.now()) {
  const ownerId = seesEveryone(actor.role) ? (input.ownerId ?? actor.id) : actor.id;
  return db.transaction(() => {
    assertDealValue(input.valueCents);
    assertRefs(db, { pipelineId: input.pipelineId, stageId: input.stageId, ownerId, companyId: input.companyId, contactId: input.contactId }, actor);
    const stage = stageOf(db, input.stageId);
    const first = db
      .select({ position: deals.position })
      .from(deals)
      .where(and(eq(deals.pipelineId, stage.pipelineId), eq(deals.status, 'open'), eq(deals.stageId, stage.id)))
      .orderBy(asc(deals.position))
      .limit(1)
      .get();
    const deal = db
      .insert(deals)
      .values({
        title: input.title,
        valueCents: input.valueCents,
        pipelineId: stage.pipelineId,
        stageId: stage.id,
        position: positionBetween(null, first?.position ?? null),
        expectedCloseDate: input.expectedCloseDate,
        ownerId,
        companyId: input.companyId,
        contactId: input.contactId,
        source: input.source ?? null,
        stageChangedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    db.insert(dealStageHistory).values({ dealId: deal.id, fromStageId: null, toStageId: stage.id, at: now, userId: actor.id }).run();
    logEvent(db, deal.id, 'created', null, deal.valueCents, actor, now);
    return deal;
  });
}

/**
 * Moves a card to a stage and a place in its column: one row written (and one history row when the
 * stage changes), in one transaction, whatever the size of the board.
 */
export function moveDeal(db: Db, input: MoveDealInput, actor: SessionUser, now = Date.now()) {
  return db.transaction(() => {
    const deal = loadForChange(db, input.dealId, input.version, actor);
    if (deal.status !== 'open') throw new AppError('This deal is closed. Reopen it to move it.');
    const stage = stageOf(db, input.toStageId);
    if (stage.pipelineId !== deal.pipelineId) throw new AppError('That stage is in another pipeline.');
    const position = positionAfter(db, deal.pipelineId, stage.id, input.aboveId, deal.id);
    const stageChanged = stage.id !== deal.stageId;
    const updated = db
      .update(deals)
      .set({
        stageId: stage.id,
        position,
        updatedAt: now,
        version: deal.version + 1,
        ...(stageChanged ? { stageChangedAt: now } : {}),
      })
      .where(and(eq(deals.id, deal.id), eq(deals.version, deal.version)))
      .returning({ version: deals.version, position: deals.position, stageId: deals.stageId })
      .get();
    if (!updated) throw new AppError(STALE_MESSAGE);
    if (stageChanged)
      db.insert(dealStageHistory).values({ dealId: deal.id, fromStageId: deal.stageId, toStageId: stage.id, at: now, userId: actor.id }).run();
    return updated;
  });
}

export function closeDeal(db: Db, input: CloseDealInput, actor: SessionUser, now = Date.now()) {
  return db.transaction(() => {
    const deal = loadForChange(db, input.dealId, input.version, actor);
    if (deal.status !== 'open') throw new AppError(`This deal is already ${deal.status}.`);
    const lostReason = input.status === 'lost' ? (input.lostReason ?? null) : null;
    const updated = db
      .update(deals)
      .set({ status: input.status, lostReason, closedAt: now, updatedAt: now, version: deal.version + 1 })
      .where(eq(deals.id, deal.id))
      .returning()
      .get();
    logEvent(db, deal.id, input.status, 'open', lostReason ?? input.status, actor, now);
    return updated;
  });
}

export function reopenDeal(db: Db, input: { dealId: number; version: number }, actor: SessionUser, now = Date.now()) {
  return db.transaction(() => {
    const deal = loadForChange(db, input.dealId, input.version, actor);
    if (deal.status === 'open') throw new AppError('This deal is already open.');
    const updated = db
      .update(deals)
      .set({
        status: 'open',
        lostReason: null,
        closedAt: null,
        position: positionAtEnd(db, deal.pipelineId, deal.stageId),
        stageChangedAt: now,
        updatedAt: now,
        version: deal.version + 1,
      })
      .where(eq(deals.id, deal.id))
      .returning()
      .get();
    logEvent(db, deal.id, 'reopened', deal.status, 'open', actor, now);
    return updated;
  });
}

/** Edits a deal's fields with a version check; owner, value, close date and probability changes leave history. */
export function updateDeal(db: Db, input: UpdateDealInput, actor: SessionUser, now = Date.now()) {
  return db.transaction(() => {
    const deal = loadForChange(db, input.dealId, input.version, actor);
    const ownerId = input.ownerId ?? deal.ownerId;
    if (ownerId !== deal.ownerId && !seesEveryone(actor.role)) throw new AppError('Only a manager or an admin can reassign a deal.', { ownerId: 'Only a manager or an admin can reassign a deal.' });
    assertDealValue(input.valueCents);
    // A deal may stay with a deactivated owner; a new owner must be an active user.
    assertRefs(db, { ownerId: ownerId !== deal.ownerId ? ownerId : null, companyId: input.companyId, contactId: input.contactId }, actor);
    const updated = db
      .update(deals)
      .set({
        title: input.title,
        valueCents: input.valueCents,
        expectedCloseDate: input.expectedCloseDate,
        companyId: input.companyId,
        contactId: input.contactId,
        source: input.source ?? null,
        ownerId,
        probabilityOverrideBp: input.probabilityOverride,
        updatedAt: now,
        version: deal.version + 1,
      })
      .where(and(eq(deals.id, deal.id), eq(deals.version, deal.version)))
      .returning()
      .get();
    if (!updated) throw new AppError(STALE_MESSAGE);
    if (ownerId !== deal.ownerId) logEvent(db, deal.id, 'owner', deal.ownerId, ownerId, actor, now);
    if (input.valueCents !== deal.valueCents) logEvent(db, deal.id, 'value', deal.valueCents, input.valueCents, actor, now);
    if (input.expectedCloseDate !== deal.expectedCloseDate) logEvent(db, deal.id, 'close_date', deal.expectedCloseDate, input.expectedCloseDate, actor, now);
    if (input.probabilityOverride !== deal.probabilityOverrideBp)
      logEvent(db, deal.id, 'probability', deal.probabilityOverrideBp, input.probabilityOverride, actor, now);
    return updated;
  });
}

export function getDeal(db: Db, dealId: number) {
  return db.select().from(deals).where(eq(deals.id, dealId)).get() ?? null;
}

