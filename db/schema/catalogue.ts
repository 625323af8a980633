import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, updatedAt } from './columns';

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
  (t) => [
    uniqueIndex('products_sku_unique').on(t.sku),
    // A SKU is found in any case (the form and the import both say "already used" for w-1 and W-1).
    index('products_sku_nocase_idx').on(sql`${t.sku} collate nocase`),
    index('products_active_name_idx').on(t.active, t.name),
  ],
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
