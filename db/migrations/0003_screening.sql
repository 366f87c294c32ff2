CREATE TABLE `jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`screening_id` integer NOT NULL,
	`status` text NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer NOT NULL,
	`lease_owner` text,
	`lease_until` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`error` text,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	FOREIGN KEY (`screening_id`) REFERENCES `screenings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_screening_idx` ON `jobs` (`screening_id`);--> statement-breakpoint
CREATE INDEX `jobs_claim_idx` ON `jobs` (`status`,`lease_until`);--> statement-breakpoint
CREATE TABLE `review_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`applicant_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`at` integer NOT NULL,
	`from_status` text NOT NULL,
	`to_status` text NOT NULL,
	`from_note` text NOT NULL,
	`to_note` text NOT NULL,
	FOREIGN KEY (`applicant_id`) REFERENCES `screening_applicants`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_events_applicant_idx` ON `review_events` (`applicant_id`);--> statement-breakpoint
CREATE TABLE `screening_applicants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`screening_id` integer NOT NULL,
	`position` integer NOT NULL,
	`sheet_row` integer,
	`name` text NOT NULL,
	`credit_code` text,
	`profile` text NOT NULL,
	`city` text,
	`not_screened` text,
	`answer` text,
	`eligible_count` integer,
	`possible_count` integer,
	`estimated_yuan` real,
	`changes` text,
	`review_status` text DEFAULT 'pending' NOT NULL,
	`review_note` text DEFAULT '' NOT NULL,
	`reviewed_by` integer,
	`reviewed_at` integer,
	FOREIGN KEY (`screening_id`) REFERENCES `screenings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `screening_applicants_position_idx` ON `screening_applicants` (`screening_id`,`position`);--> statement-breakpoint
CREATE INDEX `screening_applicants_yuan_idx` ON `screening_applicants` (`screening_id`,`estimated_yuan`);--> statement-breakpoint
CREATE INDEX `screening_applicants_credit_code_idx` ON `screening_applicants` (`credit_code`);--> statement-breakpoint
CREATE TABLE `screening_fragments` (
	`screening_id` integer NOT NULL,
	`no` integer NOT NULL,
	`json` text NOT NULL,
	PRIMARY KEY(`screening_id`, `no`),
	FOREIGN KEY (`screening_id`) REFERENCES `screenings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `screenings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`ruleset_version` text NOT NULL,
	`as_of` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`source` text NOT NULL,
	`file_name` text,
	`file_sha256` text,
	`file_encoding` text,
	`file_bytes` integer,
	`columns` text,
	`unread` text,
	`rerun_of` integer,
	`applicant_count` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `screenings_created_idx` ON `screenings` (`created_at`);