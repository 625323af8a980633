import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns';
import { users } from './auth';
import { priceLists } from './catalogue';

export const companies = sqliteTable(
  'companies',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    domain: text('domain'),
    industry: text('industry'),
    size: text('size'),
    address: text('address'),
    // The record's id in the system it was imported from: an import matches rows to records by it.
    externalId: text('external_id'),
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
    index('companies_external_idx').on(t.externalId),
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
    // More addresses and numbers beyond the primary ones, one per line (imports bring several; a merge keeps both records').
    otherEmails: text('other_emails'),
    otherPhones: text('other_phones'),
    title: text('title'),
    externalId: text('external_id'),
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
    index('contacts_external_idx').on(t.externalId),
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
