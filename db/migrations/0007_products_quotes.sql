CREATE TABLE `price_list_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`price_list_id` integer NOT NULL,
	`product_id` integer NOT NULL,
	`unit_price_cents` integer NOT NULL,
	FOREIGN KEY (`price_list_id`) REFERENCES `price_lists`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `price_list_items_list_product_unique` ON `price_list_items` (`price_list_id`,`product_id`);--> statement-breakpoint
CREATE INDEX `price_list_items_product_idx` ON `price_list_items` (`product_id`);--> statement-breakpoint
CREATE TABLE `price_lists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`description` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `price_lists_name_unique` ON `price_lists` (`name`);--> statement-breakpoint
CREATE TABLE `price_tiers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`price_list_id` integer,
	`product_id` integer NOT NULL,
	`min_quantity_milli` integer NOT NULL,
	`unit_price_cents` integer,
	`discount_bp` integer,
	FOREIGN KEY (`price_list_id`) REFERENCES `price_lists`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `price_tiers_product_list_idx` ON `price_tiers` (`product_id`,`price_list_id`,`min_quantity_milli`);--> statement-breakpoint
CREATE INDEX `price_tiers_list_idx` ON `price_tiers` (`price_list_id`);--> statement-breakpoint
CREATE TABLE `products` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`sku` text NOT NULL,
	`description` text,
	`unit` text DEFAULT 'unit' NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`tax_rate_bp` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `products_sku_unique` ON `products` (`sku`);--> statement-breakpoint
CREATE INDEX `products_active_name_idx` ON `products` (`active`,`name`);--> statement-breakpoint
CREATE TABLE `quote_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quote_id` integer NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer,
	`by_name` text,
	`ip` text,
	`detail` text,
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `quote_events_quote_idx` ON `quote_events` (`quote_id`,`at`);--> statement-breakpoint
CREATE INDEX `quote_events_user_idx` ON `quote_events` (`user_id`);--> statement-breakpoint
CREATE TABLE `quote_lines` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quote_id` integer NOT NULL,
	`position` integer NOT NULL,
	`kind` text DEFAULT 'item' NOT NULL,
	`product_id` integer,
	`description` text DEFAULT '' NOT NULL,
	`quantity_milli` integer DEFAULT 0 NOT NULL,
	`unit_price_cents` integer DEFAULT 0 NOT NULL,
	`discount_bp` integer DEFAULT 0 NOT NULL,
	`tax_rate_bp` integer DEFAULT 0 NOT NULL,
	`gross_cents` integer DEFAULT 0 NOT NULL,
	`net_cents` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`quote_id`) REFERENCES `quotes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`product_id`) REFERENCES `products`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `quote_lines_quote_idx` ON `quote_lines` (`quote_id`,`position`);--> statement-breakpoint
CREATE INDEX `quote_lines_product_idx` ON `quote_lines` (`product_id`);--> statement-breakpoint
CREATE TABLE `quote_numbers` (
	`year` integer PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`deal_id` integer,
	`company_id` integer,
	`contact_id` integer,
	`owner_id` integer,
	`price_list_id` integer,
	`currency` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`valid_until` text NOT NULL,
	`payment_terms` text DEFAULT 'net_30' NOT NULL,
	`payment_terms_text` text,
	`notes` text,
	`terms` text,
	`subtotal_cents` integer DEFAULT 0 NOT NULL,
	`discount_cents` integer DEFAULT 0 NOT NULL,
	`net_cents` integer DEFAULT 0 NOT NULL,
	`tax_cents` integer DEFAULT 0 NOT NULL,
	`total_cents` integer DEFAULT 0 NOT NULL,
	`public_token` text NOT NULL,
	`sent_at` integer,
	`responded_at` integer,
	`accepted_name` text,
	`accepted_ip` text,
	`decline_reason` text,
	`superseded_by_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`price_list_id`) REFERENCES `price_lists`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_number_revision_unique` ON `quotes` (`number`,`revision`);--> statement-breakpoint
CREATE UNIQUE INDEX `quotes_public_token_unique` ON `quotes` (`public_token`);--> statement-breakpoint
CREATE INDEX `quotes_deal_idx` ON `quotes` (`deal_id`);--> statement-breakpoint
CREATE INDEX `quotes_company_idx` ON `quotes` (`company_id`);--> statement-breakpoint
CREATE INDEX `quotes_contact_idx` ON `quotes` (`contact_id`);--> statement-breakpoint
CREATE INDEX `quotes_owner_idx` ON `quotes` (`owner_id`,`status`);--> statement-breakpoint
CREATE INDEX `quotes_status_created_idx` ON `quotes` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `quotes_created_idx` ON `quotes` (`created_at`);--> statement-breakpoint
CREATE INDEX `quotes_price_list_idx` ON `quotes` (`price_list_id`);--> statement-breakpoint
ALTER TABLE `companies` ADD `price_list_id` integer REFERENCES price_lists(id) ON DELETE SET NULL;--> statement-breakpoint
CREATE INDEX `companies_price_list_idx` ON `companies` (`price_list_id`);--> statement-breakpoint
CREATE INDEX `products_name_nocase_idx` ON `products` (`name` COLLATE NOCASE, `id`);
