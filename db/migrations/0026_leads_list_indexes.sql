DROP INDEX `leads_owner_idx`;--> statement-breakpoint
DROP INDEX `leads_source_idx`;--> statement-breakpoint
CREATE INDEX `leads_spam_created_idx` ON `leads` (`spam`,`created_at`);--> statement-breakpoint
CREATE INDEX `leads_owner_idx` ON `leads` (`owner_id`,`spam`,`status`,`score`);--> statement-breakpoint
CREATE INDEX `leads_source_idx` ON `leads` (`source_id`,`spam`,`status`,`score`);