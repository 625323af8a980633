CREATE TABLE `goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`month` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`updated_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_by` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `goals_user_month_unique` ON `goals` (`user_id`,`month`);--> statement-breakpoint
CREATE INDEX `goals_month_idx` ON `goals` (`month`);--> statement-breakpoint
CREATE INDEX `goals_updated_by_idx` ON `goals` (`updated_by`);--> statement-breakpoint
ALTER TABLE `workspace` ADD `timezone` text DEFAULT 'UTC' NOT NULL;