DROP INDEX `deals_status_close_idx`;--> statement-breakpoint
CREATE INDEX `deals_won_idx` ON `deals` (`status`,`closed_at`,`value_cents`,`owner_id`,`pipeline_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `deals_status_close_idx` ON `deals` (`status`,`expected_close_date`,`stage_id`,`value_cents`,`probability_override_bp`,`owner_id`,`pipeline_id`);--> statement-breakpoint
CREATE INDEX `deal_stage_history_deal_stage_idx` ON `deal_stage_history` (`deal_id`,`to_stage_id`,`at`);--> statement-breakpoint
-- Sorted lists of contacts and companies ignore case; drizzle cannot declare these collations.
CREATE INDEX `contacts_name_nocase_idx` ON `contacts` (`last_name` COLLATE NOCASE, `first_name` COLLATE NOCASE, `id`);
--> statement-breakpoint
CREATE INDEX `companies_name_nocase_idx` ON `companies` (`name` COLLATE NOCASE, `id`);
--> statement-breakpoint
ANALYZE;
