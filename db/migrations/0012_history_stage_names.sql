ALTER TABLE `deal_stage_history` ADD `from_stage_name` text;--> statement-breakpoint
ALTER TABLE `deal_stage_history` ADD `to_stage_name` text;