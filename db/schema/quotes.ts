import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns';
import { users } from './auth';
import { priceLists, products } from './catalogue';
import { companies, contacts } from './customers';
import { deals } from './deals';

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
