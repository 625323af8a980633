-- Search for leads as for contacts (FTS5, prefix-indexed), kept in step by triggers; and the
-- workspace's starting lists: lead sources, disqualify reasons and a few scoring rules to edit.
CREATE VIRTUAL TABLE `leads_fts` USING fts5(name, email, phone, company, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
--> statement-breakpoint
CREATE TRIGGER `leads_fts_insert` AFTER INSERT ON `leads` BEGIN
  INSERT INTO leads_fts (rowid, name, email, phone, company)
  VALUES (new.id, new.first_name || ' ' || new.last_name, coalesce(new.email, ''), coalesce(new.phone, ''), coalesce(new.company_name, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `leads_fts_update` AFTER UPDATE OF first_name, last_name, email, phone, company_name ON `leads` BEGIN
  DELETE FROM leads_fts WHERE rowid = old.id;
  INSERT INTO leads_fts (rowid, name, email, phone, company)
  VALUES (new.id, new.first_name || ' ' || new.last_name, coalesce(new.email, ''), coalesce(new.phone, ''), coalesce(new.company_name, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `leads_fts_delete` AFTER DELETE ON `leads` BEGIN
  DELETE FROM leads_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO `lead_sources` (name, position) VALUES ('Website form', 1), ('Referral', 2), ('Trade show', 3), ('Inbound call', 4), ('Cold outreach', 5), ('Import', 6), ('Other', 7);
--> statement-breakpoint
INSERT INTO `disqualify_reasons` (name, position) VALUES ('No budget', 1), ('Not a fit', 2), ('No response', 3), ('Went with a competitor', 4), ('Spam or fake', 5), ('Other', 6);
--> statement-breakpoint
INSERT INTO `lead_scoring_rules` (kind, field, operator, value, event, points, position) VALUES
  ('fit', 'title', 'contains', 'director', NULL, 15, 1),
  ('fit', 'email', 'is_free_mail', NULL, NULL, -10, 2),
  ('fit', 'company_name', 'is_set', NULL, NULL, 5, 3),
  ('engagement', NULL, NULL, NULL, 'submission', 10, 4),
  ('engagement', NULL, NULL, NULL, 'call', 5, 5),
  ('engagement', NULL, NULL, NULL, 'meeting', 5, 6);
