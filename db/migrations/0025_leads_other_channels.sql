ALTER TABLE `leads` ADD `other_emails` text;--> statement-breakpoint
ALTER TABLE `leads` ADD `other_phones` text;