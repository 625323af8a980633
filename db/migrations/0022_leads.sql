CREATE TABLE `disqualify_reasons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `disqualify_reasons_name_unique` ON `disqualify_reasons` (`name`);--> statement-breakpoint
CREATE TABLE `form_submissions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`form_id` integer,
	`lead_id` integer NOT NULL,
	`data` text NOT NULL,
	`ip` text,
	`user_agent` text,
	`page_url` text,
	`referrer` text,
	`utm_source` text,
	`utm_medium` text,
	`utm_campaign` text,
	`spam` integer DEFAULT false NOT NULL,
	`spam_reason` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`form_id`) REFERENCES `web_forms`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `form_submissions_lead_idx` ON `form_submissions` (`lead_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `form_submissions_form_idx` ON `form_submissions` (`form_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `lead_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lead_id` integer NOT NULL,
	`kind` text NOT NULL,
	`from_value` text,
	`to_value` text,
	`detail` text,
	`at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`user_id` integer,
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lead_events_lead_idx` ON `lead_events` (`lead_id`,`at`);--> statement-breakpoint
CREATE INDEX `lead_events_user_idx` ON `lead_events` (`user_id`);--> statement-breakpoint
CREATE INDEX `lead_events_kind_idx` ON `lead_events` (`kind`,`at`);--> statement-breakpoint
CREATE TABLE `lead_scoring_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`field` text,
	`operator` text,
	`value` text,
	`event` text,
	`points` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `lead_scoring_rules_kind_idx` ON `lead_scoring_rules` (`kind`,`position`);--> statement-breakpoint
CREATE TABLE `lead_sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lead_sources_name_unique` ON `lead_sources` (`name`);--> statement-breakpoint
CREATE TABLE `lead_tags` (
	`lead_id` integer NOT NULL,
	`tag_id` integer NOT NULL,
	PRIMARY KEY(`lead_id`, `tag_id`),
	FOREIGN KEY (`lead_id`) REFERENCES `leads`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `lead_tags_tag_idx` ON `lead_tags` (`tag_id`,`lead_id`);--> statement-breakpoint
CREATE TABLE `leads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`first_name` text DEFAULT '' NOT NULL,
	`last_name` text DEFAULT '' NOT NULL,
	`email` text,
	`phone` text,
	`company_name` text,
	`title` text,
	`website` text,
	`country` text,
	`source_id` integer,
	`utm_source` text,
	`utm_medium` text,
	`utm_campaign` text,
	`referrer` text,
	`owner_id` integer,
	`status` text DEFAULT 'new' NOT NULL,
	`disqualify_reason_id` integer,
	`score` integer DEFAULT 0 NOT NULL,
	`fit_points` integer DEFAULT 0 NOT NULL,
	`engagement_points` integer DEFAULT 0 NOT NULL,
	`notes` text,
	`consent_text` text,
	`consent_at` integer,
	`consent_ip` text,
	`spam` integer DEFAULT false NOT NULL,
	`spam_reason` text,
	`contact_id` integer,
	`company_id` integer,
	`deal_id` integer,
	`converted_at` integer,
	`converted_by` integer,
	`first_contacted_at` integer,
	`external_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`source_id`) REFERENCES `lead_sources`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`disqualify_reason_id`) REFERENCES `disqualify_reasons`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`contact_id`) REFERENCES `contacts`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`converted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `leads_inbox_idx` ON `leads` (`spam`,`score`,`id`);--> statement-breakpoint
CREATE INDEX `leads_status_idx` ON `leads` (`spam`,`status`,`score`);--> statement-breakpoint
CREATE INDEX `leads_owner_idx` ON `leads` (`owner_id`,`spam`,`score`);--> statement-breakpoint
CREATE INDEX `leads_email_idx` ON `leads` (`email`);--> statement-breakpoint
CREATE INDEX `leads_source_idx` ON `leads` (`source_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `leads_created_idx` ON `leads` (`created_at`);--> statement-breakpoint
CREATE INDEX `leads_contact_idx` ON `leads` (`contact_id`);--> statement-breakpoint
CREATE INDEX `leads_company_idx` ON `leads` (`company_id`);--> statement-breakpoint
CREATE INDEX `leads_deal_idx` ON `leads` (`deal_id`);--> statement-breakpoint
CREATE INDEX `leads_converted_by_idx` ON `leads` (`converted_by`);--> statement-breakpoint
CREATE INDEX `leads_disqualify_reason_idx` ON `leads` (`disqualify_reason_id`);--> statement-breakpoint
CREATE INDEX `leads_external_idx` ON `leads` (`external_id`);--> statement-breakpoint
CREATE TABLE `web_forms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`slug` text NOT NULL,
	`fields` text NOT NULL,
	`consent_enabled` integer DEFAULT false NOT NULL,
	`consent_text` text,
	`thank_you_message` text,
	`redirect_url` text,
	`owner_mode` text DEFAULT 'user' NOT NULL,
	`owner_id` integer,
	`round_robin_user_ids` text DEFAULT '[]' NOT NULL,
	`round_robin_next` integer DEFAULT 0 NOT NULL,
	`source_id` integer,
	`tags` text DEFAULT '[]' NOT NULL,
	`allowed_origins` text DEFAULT '' NOT NULL,
	`turnstile_site_key` text,
	`turnstile_secret` text,
	`active` integer DEFAULT true NOT NULL,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`source_id`) REFERENCES `lead_sources`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `web_forms_slug_unique` ON `web_forms` (`slug`);--> statement-breakpoint
CREATE INDEX `web_forms_owner_idx` ON `web_forms` (`owner_id`);--> statement-breakpoint
CREATE INDEX `web_forms_source_idx` ON `web_forms` (`source_id`);--> statement-breakpoint
CREATE INDEX `web_forms_created_by_idx` ON `web_forms` (`created_by`);--> statement-breakpoint
ALTER TABLE `activities` ADD `lead_id` integer REFERENCES leads(id) ON DELETE cascade;--> statement-breakpoint
CREATE INDEX `activities_lead_idx` ON `activities` (`lead_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `workspace` ADD `lead_hot_threshold` integer DEFAULT 50 NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace` ADD `lead_first_contact_hours` integer DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE `workspace` ADD `lead_engagement_decay_pct` integer DEFAULT 0 NOT NULL;