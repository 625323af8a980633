import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

// Instants are Unix milliseconds; date-only values are 'YYYY-MM-DD' text; money is integer cents;
// percentages are integer basis points (2500 = 25 %).
const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const createdAt = () => integer('created_at').notNull().default(now);
const updatedAt = () => integer('updated_at').notNull().default(now);

export const ROLES = ['admin', 'manager', 'rep'] as const;
export type Role = (typeof ROLES)[number];
export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];
export const ACTIVITY_TYPES = ['call', 'email', 'meeting', 'note', 'task'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const CALL_OUTCOMES = ['connected', 'no_answer', 'left_voicemail'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

export const users = sqliteTable(
  'users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ROLES }).notNull().default('rep'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    // The private part of the user's calendar feed URL; null when revoked and not yet renewed.
    calendarSecret: text('calendar_secret'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    index('users_role_idx').on(t.role),
    uniqueIndex('users_calendar_secret_unique').on(t.calendarSecret),
  ],
);

// Failed and successful sign-ins, so repeated guessing for one email can be refused for a while.
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    success: integer('success', { mode: 'boolean' }).notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('login_attempts_email_at_idx').on(t.email, t.at)],
);

// One row (id = 1): the workspace's own settings.
export const workspace = sqliteTable('workspace', {
  id: integer('id').primaryKey(),
  name: text('name').notNull().default('Keel'),
  currency: text('currency').notNull().default('USD'),
  fiscalYearStartMonth: integer('fiscal_year_start_month').notNull().default(1),
  // IANA zone in which months and days are counted for forecasts and reports.
  timezone: text('timezone').notNull().default('UTC'),
  updatedAt: updatedAt(),
});

// A monthly won-value goal per rep; the team's goal is the sum of its reps'.
export const goals = sqliteTable(
  'goals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    month: text('month').notNull(),
    amountCents: integer('amount_cents').notNull(),
    updatedAt: updatedAt(),
    updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [uniqueIndex('goals_user_month_unique').on(t.userId, t.month), index('goals_month_idx').on(t.month), index('goals_updated_by_idx').on(t.updatedBy)],
);

export const companies = sqliteTable(
  'companies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    domain: text('domain'),
    industry: text('industry'),
    size: text('size'),
    address: text('address'),
    ownerId: integer('owner_id').references(() => users.id),
    // Quotes for this company are priced from this list; null means the catalogue prices.
    priceListId: integer('price_list_id').references(() => priceLists.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('companies_name_idx').on(t.name),
    index('companies_price_list_idx').on(t.priceListId),
    index('companies_owner_idx').on(t.ownerId),
    index('companies_created_idx').on(t.createdAt),
  ],
);

export const contacts = sqliteTable(
  'contacts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    title: text('title'),
    companyId: integer('company_id').references(() => companies.id, { onDelete: 'set null' }),
    ownerId: integer('owner_id').references(() => users.id),
    source: text('source'),
    address: text('address'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('contacts_company_idx').on(t.companyId),
    index('contacts_owner_idx').on(t.ownerId),
    index('contacts_email_idx').on(t.email),
    index('contacts_name_idx').on(t.lastName, t.firstName),
    index('contacts_created_idx').on(t.createdAt),
  ],
);

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
    index('deals_owner_idx').on(t.ownerId, t.status),
    index('deals_contact_idx').on(t.contactId),
    index('deals_company_idx').on(t.companyId),
    // Covering the forecast and won-value aggregates, so they read the index alone.
    index('deals_status_close_idx').on(t.status, t.expectedCloseDate, t.stageId, t.valueCents, t.probabilityOverrideBp, t.ownerId, t.pipelineId),
    index('deals_won_idx').on(t.status, t.closedAt, t.valueCents, t.ownerId, t.pipelineId, t.createdAt),
    index('deals_closed_at_idx').on(t.closedAt),
    index('deals_created_idx').on(t.createdAt),
    index('deals_cohort_idx').on(t.pipelineId, t.createdAt, t.status),
    index('deals_source_idx').on(t.source),
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
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('activities_owner_due_idx').on(t.ownerId, t.doneAt, t.dueDate),
    index('activities_contact_idx').on(t.contactId, t.createdAt),
    index('activities_company_idx').on(t.companyId, t.createdAt),
    index('activities_deal_idx').on(t.dealId, t.createdAt),
    index('activities_type_idx').on(t.type),
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

export const tags = sqliteTable('tags', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
});

export const contactTags = sqliteTable(
  'contact_tags',
  {
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.contactId, t.tagId] }), index('contact_tags_tag_idx').on(t.tagId, t.contactId)],
);

export const companyTags = sqliteTable(
  'company_tags',
  {
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.tagId] }), index('company_tags_tag_idx').on(t.tagId, t.companyId)],
);

export const products = sqliteTable(
  'products',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    sku: text('sku').notNull(),
    description: text('description'),
    unit: text('unit').notNull().default('unit'),
    unitPriceCents: integer('unit_price_cents').notNull(),
    taxRateBp: integer('tax_rate_bp').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('products_sku_unique').on(t.sku), index('products_active_name_idx').on(t.active, t.name)],
);

export const priceLists = sqliteTable(
  'price_lists',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    description: text('description'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('price_lists_name_unique').on(t.name)],
);

// A product's own price in a list; a product without a row here costs its catalogue price.
export const priceListItems = sqliteTable(
  'price_list_items',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    priceListId: integer('price_list_id')
      .notNull()
      .references(() => priceLists.id, { onDelete: 'cascade' }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    unitPriceCents: integer('unit_price_cents').notNull(),
  },
  (t) => [uniqueIndex('price_list_items_list_product_unique').on(t.priceListId, t.productId), index('price_list_items_product_idx').on(t.productId)],
);

