CREATE TABLE `import_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`mode` text DEFAULT 'create_update' NOT NULL,
	`headers` text NOT NULL,
	`mapping` text NOT NULL,
	`header_signature` text NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`total_rows` integer DEFAULT 0 NOT NULL,
	`counts` text,
	`undo_counts` text,
	`job_id` integer,
	`undo_job_id` integer,
	`created_by` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`checked_at` integer,
	`committed_by` integer,
	`committed_at` integer,
	`finished_at` integer,
	`undone_by` integer,
	`undone_at` integer,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`undo_job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`committed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`undone_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `import_batches_created_idx` ON `import_batches` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `import_batches_job_idx` ON `import_batches` (`job_id`);--> statement-breakpoint
CREATE INDEX `import_batches_undo_job_idx` ON `import_batches` (`undo_job_id`);--> statement-breakpoint
CREATE INDEX `import_batches_created_by_idx` ON `import_batches` (`created_by`);--> statement-breakpoint
CREATE INDEX `import_batches_committed_by_idx` ON `import_batches` (`committed_by`);--> statement-breakpoint
CREATE INDEX `import_batches_undone_by_idx` ON `import_batches` (`undone_by`);--> statement-breakpoint
CREATE TABLE `import_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`row_index` integer NOT NULL,
	`record_kind` text NOT NULL,
	`record_id` integer NOT NULL,
	`action` text NOT NULL,
	`before` text,
	`updated_at` integer,
	`undo` text,
	`undo_reason` text,
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_changes_batch_idx` ON `import_changes` (`batch_id`,`id`);--> statement-breakpoint
CREATE INDEX `import_changes_record_idx` ON `import_changes` (`record_kind`,`record_id`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`kind` text NOT NULL,
	`header_signature` text NOT NULL,
	`mapping` text NOT NULL,
	`updated_by` integer,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`kind`, `header_signature`),
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `import_mappings_updated_by_idx` ON `import_mappings` (`updated_by`);--> statement-breakpoint
CREATE TABLE `import_rows` (
	`batch_id` integer NOT NULL,
	`row_index` integer NOT NULL,
	`line` integer NOT NULL,
	`cells` text NOT NULL,
	`action` text,
	`reason` text,
	`data` text,
	`warnings` text,
	`duplicate_of_line` integer,
	`likely` text,
	`record_id` integer,
	`result` text,
	PRIMARY KEY(`batch_id`, `row_index`),
	FOREIGN KEY (`batch_id`) REFERENCES `import_batches`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_rows_action_idx` ON `import_rows` (`batch_id`,`action`,`row_index`);