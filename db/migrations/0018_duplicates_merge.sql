CREATE TABLE `company_duplicate_pairs` (
	`low_id` integer NOT NULL,
	`high_id` integer NOT NULL,
	`score` real NOT NULL,
	`reasons` text NOT NULL,
	PRIMARY KEY(`low_id`, `high_id`),
	FOREIGN KEY (`low_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`high_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `company_duplicate_pairs_high_idx` ON `company_duplicate_pairs` (`high_id`);--> statement-breakpoint
CREATE INDEX `company_duplicate_pairs_score_idx` ON `company_duplicate_pairs` (`score`,`low_id`,`high_id`);--> statement-breakpoint
CREATE TABLE `company_match_keys` (
	`company_id` integer NOT NULL,
	`type` text NOT NULL,
	`key` text NOT NULL,
	PRIMARY KEY(`type`, `key`, `company_id`),
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `company_match_keys_company_idx` ON `company_match_keys` (`company_id`);--> statement-breakpoint
CREATE TABLE `contact_duplicate_pairs` (
	`low_id` integer NOT NULL,
	`high_id` integer NOT NULL,
	`score` real NOT NULL,
	`reasons` text NOT NULL,
	PRIMARY KEY(`low_id`, `high_id`),
	FOREIGN KEY (`low_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`high_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_duplicate_pairs_high_idx` ON `contact_duplicate_pairs` (`high_id`);--> statement-breakpoint
CREATE INDEX `contact_duplicate_pairs_score_idx` ON `contact_duplicate_pairs` (`score`,`low_id`,`high_id`);--> statement-breakpoint
CREATE TABLE `contact_match_keys` (
	`contact_id` integer NOT NULL,
	`type` text NOT NULL,
	`key` text NOT NULL,
	PRIMARY KEY(`type`, `key`, `contact_id`),
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contact_match_keys_contact_idx` ON `contact_match_keys` (`contact_id`);--> statement-breakpoint
CREATE TABLE `duplicate_dismissals` (
	`kind` text NOT NULL,
	`low_id` integer NOT NULL,
	`high_id` integer NOT NULL,
	`dismissed_by` integer,
	`dismissed_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`kind`, `low_id`, `high_id`),
	FOREIGN KEY (`dismissed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `duplicate_dismissals_by_idx` ON `duplicate_dismissals` (`dismissed_by`);--> statement-breakpoint
CREATE TABLE `record_merges` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`old_id` integer NOT NULL,
	`kept_id` integer NOT NULL,
	`old_name` text NOT NULL,
	`snapshot` text NOT NULL,
	`merged_by` integer,
	`merged_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`merged_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `record_merges_old_idx` ON `record_merges` (`kind`,`old_id`);--> statement-breakpoint
CREATE INDEX `record_merges_kept_idx` ON `record_merges` (`kind`,`kept_id`,`merged_at`);--> statement-breakpoint
CREATE INDEX `record_merges_by_idx` ON `record_merges` (`merged_by`);--> statement-breakpoint
ALTER TABLE `companies` ADD `external_id` text;--> statement-breakpoint
CREATE INDEX `companies_external_idx` ON `companies` (`external_id`);--> statement-breakpoint
ALTER TABLE `contacts` ADD `other_emails` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `other_phones` text;--> statement-breakpoint
ALTER TABLE `contacts` ADD `external_id` text;--> statement-breakpoint
CREATE INDEX `contacts_external_idx` ON `contacts` (`external_id`);--> statement-breakpoint
ALTER TABLE `deals` ADD `external_id` text;--> statement-breakpoint
CREATE INDEX `deals_external_idx` ON `deals` (`external_id`);--> statement-breakpoint
-- Existing contacts and companies get their match keys and pairs from the worker (phones need parsing that SQL cannot do).
INSERT INTO `jobs` (`kind`, `payload`, `run_at`, `max_attempts`, `unique_key`) VALUES ('match_keys', '{}', cast(unixepoch('subsec') * 1000 as integer), 3, 'match_keys:0018');
