ALTER TABLE `screenings` ADD `unit` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `screenings_unit_idx` ON `screenings` (`unit`,`id`);--> statement-breakpoint
ALTER TABLE `users` ADD `unit` text DEFAULT '' NOT NULL;