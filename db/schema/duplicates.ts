import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { now } from './columns';
import { users } from './auth';
import { companies, contacts } from './customers';

// Duplicate detection by blocking keys (lib/customers/similarity.ts): each contact and company keeps
// the keys it can be matched by (normalised emails, E.164 phones, name within its company; website
// domain, normalised name, a name token). Records that share a key are candidate pairs, scored by the
// similarity rule; nothing ever compares every pair. Keys are rewritten by db/queries/match-keys.ts on
// every write of the record, and go with it when it is deleted.
export const contactMatchKeys = sqliteTable(
  'contact_match_keys',
  {
    contactId: integer('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.type, t.key, t.contactId] }), index('contact_match_keys_contact_idx').on(t.contactId)],
);

export const companyMatchKeys = sqliteTable(
  'company_match_keys',
  {
    companyId: integer('company_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    key: text('key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.type, t.key, t.companyId] }), index('company_match_keys_company_idx').on(t.companyId)],
);

// Likely duplicate pairs, scored when either record's keys are rewritten, so the duplicates screens
// read a page of pairs best first from an index at any size. Lower id first; reasons are JSON
// (lib/customers/similarity.ts Reason[]).
export const contactDuplicatePairs = sqliteTable(
  'contact_duplicate_pairs',
  {
    lowId: integer('low_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    highId: integer('high_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    score: real('score').notNull(),
    reasons: text('reasons').notNull(),
  },
  (t) => [primaryKey({ columns: [t.lowId, t.highId] }), index('contact_duplicate_pairs_high_idx').on(t.highId), index('contact_duplicate_pairs_score_idx').on(t.score, t.lowId, t.highId)],
);

export const companyDuplicatePairs = sqliteTable(
  'company_duplicate_pairs',
  {
    lowId: integer('low_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    highId: integer('high_id')
      .notNull()
      .references(() => companies.id, { onDelete: 'cascade' }),
    score: real('score').notNull(),
    reasons: text('reasons').notNull(),
  },
  (t) => [primaryKey({ columns: [t.lowId, t.highId] }), index('company_duplicate_pairs_high_idx').on(t.highId), index('company_duplicate_pairs_score_idx').on(t.score, t.lowId, t.highId)],
);

export const DUPLICATE_KINDS = ['contact', 'company'] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

// "Not a duplicate": a pair someone dismissed stays dismissed. Stored with the lower id first.
export const duplicateDismissals = sqliteTable(
  'duplicate_dismissals',
  {
    kind: text('kind', { enum: DUPLICATE_KINDS }).notNull(),
    lowId: integer('low_id').notNull(),
    highId: integer('high_id').notNull(),
    dismissedBy: integer('dismissed_by').references(() => users.id, { onDelete: 'set null' }),
    dismissedAt: integer('dismissed_at').notNull().default(now),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.lowId, t.highId] }),
    // A merge drops the merged-away record's dismissals by either side.
    index('duplicate_dismissals_high_idx').on(t.kind, t.highId),
    index('duplicate_dismissals_by_idx').on(t.dismissedBy),
  ],
);

// A merged-away record's id leads to the record it was merged into, so old links and exports still
// lead somewhere; one row per merge is also the timeline entry saying what was merged by whom.
export const recordMerges = sqliteTable(
  'record_merges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: DUPLICATE_KINDS }).notNull(),
    oldId: integer('old_id').notNull(),
    keptId: integer('kept_id').notNull(),
    // The merged-away record's name and fields as they were, for the timeline entry and for history.
    oldName: text('old_name').notNull(),
    snapshot: text('snapshot').notNull(),
    mergedBy: integer('merged_by').references(() => users.id, { onDelete: 'set null' }),
    mergedAt: integer('merged_at').notNull().default(now),
  },
  (t) => [
    index('record_merges_old_idx').on(t.kind, t.oldId),
    index('record_merges_kept_idx').on(t.kind, t.keptId, t.mergedAt),
    index('record_merges_by_idx').on(t.mergedBy),
  ],
);
