ALTER TABLE `deal_stage_history` ADD `left_at` integer;--> statement-breakpoint
CREATE INDEX `deal_stage_history_stay_idx` ON `deal_stage_history` (`to_stage_id`,`at`,`left_at`);--> statement-breakpoint
CREATE INDEX `deals_cohort_idx` ON `deals` (`pipeline_id`,`created_at`,`status`);--> statement-breakpoint
-- A new stage-history row ends the deal's previous stay.
CREATE TRIGGER `deal_stage_history_close_stay` AFTER INSERT ON `deal_stage_history` BEGIN
  UPDATE deal_stage_history SET left_at = new.at WHERE deal_id = new.deal_id AND left_at IS NULL AND id != new.id;
END;
--> statement-breakpoint
-- Winning or losing ends the current stay; reopening resumes it.
CREATE TRIGGER `deals_close_stay` AFTER UPDATE OF status ON `deals` WHEN new.status != 'open' AND old.status = 'open' BEGIN
  UPDATE deal_stage_history SET left_at = coalesce(new.closed_at, cast(unixepoch('subsec') * 1000 as integer))
  WHERE deal_id = new.id AND left_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `deals_reopen_stay` AFTER UPDATE OF status ON `deals` WHEN new.status = 'open' AND old.status != 'open' BEGIN
  UPDATE deal_stage_history SET left_at = NULL
  WHERE id = (SELECT id FROM deal_stage_history WHERE deal_id = new.id ORDER BY at DESC, id DESC LIMIT 1);
END;
--> statement-breakpoint
UPDATE deal_stage_history SET left_at = (
  SELECT min(h2.at) FROM deal_stage_history h2
  WHERE h2.deal_id = deal_stage_history.deal_id AND (h2.at > deal_stage_history.at OR (h2.at = deal_stage_history.at AND h2.id > deal_stage_history.id)));
--> statement-breakpoint
UPDATE deal_stage_history SET left_at = (SELECT closed_at FROM deals WHERE deals.id = deal_stage_history.deal_id AND deals.status != 'open')
WHERE left_at IS NULL;
--> statement-breakpoint
ANALYZE;
