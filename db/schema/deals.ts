import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { createdAt, now, updatedAt } from './columns';
import { users } from './auth';
import { companies, contacts } from './customers';
import { leads } from './leads';

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
export const ACTIVITY_TYPES = ['call', 'email', 'meeting', 'note', 'task'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const CALL_OUTCOMES = ['connected', 'no_answer', 'left_voicemail'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const pipelines = sqliteTable(
  'pipelines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('pipelines_position_idx').on(t.position)],
);

export const stages = sqliteTable(
  'stages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pipelineId: integer('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    probabilityBp: integer('probability_bp').notNull(),
    rotDays: integer('rot_days').notNull().default(30),
  },
  (t) => [index('stages_pipeline_position_idx').on(t.pipelineId, t.position)],
);

export const deals = sqliteTable(
  'deals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    title: text('title').notNull(),
    valueCents: integer('value_cents').notNull().default(0),
    pipelineId: integer('pipeline_id')
      .notNull()
      .references(() => pipelines.id),
    stageId: integer('stage_id')
      .notNull()
      .references(() => stages.id),
    // Fractional index (string keys that sort between neighbours): a move writes one row.
    position: text('position').notNull(),
    status: text('status', { enum: DEAL_STATUSES }).notNull().default('open'),
    lostReason: text('lost_reason'),
    expectedCloseDate: text('expected_close_date'),
    probabilityOverrideBp: integer('probability_override_bp'),
    ownerId: integer('owner_id').references(() => users.id),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    companyId: integer('company_id').references(() => companies.id, { onDelete: 'set null' }),
    source: text('source'),
    externalId: text('external_id'),
    closedAt: integer('closed_at'),
    stageChangedAt: integer('stage_changed_at').notNull().default(now),
    lastActivityAt: integer('last_activity_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('deals_board_idx').on(t.pipelineId, t.status, t.stageId, t.position),
    index('deals_stage_idx').on(t.stageId),
    // Also covers the contact and company of an owner's deals: "Reps see: only their own" reads them
    // from here alone (db/queries/visibility.ts).
    index('deals_owner_idx').on(t.ownerId, t.status, t.contactId, t.companyId),
    index('deals_contact_idx').on(t.contactId),
    index('deals_company_idx').on(t.companyId),
    // Covering the forecast and won-value aggregates, so they read the index alone.
    index('deals_status_close_idx').on(t.status, t.expectedCloseDate, t.stageId, t.valueCents, t.probabilityOverrideBp, t.ownerId, t.pipelineId),
    index('deals_won_idx').on(t.status, t.closedAt, t.valueCents, t.ownerId, t.pipelineId, t.createdAt),
    // The dashboard's rotting deals: open deals per stage with what decides how long they have been idle, read from the index alone.
    index('deals_rot_cover_idx').on(t.status, t.stageId, t.stageChangedAt, t.lastActivityAt, t.ownerId),
    index('deals_closed_at_idx').on(t.closedAt),
    index('deals_created_idx').on(t.createdAt),
    index('deals_cohort_idx').on(t.pipelineId, t.createdAt, t.status),
    index('deals_source_idx').on(t.source),
    index('deals_external_idx').on(t.externalId),
  ],
);

export const dealStageHistory = sqliteTable(
  'deal_stage_history',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    fromStageId: integer('from_stage_id').references(() => stages.id, { onDelete: 'set null' }),
    toStageId: integer('to_stage_id').references(() => stages.id, { onDelete: 'set null' }),
    // A stage's name, written when the stage is deleted (which sets its id above to null), so that
    // the history still says where the deal was. While the stage exists its own (current) name is shown.
    fromStageName: text('from_stage_name'),
    toStageName: text('to_stage_name'),
    at: integer('at').notNull(),
    // When the deal left this stage (its next move, or its close); null while it is still there.
    // Kept by triggers (migration 0006) so that time-in-stage is one indexed sum.
    leftAt: integer('left_at'),
    userId: integer('user_id').references(() => users.id),
  },
  (t) => [
    index('deal_stage_history_deal_idx').on(t.dealId, t.at),
    index('deal_stage_history_stay_idx').on(t.toStageId, t.at, t.leftAt),
    index('deal_stage_history_deal_stage_idx').on(t.dealId, t.toStageId, t.at),
    index('deal_stage_history_from_idx').on(t.fromStageId),
    index('deal_stage_history_to_idx').on(t.toStageId, t.at),
    index('deal_stage_history_user_idx').on(t.userId),
  ],
);

export const activities = sqliteTable(
  'activities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    type: text('type', { enum: ACTIVITY_TYPES }).notNull(),
    subject: text('subject').notNull(),
    body: text('body'),
    dueDate: text('due_date'),
    doneAt: integer('done_at'),
    outcome: text('outcome', { enum: CALL_OUTCOMES }),
    ownerId: integer('owner_id').references(() => users.id),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'cascade' }),
    companyId: integer('company_id').references(() => companies.id, { onDelete: 'cascade' }),
    dealId: integer('deal_id').references(() => deals.id, { onDelete: 'cascade' }),
    // A lead's calls, notes and follow-ups; a converted lead's activities also get its contact.
    leadId: integer('lead_id').references((): AnySQLiteColumn => leads.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('activities_owner_due_idx').on(t.ownerId, t.doneAt, t.dueDate),
    index('activities_lead_idx').on(t.leadId, t.createdAt),
    index('activities_contact_idx').on(t.contactId, t.createdAt),
    index('activities_company_idx').on(t.companyId, t.createdAt),
    index('activities_deal_idx').on(t.dealId, t.createdAt),
    index('activities_type_idx').on(t.type),
  ],
);

// A task (an activities row) given to someone else: who did it, when, from whom to whom.
export const taskReassignments = sqliteTable(
  'task_reassignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    taskId: integer('task_id')
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    fromUserId: integer('from_user_id').references(() => users.id),
    toUserId: integer('to_user_id')
      .notNull()
      .references(() => users.id),
    at: integer('at').notNull(),
    userId: integer('user_id').references(() => users.id),
  },
  (t) => [
    index('task_reassignments_task_idx').on(t.taskId, t.at),
    index('task_reassignments_from_idx').on(t.fromUserId),
    index('task_reassignments_to_idx').on(t.toUserId),
    index('task_reassignments_user_idx').on(t.userId),
  ],
);

// Reasons a rep can pick when a deal is lost; an admin keeps the list in settings.
export const lostReasons = sqliteTable(
  'lost_reasons',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    label: text('label').notNull(),
    position: integer('position').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('lost_reasons_label_unique').on(t.label), index('lost_reasons_position_idx').on(t.position)],
);

export const DEAL_EVENT_KINDS = ['created', 'won', 'lost', 'reopened', 'owner', 'value', 'close_date', 'probability'] as const;
export type DealEventKind = (typeof DEAL_EVENT_KINDS)[number];

// Every change to a deal that matters besides stage moves (those are in deal_stage_history).
export const dealEvents = sqliteTable(
  'deal_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    dealId: integer('deal_id')
      .notNull()
      .references(() => deals.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: DEAL_EVENT_KINDS }).notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    at: integer('at').notNull(),
    userId: integer('user_id').references(() => users.id),
  },
  (t) => [
    index('deal_events_deal_idx').on(t.dealId, t.at),
    index('deal_events_user_idx').on(t.userId),
    index('deal_events_kind_at_idx').on(t.kind, t.at),
  ],
);
