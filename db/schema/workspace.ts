import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { updatedAt } from './columns';
import { users } from './auth';

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
