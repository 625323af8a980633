CREATE TABLE `workspace_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`field` text NOT NULL,
	`from_value` text,
	`to_value` text,
	`at` integer NOT NULL,
	`user_id` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `workspace_events_at_idx` ON `workspace_events` (`at`);--> statement-breakpoint
CREATE INDEX `workspace_events_user_idx` ON `workspace_events` (`user_id`);