DROP INDEX `deals_owner_idx`;--> statement-breakpoint
CREATE INDEX `deals_owner_idx` ON `deals` (`owner_id`,`status`,`contact_id`,`company_id`);