CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`state` text DEFAULT 'queued' NOT NULL,
	`run_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`max_attempts` integer NOT NULL,
	`last_error` text,
	`progress` real,
	`progress_message` text,
	`result` text,
	`locked_by` text,
	`heartbeat_at` integer,
	`unique_key` text,
	`schedule` text,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `jobs_state_run_at_idx` ON `jobs` (`state`,`run_at`,`id`);--> statement-breakpoint
CREATE INDEX `jobs_created_at_idx` ON `jobs` (`created_at`);--> statement-breakpoint
CREATE INDEX `jobs_finished_at_idx` ON `jobs` (`state`,`finished_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_unique_key_unique` ON `jobs` (`unique_key`);--> statement-breakpoint
CREATE INDEX `jobs_created_by_idx` ON `jobs` (`created_by`);--> statement-breakpoint
CREATE TABLE `job_schedules` (
	`name` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`cron` text NOT NULL,
	`payload` text DEFAULT '{}' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`last_slot_at` integer,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `job_schedules_updated_by_idx` ON `job_schedules` (`updated_by`);--> statement-breakpoint
-- The first recurring jobs (lib/jobs/kinds.ts): a nightly backup, and clearing out spent sign-in
-- attempts, ended sessions, old rate-limit windows and finished jobs every hour.
INSERT INTO `job_schedules` (`name`, `kind`, `cron`, `payload`) VALUES ('backup', 'backup', '0 2 * * *', '{"keep":14}');--> statement-breakpoint
INSERT INTO `job_schedules` (`name`, `kind`, `cron`, `payload`) VALUES ('prune', 'prune', '17 * * * *', '{}');
