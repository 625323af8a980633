import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, now, updatedAt } from './columns';
import { users } from './auth';
import { companies, contacts, tags } from './customers';
import { deals } from './deals';

// Leads (issue 14): people who may become customers, before a contact, company or deal exists.
// A lead comes from a web form, an import or a rep's hands; it is scored, worked through its statuses
// and converted into a contact (with a company and optionally a deal), keeping its timeline.

export const LEAD_STATUSES = ['new', 'contacted', 'qualified', 'disqualified', 'converted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

// Where leads come from: a list the admin keeps, seeded with the usual channels.
export const leadSources = sqliteTable(
  'lead_sources',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('lead_sources_name_unique').on(t.name)],
);

// Why a lead was disqualified: an admin's list, like lost reasons for deals.
export const disqualifyReasons = sqliteTable(
  'disqualify_reasons',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    position: integer('position').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('disqualify_reasons_name_unique').on(t.name)],
);

export const leads = sqliteTable(
  'leads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    firstName: text('first_name').notNull().default(''),
    lastName: text('last_name').notNull().default(''),
    email: text('email'),
    phone: text('phone'),
    // More addresses and numbers, one a line, as on contacts (an import brings two emails, three phones).
    otherEmails: text('other_emails'),
    otherPhones: text('other_phones'),
    companyName: text('company_name'),
    title: text('title'),
    website: text('website'),
    // ISO 3166-1 alpha-2 when known: scoring rules and the likelihood read it.
    country: text('country'),
    sourceId: integer('source_id').references(() => leadSources.id, { onDelete: 'set null' }),
    utmSource: text('utm_source'),
    utmMedium: text('utm_medium'),
    utmCampaign: text('utm_campaign'),
    referrer: text('referrer'),
    ownerId: integer('owner_id').references(() => users.id),
    status: text('status', { enum: LEAD_STATUSES }).notNull().default('new'),
    disqualifyReasonId: integer('disqualify_reason_id').references(() => disqualifyReasons.id, { onDelete: 'set null' }),
    // The rule score is fit + engagement; engagement decays monthly when the workspace says so.
    score: integer('score').notNull().default(0),
    fitPoints: integer('fit_points').notNull().default(0),
    engagementPoints: integer('engagement_points').notNull().default(0),
    notes: text('notes'),
    // What the visitor agreed to, exactly as shown, when and from which address.
    consentText: text('consent_text'),
    consentAt: integer('consent_at'),
    consentIp: text('consent_ip'),
    // Spam is kept, apart from the inbox, for an admin to review and release.
    spam: integer('spam', { mode: 'boolean' }).notNull().default(false),
    spamReason: text('spam_reason'),
    contactId: integer('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    companyId: integer('company_id').references(() => companies.id, { onDelete: 'set null' }),
    dealId: integer('deal_id').references(() => deals.id, { onDelete: 'set null' }),
    convertedAt: integer('converted_at'),
    convertedBy: integer('converted_by').references(() => users.id),
    // The first call, email or meeting logged on it, or its move out of New: time to first contact.
    firstContactedAt: integer('first_contacted_at'),
    externalId: text('external_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('leads_inbox_idx').on(t.spam, t.score, t.id),
    index('leads_status_idx').on(t.spam, t.status, t.score),
    // The inbox's filters each walk one index in score order and stop at the page's end.
    index('leads_owner_idx').on(t.ownerId, t.spam, t.status, t.score),
    index('leads_email_idx').on(t.email),
    index('leads_source_idx').on(t.sourceId, t.spam, t.status, t.score),
    index('leads_created_idx').on(t.createdAt),
    index('leads_spam_created_idx').on(t.spam, t.createdAt),
    index('leads_contact_idx').on(t.contactId),
    index('leads_company_idx').on(t.companyId),
    index('leads_deal_idx').on(t.dealId),
    index('leads_converted_by_idx').on(t.convertedBy),
    index('leads_disqualify_reason_idx').on(t.disqualifyReasonId),
    index('leads_external_idx').on(t.externalId),
  ],
);

export const leadTags = sqliteTable(
  'lead_tags',
  {
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    tagId: integer('tag_id')
      .notNull()
      .references(() => tags.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.leadId, t.tagId] }), index('lead_tags_tag_idx').on(t.tagId, t.leadId)],
);

