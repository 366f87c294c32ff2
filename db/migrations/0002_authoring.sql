CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`rule_id` text,
	`document_id` text,
	`version` integer,
	`previous_version` integer,
	`message` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_rule_idx` ON `audit_log` (`rule_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_log_action_idx` ON `audit_log` (`action`,`id`);--> statement-breakpoint
CREATE TABLE `ruleset_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`generation` integer NOT NULL,
	`changed_at` integer NOT NULL
);