// Volume tiers: from min_quantity on, either a fixed unit price or a discount off the list price.
// price_list_id null means the tier belongs to the catalogue price.
export const priceTiers = sqliteTable(
  'price_tiers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    priceListId: integer('price_list_id').references(() => priceLists.id, { onDelete: 'cascade' }),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    minQuantityMilli: integer('min_quantity_milli').notNull(),
    unitPriceCents: integer('unit_price_cents'),
    discountBp: integer('discount_bp'),
  },
  (t) => [index('price_tiers_product_list_idx').on(t.productId, t.priceListId, t.minQuantityMilli), index('price_tiers_list_idx').on(t.priceListId)],
);

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export const PAYMENT_TERMS = ['due_on_receipt', 'net_15', 'net_30', 'net_60', 'custom'] as const;
export type PaymentTerms = (typeof PAYMENT_TERMS)[number];

export const quotes = sqliteTable(
  'quotes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    // Q-2026-0001: one number per offer; its revisions share it and count up in revision.
    number: text('number').notNull(),
    revision: integer('revision').notNull().default(1),
    title: text('title').notNull().default(''),
    dealId: integer('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    companyId: integer('company_id').references(() => companies.id, { onDelete: 'set null' }),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    ownerId: integer('owner_id').references(() => users.id),
    priceListId: integer('price_list_id').references(() => priceLists.id, { onDelete: 'set null' }),
    currency: text('currency').notNull(),
    status: text('status', { enum: QUOTE_STATUSES }).notNull().default('draft'),
    validUntil: text('valid_until').notNull(),
    paymentTerms: text('payment_terms', { enum: PAYMENT_TERMS }).notNull().default('net_30'),
    paymentTermsText: text('payment_terms_text'),
    notes: text('notes'),
    terms: text('terms'),
    // Totals as lib/quotes/totals computed them when the lines were last saved.
    subtotalCents: integer('subtotal_cents').notNull().default(0),
    discountCents: integer('discount_cents').notNull().default(0),
    netCents: integer('net_cents').notNull().default(0),
    taxCents: integer('tax_cents').notNull().default(0),
    totalCents: integer('total_cents').notNull().default(0),
    publicToken: text('public_token').notNull(),
    sentAt: integer('sent_at'),
    respondedAt: integer('responded_at'),
    acceptedName: text('accepted_name'),
    acceptedIp: text('accepted_ip'),
    declineReason: text('decline_reason'),
    supersededById: integer('superseded_by_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('quotes_number_revision_unique').on(t.number, t.revision),
    uniqueIndex('quotes_public_token_unique').on(t.publicToken),
    index('quotes_deal_idx').on(t.dealId),
    index('quotes_company_idx').on(t.companyId),
    index('quotes_contact_idx').on(t.contactId),
    index('quotes_owner_idx').on(t.ownerId, t.status),
    index('quotes_status_created_idx').on(t.status, t.createdAt),
    index('quotes_created_idx').on(t.createdAt),
    index('quotes_price_list_idx').on(t.priceListId),
  ],
);

// The last number handed out per year, so numbers are never reused even if a draft is deleted.
export const quoteNumbers = sqliteTable('quote_numbers', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});

export const quoteLines = sqliteTable(
  'quote_lines',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    quoteId: integer('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    // 'item' lines are priced; 'section' lines are headings between them.
    kind: text('kind', { enum: ['item', 'section'] }).notNull().default('item'),
    productId: integer('product_id').references(() => products.id, { onDelete: 'set null' }),
    description: text('description').notNull().default(''),
    quantityMilli: integer('quantity_milli').notNull().default(0),
    unitPriceCents: integer('unit_price_cents').notNull().default(0),
    discountBp: integer('discount_bp').notNull().default(0),
    taxRateBp: integer('tax_rate_bp').notNull().default(0),
    grossCents: integer('gross_cents').notNull().default(0),
    netCents: integer('net_cents').notNull().default(0),
  },
  (t) => [index('quote_lines_quote_idx').on(t.quoteId, t.position), index('quote_lines_product_idx').on(t.productId)],
);

export const QUOTE_EVENT_KINDS = ['created', 'revised', 'sent', 'accepted', 'declined'] as const;
export type QuoteEventKind = (typeof QUOTE_EVENT_KINDS)[number];

// Status history of a quote: who (a user, or the customer by name and IP on the public page) and when.
export const quoteEvents = sqliteTable(
  'quote_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    quoteId: integer('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: QUOTE_EVENT_KINDS }).notNull(),
    at: integer('at').notNull(),
    userId: integer('user_id').references(() => users.id),
    byName: text('by_name'),
    ip: text('ip'),
    detail: text('detail'),
  },
  (t) => [index('quote_events_quote_idx').on(t.quoteId, t.at), index('quote_events_user_idx').on(t.userId)],
);

export type User = typeof users.$inferSelect;
export type Company = typeof companies.$inferSelect;
export type Contact = typeof contacts.$inferSelect;
export type Pipeline = typeof pipelines.$inferSelect;
export type Stage = typeof stages.$inferSelect;
export type Deal = typeof deals.$inferSelect;
export type NewDeal = typeof deals.$inferInsert;
export type Activity = typeof activities.$inferSelect;
export type LostReason = typeof lostReasons.$inferSelect;
export type DealEvent = typeof dealEvents.$inferSelect;
export type Product = typeof products.$inferSelect;
export type PriceList = typeof priceLists.$inferSelect;
export type PriceTier = typeof priceTiers.$inferSelect;
export type Quote = typeof quotes.$inferSelect;
export type QuoteLine = typeof quoteLines.$inferSelect;
export type QuoteEvent = typeof quoteEvents.$inferSelect;
