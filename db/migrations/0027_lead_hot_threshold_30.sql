PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_workspace` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text DEFAULT 'Keel' NOT NULL,
	`currency` text DEFAULT 'USD' NOT NULL,
	`fiscal_year_start_month` integer DEFAULT 1 NOT NULL,
	`timezone` text DEFAULT 'UTC' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`tax_id` text DEFAULT '' NOT NULL,
	`default_country` text DEFAULT 'US' NOT NULL,
	`default_tax_rate_bp` integer DEFAULT 0 NOT NULL,
	`default_payment_terms` text DEFAULT 'net_30' NOT NULL,
	`default_payment_terms_text` text DEFAULT '' NOT NULL,
	`quote_validity_days` integer DEFAULT 30 NOT NULL,
	`default_rot_days` integer DEFAULT 30 NOT NULL,
	`reps_see` text DEFAULT 'everything' NOT NULL,
	`lead_hot_threshold` integer DEFAULT 30 NOT NULL,
	`lead_first_contact_hours` integer DEFAULT 4 NOT NULL,
	`lead_engagement_decay_pct` integer DEFAULT 0 NOT NULL,
	`logo_updated_at` integer,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_workspace`("id", "name", "currency", "fiscal_year_start_month", "timezone", "address", "tax_id", "default_country", "default_tax_rate_bp", "default_payment_terms", "default_payment_terms_text", "quote_validity_days", "default_rot_days", "reps_see", "lead_hot_threshold", "lead_first_contact_hours", "lead_engagement_decay_pct", "logo_updated_at", "updated_at", "updated_by") SELECT "id", "name", "currency", "fiscal_year_start_month", "timezone", "address", "tax_id", "default_country", "default_tax_rate_bp", "default_payment_terms", "default_payment_terms_text", "quote_validity_days", "default_rot_days", "reps_see", "lead_hot_threshold", "lead_first_contact_hours", "lead_engagement_decay_pct", "logo_updated_at", "updated_at", "updated_by" FROM `workspace`;--> statement-breakpoint
DROP TABLE `workspace`;--> statement-breakpoint
ALTER TABLE `__new_workspace` RENAME TO `workspace`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `workspace_updated_by_idx` ON `workspace` (`updated_by`);--> statement-breakpoint
-- With the starting rules a keen lead scores 25 to 40: hot from 30 (the first default, 50, was out of reach).
UPDATE `workspace` SET `lead_hot_threshold` = 30 WHERE `lead_hot_threshold` = 50;
