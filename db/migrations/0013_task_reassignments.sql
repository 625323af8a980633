CREATE TABLE `task_reassignments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`from_user_id` integer,
	`to_user_id` integer NOT NULL,
	`at` integer NOT NULL,
	`user_id` integer,
	FOREIGN KEY (`task_id`) REFERENCES `activities`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_reassignments_task_idx` ON `task_reassignments` (`task_id`,`at`);--> statement-breakpoint
CREATE INDEX `task_reassignments_from_idx` ON `task_reassignments` (`from_user_id`);--> statement-breakpoint
CREATE INDEX `task_reassignments_to_idx` ON `task_reassignments` (`to_user_id`);--> statement-breakpoint
CREATE INDEX `task_reassignments_user_idx` ON `task_reassignments` (`user_id`);