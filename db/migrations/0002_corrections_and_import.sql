CREATE TABLE `matter_correction` (
	`id` text PRIMARY KEY NOT NULL,
	`matter_id` text NOT NULL,
	`kind` text NOT NULL,
	`changes` text DEFAULT '[]' NOT NULL,
	`withdrawn_transition_id` text,
	`from_state` text,
	`to_state` text,
	`reason` text NOT NULL,
	`actor_id` text NOT NULL,
	`actor_name` text NOT NULL,
	`actor_role` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`matter_id`) REFERENCES `matter`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_transition_id`) REFERENCES `transition`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `matter_correction_matter_idx` ON `matter_correction` (`matter_id`);--> statement-breakpoint
CREATE TABLE `termination_entry` (
	`matter_id` text PRIMARY KEY NOT NULL,
	`matter_no` text NOT NULL,
	`county_code` text NOT NULL,
	`document_hash` text NOT NULL,
	`terminated_on` text NOT NULL,
	`active` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `termination_entry_document_idx` ON `termination_entry` (`document_hash`);--> statement-breakpoint
ALTER TABLE `matter` ADD `voided_at` text;--> statement-breakpoint
ALTER TABLE `matter` ADD `origin` text DEFAULT 'window' NOT NULL;--> statement-breakpoint
ALTER TABLE `matter` ADD `source_no` text DEFAULT '' NOT NULL;