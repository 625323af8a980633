-- Full-text search for contacts and companies (FTS5, prefix-indexed so that "ann" finds "Annabel").
-- Contentless tables keyed by the row id; triggers keep them in step with their tables.
CREATE VIRTUAL TABLE `contacts_fts` USING fts5(name, email, phone, company, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
--> statement-breakpoint
CREATE VIRTUAL TABLE `companies_fts` USING fts5(name, domain, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2', prefix='1 2 3');
--> statement-breakpoint
INSERT INTO `contacts_fts` (rowid, name, email, phone, company)
  SELECT c.id, c.first_name || ' ' || c.last_name, coalesce(c.email, ''), coalesce(c.phone, ''), coalesce(co.name, '')
  FROM contacts c LEFT JOIN companies co ON co.id = c.company_id;
--> statement-breakpoint
INSERT INTO `companies_fts` (rowid, name, domain) SELECT id, name, coalesce(domain, '') FROM companies;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_insert` AFTER INSERT ON `contacts` BEGIN
  INSERT INTO contacts_fts (rowid, name, email, phone, company)
  VALUES (new.id, new.first_name || ' ' || new.last_name, coalesce(new.email, ''), coalesce(new.phone, ''),
          coalesce((SELECT name FROM companies WHERE id = new.company_id), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_update` AFTER UPDATE OF first_name, last_name, email, phone, company_id ON `contacts` BEGIN
  DELETE FROM contacts_fts WHERE rowid = old.id;
  INSERT INTO contacts_fts (rowid, name, email, phone, company)
  VALUES (new.id, new.first_name || ' ' || new.last_name, coalesce(new.email, ''), coalesce(new.phone, ''),
          coalesce((SELECT name FROM companies WHERE id = new.company_id), ''));
END;
--> statement-breakpoint
CREATE TRIGGER `contacts_fts_delete` AFTER DELETE ON `contacts` BEGIN
  DELETE FROM contacts_fts WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `companies_fts_insert` AFTER INSERT ON `companies` BEGIN
  INSERT INTO companies_fts (rowid, name, domain) VALUES (new.id, new.name, coalesce(new.domain, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `companies_fts_update` AFTER UPDATE OF name, domain ON `companies` BEGIN
  DELETE FROM companies_fts WHERE rowid = old.id;
  INSERT INTO companies_fts (rowid, name, domain) VALUES (new.id, new.name, coalesce(new.domain, ''));
  -- A renamed company is found through its contacts too.
  DELETE FROM contacts_fts WHERE rowid IN (SELECT id FROM contacts WHERE company_id = new.id);
  INSERT INTO contacts_fts (rowid, name, email, phone, company)
    SELECT c.id, c.first_name || ' ' || c.last_name, coalesce(c.email, ''), coalesce(c.phone, ''), new.name
    FROM contacts c WHERE c.company_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `companies_fts_delete` AFTER DELETE ON `companies` BEGIN
  DELETE FROM companies_fts WHERE rowid = old.id;
END;
