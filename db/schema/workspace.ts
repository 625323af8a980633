import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { updatedAt } from './columns';
import { users } from './auth';
import { PAYMENT_TERMS } from './quotes';

/** "Reps see": everything (the default) or only the records they own or are linked to through a deal they own. */
export const REPS_SEE = ['everything', 'own'] as const;
export type RepsSee = (typeof REPS_SEE)[number];

// One row (id = 1): the workspace's own settings.
export const workspace = sqliteTable(
  'workspace',
  {
  id: integer('id').primaryKey(),
  name: text('name').notNull().default('Keel'),
  currency: text('currency').notNull().default('USD'),
  fiscalYearStartMonth: integer('fiscal_year_start_month').notNull().default(1),
  // IANA zone in which months and days are counted for forecasts and reports.
  timezone: text('timezone').notNull().default('UTC'),
  // The company's own details, printed on every document.
  address: text('address').notNull().default(''),
  taxId: text('tax_id').notNull().default(''),
  // ISO 3166-1 alpha-2; phone numbers and addresses without a country are read as this one.
  defaultCountry: text('default_country').notNull().default('US'),
  // What a new quote starts with; each quote keeps its own copy once saved.
  defaultTaxRateBp: integer('default_tax_rate_bp').notNull().default(0),
  defaultPaymentTerms: text('default_payment_terms', { enum: PAYMENT_TERMS }).notNull().default('net_30'),
  defaultPaymentTermsText: text('default_payment_terms_text').notNull().default(''),
  quoteValidityDays: integer('quote_validity_days').notNull().default(30),
  // Days without activity before a deal rots, given to every new stage (each stage can differ).
  defaultRotDays: integer('default_rot_days').notNull().default(30),
  repsSee: text('reps_see', { enum: REPS_SEE }).notNull().default('everything'),
  // Leads: the score from which a lead is hot, the working hours a new lead's "First contact" task is
  // due within, and the share of engagement points that fades each month (0 = none).
  leadHotThreshold: integer('lead_hot_threshold').notNull().default(30),
  leadFirstContactHours: integer('lead_first_contact_hours').notNull().default(4),
  leadEngagementDecayPct: integer('lead_engagement_decay_pct').notNull().default(0),
  // Set when a logo is stored in workspace_logo; part of the logo's URL so a new one is never served stale.
  logoUpdatedAt: integer('logo_updated_at'),
  updatedAt: updatedAt(),
  updatedBy: integer('updated_by').references(() => users.id),
  },
  (t) => [index('workspace_updated_by_idx').on(t.updatedBy)],
);

// Kept apart from the settings row so reading the settings (every request) never loads the image.
export const workspaceLogo = sqliteTable('workspace_logo', {
  id: integer('id').primaryKey(),
  mimeType: text('mime_type').notNull(),
  data: blob('data', { mode: 'buffer' }).notNull(),
  updatedAt: updatedAt(),
});

// History of the settings: who changed which setting when, from what to what (values as stored, as
// text; the logo by its type, null when there was or is none).
export const workspaceEvents = sqliteTable(
  'workspace_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    field: text('field').notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    at: integer('at').notNull(),
    userId: integer('user_id').references(() => users.id),
  },
  (t) => [index('workspace_events_at_idx').on(t.at), index('workspace_events_user_idx').on(t.userId)],
);

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