export const LEAD_EVENT_KINDS = ['created', 'status', 'owner', 'score', 'update', 'converted', 'spam', 'released'] as const;
export type LeadEventKind = (typeof LEAD_EVENT_KINDS)[number];

// A lead's history: status and owner changes, score changes with the rules that gave them, the old
// values a later submission or edit replaced (detail: JSON), conversion, spam and release.
export const leadEvents = sqliteTable(
  'lead_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: LEAD_EVENT_KINDS }).notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    detail: text('detail'),
    at: integer('at').notNull().default(now),
    userId: integer('user_id').references(() => users.id),
  },
  (t) => [index('lead_events_lead_idx').on(t.leadId, t.at), index('lead_events_user_idx').on(t.userId), index('lead_events_kind_idx').on(t.kind, t.at)],
);

export const FORM_OWNER_MODES = ['user', 'round_robin'] as const;
export type FormOwnerMode = (typeof FORM_OWNER_MODES)[number];

// A web form an admin builds: its fields (JSON: key, label, lead field, required), consent, what the
// visitor sees after sending, who gets the lead, and the sites allowed to post it.
export const webForms = sqliteTable(
  'web_forms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    fields: text('fields').notNull(),
    consentEnabled: integer('consent_enabled', { mode: 'boolean' }).notNull().default(false),
    consentText: text('consent_text'),
    thankYouMessage: text('thank_you_message'),
    redirectUrl: text('redirect_url'),
    ownerMode: text('owner_mode', { enum: FORM_OWNER_MODES }).notNull().default('user'),
    ownerId: integer('owner_id').references(() => users.id),
    // JSON array of user ids taking turns; the cursor says whose turn is next.
    roundRobinUserIds: text('round_robin_user_ids').notNull().default('[]'),
    roundRobinNext: integer('round_robin_next').notNull().default(0),
    sourceId: integer('source_id').references(() => leadSources.id, { onDelete: 'set null' }),
    // JSON array of tag names given to every lead from this form.
    tags: text('tags').notNull().default('[]'),
    // One origin a line (https://example.com): other sites' browsers may post to the endpoint.
    allowedOrigins: text('allowed_origins').notNull().default(''),
    turnstileSiteKey: text('turnstile_site_key'),
    turnstileSecret: text('turnstile_secret'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('web_forms_slug_unique').on(t.slug),
    index('web_forms_owner_idx').on(t.ownerId),
    index('web_forms_source_idx').on(t.sourceId),
    index('web_forms_created_by_idx').on(t.createdBy),
  ],
);

// Every submission, as sent (data: JSON of the form's fields), with where it came from.
export const formSubmissions = sqliteTable(
  'form_submissions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    formId: integer('form_id').references(() => webForms.id, { onDelete: 'set null' }),
    leadId: integer('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    data: text('data').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    pageUrl: text('page_url'),
    referrer: text('referrer'),
    utmSource: text('utm_source'),
    utmMedium: text('utm_medium'),
    utmCampaign: text('utm_campaign'),
    spam: integer('spam', { mode: 'boolean' }).notNull().default(false),
    spamReason: text('spam_reason'),
    createdAt: createdAt(),
  },
  (t) => [index('form_submissions_lead_idx').on(t.leadId, t.createdAt), index('form_submissions_form_idx').on(t.formId, t.createdAt)],
);

export const SCORING_KINDS = ['fit', 'engagement'] as const;
export type ScoringKind = (typeof SCORING_KINDS)[number];

// The admin's scoring rules. A fit rule tests a lead field (field, operator, value); an engagement
// rule counts an event (event: submission, call, meeting, email, note). Both give points (may be negative).
export const leadScoringRules = sqliteTable(
  'lead_scoring_rules',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: SCORING_KINDS }).notNull(),
    field: text('field'),
    operator: text('operator'),
    value: text('value'),
    event: text('event'),
    points: integer('points').notNull(),
    position: integer('position').notNull().default(0),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('lead_scoring_rules_kind_idx').on(t.kind, t.position)],
);
