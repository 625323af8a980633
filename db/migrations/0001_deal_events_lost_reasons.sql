CREATE TABLE `deal_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`deal_id` integer NOT NULL,
	`kind` text NOT NULL,
	`from_value` text,
	`to_value` text,
	`at` integer NOT NULL,
	`user_id` integer,
	FOREIGN KEY (`deal_id`) REFERENCES `deals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `deal_events_deal_idx` ON `deal_events` (`deal_id`,`at`);--> statement-breakpoint
CREATE INDEX `deal_events_user_idx` ON `deal_events` (`user_id`);--> statement-breakpoint
CREATE INDEX `deal_events_kind_at_idx` ON `deal_events` (`kind`,`at`);--> statement-breakpoint
CREATE TABLE `lost_reasons` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`label` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lost_reasons_label_unique` ON `lost_reasons` (`label`);--> statement-breakpoint
CREATE INDEX `lost_reasons_position_idx` ON `lost_reasons` (`position`);--> statement-breakpoint
INSERT INTO `lost_reasons` (`label`, `position`) VALUES ('Price too high', 0), ('Chose a competitor', 1), ('No budget', 2), ('No decision', 3), ('Timing', 4), ('Missing features', 5);
