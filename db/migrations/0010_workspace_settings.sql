CREATE TABLE `workspace_logo` (
	`id` integer PRIMARY KEY NOT NULL,
	`mime_type` text NOT NULL,
	`data` blob NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `workspace` ADD `address` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace` ADD `tax_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace` ADD `default_country` text DEFAULT 'US' NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace` ADD `default_tax_rate_bp` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace` ADD `default_payment_terms` text DEFAULT 'net_30' NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace` ADD `default_payment_terms_text` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace` ADD `quote_validity_days` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace` ADD `default_rot_days` integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace` ADD `reps_see` text DEFAULT 'everything' NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace` ADD `logo_updated_at` integer;--> statement-breakpoint
ALTER TABLE `workspace` ADD `updated_by` integer REFERENCES users(id);--> statement-breakpoint
CREATE INDEX `workspace_updated_by_idx` ON `workspace` (`updated_by`);