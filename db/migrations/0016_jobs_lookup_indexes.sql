CREATE INDEX `jobs_schedule_idx` ON `jobs` (`schedule`,`id`);--> statement-breakpoint
CREATE INDEX `jobs_kind_idx` ON `jobs` (`kind`,`id`);