-- Report rollups: what the reports count, summed per UTC day (utc_day = instant / 86,400,000) and
-- kept exact by triggers on every write to deals, deal_stage_history, activities and stages. A report
-- reads the whole days of its period here and the partial days at either end from the raw tables
-- (db/queries/reports.ts), so any period in any time zone is exact. Rows that fall to zero are deleted,
-- so each table always equals a fresh GROUP BY of its source. Not in schema.ts: raw SQL reads them.
-- owner_id 0 stands for "no owner", '' for no source or no lost reason (keys cannot be null).
CREATE TABLE `report_closed_by_owner` (
  `pipeline_id` integer NOT NULL,
  `utc_day` integer NOT NULL,
  `owner_id` integer NOT NULL,
  `won` integer NOT NULL,
  `lost` integer NOT NULL,
  `won_cents` integer NOT NULL,
  -- Sum of closed_at - created_at over the won deals: the sales cycle.
  `won_cycle_ms` integer NOT NULL,
  PRIMARY KEY (`pipeline_id`, `utc_day`, `owner_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `report_closed_by_source` (
  `pipeline_id` integer NOT NULL,
  `utc_day` integer NOT NULL,
  `source` text NOT NULL,
  `won` integer NOT NULL,
  `lost` integer NOT NULL,
  `won_cents` integer NOT NULL,
  PRIMARY KEY (`pipeline_id`, `utc_day`, `source`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `report_lost_by_reason` (
  `pipeline_id` integer NOT NULL,
  `utc_day` integer NOT NULL,
  `reason` text NOT NULL,
  `deals` integer NOT NULL,
  `value_cents` integer NOT NULL,
  PRIMARY KEY (`pipeline_id`, `utc_day`, `reason`)
) WITHOUT ROWID;
--> statement-breakpoint
-- One row per deal: the stages its history ever entered, as sorted ids ('3,5,6'). Ids, not positions,
-- so that reordering stages changes nothing here; the funnel maps ids to positions when it reads.
CREATE TABLE `report_deal_paths` (
  `deal_id` integer PRIMARY KEY NOT NULL,
  `pipeline_id` integer NOT NULL,
  `utc_day` integer NOT NULL,
  `path` text NOT NULL,
  `won` integer NOT NULL
);
--> statement-breakpoint
-- Deals created per day by the path they took: the funnel and the created count per month.
CREATE TABLE `report_created_by_path` (
  `pipeline_id` integer NOT NULL,
  `utc_day` integer NOT NULL,
  `path` text NOT NULL,
  `won` integer NOT NULL,
  `deals` integer NOT NULL,
  PRIMARY KEY (`pipeline_id`, `utc_day`, `path`, `won`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Stage stays by the day they began. Open stays keep their count and the sum of their starts, so that
-- a report adds open_stays × now - open_at for the time they have lasted so far.
CREATE TABLE `report_stays` (
  `stage_id` integer NOT NULL,
  `utc_day` integer NOT NULL,
  `stays` integer NOT NULL,
  `left_ms` integer NOT NULL,
  `open_stays` integer NOT NULL,
  `open_at` integer NOT NULL,
  PRIMARY KEY (`stage_id`, `utc_day`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Open deals' weighted value, each deal rounded as lib/deals/probability.ts rounds it; recomputed for
-- a stage when its probability changes.
CREATE TABLE `report_open_weighted` (
  `pipeline_id` integer NOT NULL,
  `owner_id` integer NOT NULL,
  `stage_id` integer NOT NULL,
  `deals` integer NOT NULL,
  `weighted_cents` integer NOT NULL,
  PRIMARY KEY (`pipeline_id`, `owner_id`, `stage_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Done activities per owner and day.
CREATE TABLE `report_activities` (
  `owner_id` integer NOT NULL,
  `utc_day` integer NOT NULL,
  `done` integer NOT NULL,
  PRIMARY KEY (`owner_id`, `utc_day`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO report_closed_by_owner
SELECT pipeline_id, closed_at / 86400000, coalesce(owner_id, 0), sum(status = 'won'), sum(status = 'lost'),
       sum(CASE WHEN status = 'won' THEN value_cents ELSE 0 END), sum(CASE WHEN status = 'won' THEN closed_at - created_at ELSE 0 END)
FROM deals WHERE status IN ('won', 'lost') AND closed_at IS NOT NULL GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO report_closed_by_source
SELECT pipeline_id, closed_at / 86400000, coalesce(source, ''), sum(status = 'won'), sum(status = 'lost'), sum(CASE WHEN status = 'won' THEN value_cents ELSE 0 END)
FROM deals WHERE status IN ('won', 'lost') AND closed_at IS NOT NULL GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO report_lost_by_reason
SELECT pipeline_id, closed_at / 86400000, coalesce(lost_reason, ''), count(*), sum(value_cents)
FROM deals WHERE status = 'lost' AND closed_at IS NOT NULL GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO report_deal_paths
SELECT d.id, d.pipeline_id, d.created_at / 86400000,
       coalesce((SELECT group_concat(s) FROM (SELECT DISTINCT h.to_stage_id AS s FROM deal_stage_history h WHERE h.deal_id = d.id ORDER BY 1)), ''),
       d.status = 'won'
FROM deals d;
--> statement-breakpoint
INSERT INTO report_created_by_path SELECT pipeline_id, utc_day, path, won, count(*) FROM report_deal_paths GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
INSERT INTO report_stays
SELECT to_stage_id, at / 86400000, count(*), coalesce(sum(left_at - at), 0), sum(left_at IS NULL), sum(CASE WHEN left_at IS NULL THEN at ELSE 0 END)
FROM deal_stage_history WHERE to_stage_id IS NOT NULL GROUP BY 1, 2;
--> statement-breakpoint
INSERT INTO report_open_weighted
SELECT d.pipeline_id, coalesce(d.owner_id, 0), d.stage_id, count(*), sum((d.value_cents * coalesce(d.probability_override_bp, s.probability_bp) + 5000) / 10000)
FROM deals d JOIN stages s ON s.id = d.stage_id WHERE d.status = 'open' GROUP BY 1, 2, 3;
--> statement-breakpoint
INSERT INTO report_activities
SELECT owner_id, done_at / 86400000, count(*) FROM activities WHERE owner_id IS NOT NULL AND done_at IS NOT NULL GROUP BY 1, 2;
--> statement-breakpoint
-- Deals: a closed deal counts on the day it closed; an open one in the weighted pipeline; every deal
-- in the cohort of the day it was created. An update takes the old row out and puts the new one in.
CREATE TRIGGER `report_deals_insert` AFTER INSERT ON `deals` BEGIN
  INSERT INTO report_closed_by_owner
  SELECT new.pipeline_id, new.closed_at / 86400000, coalesce(new.owner_id, 0), new.status = 'won', new.status = 'lost',
         iif(new.status = 'won', new.value_cents, 0), iif(new.status = 'won', new.closed_at - new.created_at, 0)
  WHERE new.status IN ('won', 'lost') AND new.closed_at IS NOT NULL
  ON CONFLICT DO UPDATE SET won = won + excluded.won, lost = lost + excluded.lost, won_cents = won_cents + excluded.won_cents, won_cycle_ms = won_cycle_ms + excluded.won_cycle_ms;
  INSERT INTO report_closed_by_source
  SELECT new.pipeline_id, new.closed_at / 86400000, coalesce(new.source, ''), new.status = 'won', new.status = 'lost', iif(new.status = 'won', new.value_cents, 0)
  WHERE new.status IN ('won', 'lost') AND new.closed_at IS NOT NULL
  ON CONFLICT DO UPDATE SET won = won + excluded.won, lost = lost + excluded.lost, won_cents = won_cents + excluded.won_cents;
  INSERT INTO report_lost_by_reason
  SELECT new.pipeline_id, new.closed_at / 86400000, coalesce(new.lost_reason, ''), 1, new.value_cents
  WHERE new.status = 'lost' AND new.closed_at IS NOT NULL
  ON CONFLICT DO UPDATE SET deals = deals + 1, value_cents = value_cents + excluded.value_cents;
  INSERT INTO report_open_weighted
  SELECT new.pipeline_id, coalesce(new.owner_id, 0), new.stage_id, 1, (new.value_cents * coalesce(new.probability_override_bp, s.probability_bp) + 5000) / 10000
  FROM stages s WHERE s.id = new.stage_id AND new.status = 'open'
  ON CONFLICT DO UPDATE SET deals = deals + 1, weighted_cents = weighted_cents + excluded.weighted_cents;
  INSERT INTO report_deal_paths
  SELECT new.id, new.pipeline_id, new.created_at / 86400000,
         coalesce((SELECT group_concat(s) FROM (SELECT DISTINCT h.to_stage_id AS s FROM deal_stage_history h WHERE h.deal_id = new.id ORDER BY 1)), ''),
         new.status = 'won';
END;
--> statement-breakpoint
CREATE TRIGGER `report_deals_delete` AFTER DELETE ON `deals` BEGIN
  UPDATE report_closed_by_owner SET won = won - (old.status = 'won'), lost = lost - (old.status = 'lost'),
         won_cents = won_cents - iif(old.status = 'won', old.value_cents, 0), won_cycle_ms = won_cycle_ms - iif(old.status = 'won', old.closed_at - old.created_at, 0)
  WHERE old.status IN ('won', 'lost') AND pipeline_id = old.pipeline_id AND utc_day = old.closed_at / 86400000 AND owner_id = coalesce(old.owner_id, 0);
  DELETE FROM report_closed_by_owner WHERE pipeline_id = old.pipeline_id AND utc_day = old.closed_at / 86400000 AND owner_id = coalesce(old.owner_id, 0) AND won = 0 AND lost = 0;
  UPDATE report_closed_by_source SET won = won - (old.status = 'won'), lost = lost - (old.status = 'lost'), won_cents = won_cents - iif(old.status = 'won', old.value_cents, 0)
  WHERE old.status IN ('won', 'lost') AND pipeline_id = old.pipeline_id AND utc_day = old.closed_at / 86400000 AND source = coalesce(old.source, '');
  DELETE FROM report_closed_by_source WHERE pipeline_id = old.pipeline_id AND utc_day = old.closed_at / 86400000 AND source = coalesce(old.source, '') AND won = 0 AND lost = 0;
  UPDATE report_lost_by_reason SET deals = deals - 1, value_cents = value_cents - old.value_cents
  WHERE old.status = 'lost' AND pipeline_id = old.pipeline_id AND utc_day = old.closed_at / 86400000 AND reason = coalesce(old.lost_reason, '');
  DELETE FROM report_lost_by_reason WHERE pipeline_id = old.pipeline_id AND utc_day = old.closed_at / 86400000 AND reason = coalesce(old.lost_reason, '') AND deals = 0;
  UPDATE report_open_weighted SET deals = deals - 1, weighted_cents = weighted_cents - (old.value_cents * coalesce(old.probability_override_bp, s.probability_bp) + 5000) / 10000
  FROM stages s WHERE s.id = old.stage_id AND old.status = 'open'
    AND report_open_weighted.pipeline_id = old.pipeline_id AND report_open_weighted.owner_id = coalesce(old.owner_id, 0) AND report_open_weighted.stage_id = old.stage_id;
  DELETE FROM report_open_weighted WHERE pipeline_id = old.pipeline_id AND owner_id = coalesce(old.owner_id, 0) AND stage_id = old.stage_id AND deals = 0;
  DELETE FROM report_deal_paths WHERE deal_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `report_deals_closed_update` AFTER UPDATE OF status, closed_at, created_at, pipeline_id, owner_id, source, lost_reason, value_cents ON `deals`
WHEN old.status IN ('won', 'lost') OR new.status IN ('won', 'lost') BEGIN
  UPDATE report_closed_by_owner SET won = won - (old.status = 'won'), lost = lost - (old.status = 'lost'),
         won_cents = won_cents - iif(old.status = 'won', old.value_cents, 0), won_cycle_ms = won_cycle_ms - iif(old.status = 'won', old.closed_at - old.created_at, 0)
  WHERE old.status IN ('won', 'lost') AND pipeline_id = old.pipeline_id AND utc_day = old.closed_at / 86400000 AND owner_id = coalesce(old.owner_id, 0);
  INSERT INTO report_closed_by_owner
  SELECT new.pipeline_id, new.closed_at / 86400000, coalesce(new.owner_id, 0), new.status = 'won', new.status = 'lost',
         iif(new.status = 'won', new.value_cents, 0), iif(new.status = 'won', new.closed_at - new.created_at, 0)
  WHERE new.status IN ('won', 'lost') AND new.closed_at IS NOT NULL
  ON CONFLICT DO UPDATE SET won = won + excluded.won, lost = lost + excluded.lost, won_cents = won_cents + excluded.won_cents, won_cycle_ms = won_cycle_ms + excluded.won_cycle_ms;
  DELETE FROM report_closed_by_owner WHERE pipeline_id = old.pipeline_id AND utc_day = old.closed_at / 86400000 AND owner_id = coalesce(old.owner_id, 0) AND won = 0 AND lost = 0;
  UPDATE report_closed_by_source SET won = won - (old.status = 'won'), lost = lost - (old.status = 'lost'), won_cents = won_cents - iif(old.status = 'won', old.value_cents, 0)
  WHERE old.status IN ('won', 'lost') AND pipeline_id = old.pipeline_id AND utc_day = old.closed_at / 86400000 AND source = coalesce(old.source, '');
  INSERT INTO report_closed_by_source
  SELECT new.pipeline_id, new.closed_at / 86400000, coalesce(new.source, ''), new.status = 'won', new.status = 'lost', iif(new.status = 'won', new.value_cents, 0)
  WHERE new.status IN ('won', 'lost') AND new.closed_at IS NOT NULL
  ON CONFLICT DO UPDATE SET won = won + excluded.won, lost = lost + excluded.lost, won_cents = won_cents + excluded.won_cents;
  DELETE FROM report_closed_by_source WHERE pipeline_id = old.pipeline_id AND utc_day = old.closed_at / 86400000 AND source = coalesce(old.source, '') AND won = 0 AND lost = 0;
  UPDATE report_lost_by_reason SET deals = deals - 1, value_cents = value_cents - old.value_cents
  WHERE old.status = 'lost' AND pipeline_id = old.pipeline_id AND utc_day = old.closed_at / 86400000 AND reason = coalesce(old.lost_reason, '');
  INSERT INTO report_lost_by_reason
  SELECT new.pipeline_id, new.closed_at / 86400000, coalesce(new.lost_reason, ''), 1, new.value_cents
  WHERE new.status = 'lost' AND new.closed_at IS NOT NULL
  ON CONFLICT DO UPDATE SET deals = deals + 1, value_cents = value_cents + excluded.value_cents;
  DELETE FROM report_lost_by_reason WHERE pipeline_id = old.pipeline_id AND utc_day = old.closed_at / 86400000 AND reason = coalesce(old.lost_reason, '') AND deals = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `report_deals_open_update` AFTER UPDATE OF status, pipeline_id, stage_id, owner_id, value_cents, probability_override_bp ON `deals`
WHEN old.status = 'open' OR new.status = 'open' BEGIN
  UPDATE report_open_weighted SET deals = deals - 1, weighted_cents = weighted_cents - (old.value_cents * coalesce(old.probability_override_bp, s.probability_bp) + 5000) / 10000
  FROM stages s WHERE s.id = old.stage_id AND old.status = 'open'
    AND report_open_weighted.pipeline_id = old.pipeline_id AND report_open_weighted.owner_id = coalesce(old.owner_id, 0) AND report_open_weighted.stage_id = old.stage_id;
  INSERT INTO report_open_weighted
  SELECT new.pipeline_id, coalesce(new.owner_id, 0), new.stage_id, 1, (new.value_cents * coalesce(new.probability_override_bp, s.probability_bp) + 5000) / 10000
  FROM stages s WHERE s.id = new.stage_id AND new.status = 'open'
  ON CONFLICT DO UPDATE SET deals = deals + 1, weighted_cents = weighted_cents + excluded.weighted_cents;
  DELETE FROM report_open_weighted WHERE pipeline_id = old.pipeline_id AND owner_id = coalesce(old.owner_id, 0) AND stage_id = old.stage_id AND deals = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `report_deals_path_update` AFTER UPDATE OF status, pipeline_id, created_at ON `deals`
WHEN old.pipeline_id != new.pipeline_id OR old.created_at != new.created_at OR (old.status = 'won') != (new.status = 'won') BEGIN
  UPDATE report_deal_paths SET pipeline_id = new.pipeline_id, utc_day = new.created_at / 86400000, won = new.status = 'won' WHERE deal_id = new.id;
END;
--> statement-breakpoint
-- Stage history: each row is a stay (to_stage_id from at until left_at), and its stage joins the deal's path.
CREATE TRIGGER `report_history_insert` AFTER INSERT ON `deal_stage_history` WHEN new.to_stage_id IS NOT NULL BEGIN
  INSERT INTO report_stays
  VALUES (new.to_stage_id, new.at / 86400000, 1, coalesce(new.left_at - new.at, 0), new.left_at IS NULL, iif(new.left_at IS NULL, new.at, 0))
  ON CONFLICT DO UPDATE SET stays = stays + 1, left_ms = left_ms + excluded.left_ms, open_stays = open_stays + excluded.open_stays, open_at = open_at + excluded.open_at;
  UPDATE report_deal_paths
  SET path = coalesce((SELECT group_concat(s) FROM (SELECT DISTINCT h.to_stage_id AS s FROM deal_stage_history h WHERE h.deal_id = new.deal_id ORDER BY 1)), '')
  WHERE deal_id = new.deal_id;
END;
--> statement-breakpoint
CREATE TRIGGER `report_history_delete` AFTER DELETE ON `deal_stage_history` WHEN old.to_stage_id IS NOT NULL BEGIN
  UPDATE report_stays SET stays = stays - 1, left_ms = left_ms - coalesce(old.left_at - old.at, 0), open_stays = open_stays - (old.left_at IS NULL), open_at = open_at - iif(old.left_at IS NULL, old.at, 0)
  WHERE stage_id = old.to_stage_id AND utc_day = old.at / 86400000;
  DELETE FROM report_stays WHERE stage_id = old.to_stage_id AND utc_day = old.at / 86400000 AND stays = 0;
  UPDATE report_deal_paths
  SET path = coalesce((SELECT group_concat(s) FROM (SELECT DISTINCT h.to_stage_id AS s FROM deal_stage_history h WHERE h.deal_id = old.deal_id ORDER BY 1)), '')
  WHERE deal_id = old.deal_id;
END;
--> statement-breakpoint
-- Fires on every move too: the new row ends the previous stay (migration 0006 sets its left_at).
CREATE TRIGGER `report_history_stay_update` AFTER UPDATE OF to_stage_id, at, left_at ON `deal_stage_history`
WHEN old.to_stage_id IS NOT NULL OR new.to_stage_id IS NOT NULL BEGIN
  UPDATE report_stays SET stays = stays - 1, left_ms = left_ms - coalesce(old.left_at - old.at, 0), open_stays = open_stays - (old.left_at IS NULL), open_at = open_at - iif(old.left_at IS NULL, old.at, 0)
  WHERE stage_id = old.to_stage_id AND utc_day = old.at / 86400000;
  INSERT INTO report_stays
  SELECT new.to_stage_id, new.at / 86400000, 1, coalesce(new.left_at - new.at, 0), new.left_at IS NULL, iif(new.left_at IS NULL, new.at, 0)
  WHERE new.to_stage_id IS NOT NULL
  ON CONFLICT DO UPDATE SET stays = stays + 1, left_ms = left_ms + excluded.left_ms, open_stays = open_stays + excluded.open_stays, open_at = open_at + excluded.open_at;
  DELETE FROM report_stays WHERE stage_id = old.to_stage_id AND utc_day = old.at / 86400000 AND stays = 0;
END;
--> statement-breakpoint
-- Deleting a stage sets its history rows' to_stage_id to null (foreign-key action), which ends here.
CREATE TRIGGER `report_history_path_update` AFTER UPDATE OF deal_id, to_stage_id ON `deal_stage_history`
WHEN old.deal_id != new.deal_id OR old.to_stage_id IS NOT new.to_stage_id BEGIN
  UPDATE report_deal_paths
  SET path = coalesce((SELECT group_concat(s) FROM (SELECT DISTINCT h.to_stage_id AS s FROM deal_stage_history h WHERE h.deal_id = report_deal_paths.deal_id ORDER BY 1)), '')
  WHERE deal_id IN (old.deal_id, new.deal_id);
END;
--> statement-breakpoint
CREATE TRIGGER `report_deal_paths_insert` AFTER INSERT ON `report_deal_paths` BEGIN
  INSERT INTO report_created_by_path VALUES (new.pipeline_id, new.utc_day, new.path, new.won, 1) ON CONFLICT DO UPDATE SET deals = deals + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `report_deal_paths_delete` AFTER DELETE ON `report_deal_paths` BEGIN
  UPDATE report_created_by_path SET deals = deals - 1 WHERE pipeline_id = old.pipeline_id AND utc_day = old.utc_day AND path = old.path AND won = old.won;
  DELETE FROM report_created_by_path WHERE pipeline_id = old.pipeline_id AND utc_day = old.utc_day AND path = old.path AND won = old.won AND deals = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `report_deal_paths_update` AFTER UPDATE ON `report_deal_paths`
WHEN old.pipeline_id != new.pipeline_id OR old.utc_day != new.utc_day OR old.path != new.path OR old.won != new.won BEGIN
  UPDATE report_created_by_path SET deals = deals - 1 WHERE pipeline_id = old.pipeline_id AND utc_day = old.utc_day AND path = old.path AND won = old.won;
  INSERT INTO report_created_by_path VALUES (new.pipeline_id, new.utc_day, new.path, new.won, 1) ON CONFLICT DO UPDATE SET deals = deals + 1;
  DELETE FROM report_created_by_path WHERE pipeline_id = old.pipeline_id AND utc_day = old.utc_day AND path = old.path AND won = old.won AND deals = 0;
END;
--> statement-breakpoint
-- A new probability re-weighs every open deal of the stage (an admin's edit, rare).
CREATE TRIGGER `report_stage_probability_update` AFTER UPDATE OF probability_bp ON `stages` WHEN old.probability_bp != new.probability_bp BEGIN
  DELETE FROM report_open_weighted WHERE stage_id = new.id;
  INSERT INTO report_open_weighted
  SELECT d.pipeline_id, coalesce(d.owner_id, 0), d.stage_id, count(*), sum((d.value_cents * coalesce(d.probability_override_bp, new.probability_bp) + 5000) / 10000)
  FROM deals d WHERE d.stage_id = new.id AND d.status = 'open' GROUP BY 1, 2, 3;
END;
--> statement-breakpoint
CREATE TRIGGER `report_activities_insert` AFTER INSERT ON `activities` WHEN new.owner_id IS NOT NULL AND new.done_at IS NOT NULL BEGIN
  INSERT INTO report_activities VALUES (new.owner_id, new.done_at / 86400000, 1) ON CONFLICT DO UPDATE SET done = done + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `report_activities_delete` AFTER DELETE ON `activities` WHEN old.owner_id IS NOT NULL AND old.done_at IS NOT NULL BEGIN
  UPDATE report_activities SET done = done - 1 WHERE owner_id = old.owner_id AND utc_day = old.done_at / 86400000;
  DELETE FROM report_activities WHERE owner_id = old.owner_id AND utc_day = old.done_at / 86400000 AND done = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `report_activities_update` AFTER UPDATE OF owner_id, done_at ON `activities`
WHEN old.owner_id IS NOT new.owner_id OR old.done_at IS NOT new.done_at BEGIN
  UPDATE report_activities SET done = done - 1 WHERE owner_id = old.owner_id AND utc_day = old.done_at / 86400000;
  INSERT INTO report_activities SELECT new.owner_id, new.done_at / 86400000, 1 WHERE new.owner_id IS NOT NULL AND new.done_at IS NOT NULL
  ON CONFLICT DO UPDATE SET done = done + 1;
  DELETE FROM report_activities WHERE owner_id = old.owner_id AND utc_day = old.done_at / 86400000 AND done = 0;
END;
--> statement-breakpoint
ANALYZE;
