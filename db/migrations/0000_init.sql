CREATE TABLE `attachment` (
	`id` text PRIMARY KEY NOT NULL,
	`matter_id` text NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`mime` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` text NOT NULL,
	`uploaded_at` text,
	FOREIGN KEY (`matter_id`) REFERENCES `matter`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attachment_matter_idx` ON `attachment` (`matter_id`);--> statement-breakpoint
CREATE TABLE `campaign` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`issued_by` text NOT NULL,
	`issued_at` text NOT NULL,
	`due_on` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `campaign_matter` (
	`campaign_id` text NOT NULL,
	`matter_id` text NOT NULL,
	PRIMARY KEY(`campaign_id`, `matter_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaign`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`matter_id`) REFERENCES `matter`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `counter` (
	`name` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `device` (
	`id` integer PRIMARY KEY NOT NULL,
	`install_id` text NOT NULL,
	`server_url` text,
	`device_id` text,
	`device_code` text,
	`county_code` text,
	`token` text,
	`enrolled_at` text,
	CONSTRAINT "device_single_row" CHECK("device"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `document` (
	`id` text PRIMARY KEY NOT NULL,
	`matter_id` text NOT NULL,
	`kind` text NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`created_at` text NOT NULL,
	`delivery_method` text,
	`delivered_to` text,
	`delivered_at` text,
	FOREIGN KEY (`matter_id`) REFERENCES `matter`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_matter_idx` ON `document` (`matter_id`);--> statement-breakpoint
CREATE TABLE `draft` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`data` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `leader_case` (
	`matter_id` text PRIMARY KEY NOT NULL,
	`leader` text NOT NULL,
	`staff` text NOT NULL,
	`plan` text NOT NULL,
	`due_on` text NOT NULL,
	`assigned_at` text NOT NULL,
	FOREIGN KEY (`matter_id`) REFERENCES `matter`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `matter` (
	`id` text PRIMARY KEY NOT NULL,
	`matter_no` text NOT NULL,
	`visitor_id` text NOT NULL,
	`channel` text NOT NULL,
	`headcount` integer NOT NULL,
	`category_code` text DEFAULT '' NOT NULL,
	`place_region` text DEFAULT '' NOT NULL,
	`respondent` text DEFAULT '' NOT NULL,
	`summary` text NOT NULL,
	`facts` text DEFAULT '' NOT NULL,
	`skip_level` text,
	`cross_region` integer DEFAULT false NOT NULL,
	`cross_department` integer DEFAULT false NOT NULL,
	`cross_sector` integer DEFAULT false NOT NULL,
	`person_household_apart` integer DEFAULT false NOT NULL,
	`person_matter_apart` integer DEFAULT false NOT NULL,
	`matter_household_apart` integer DEFAULT false NOT NULL,
	`law_related` integer DEFAULT false NOT NULL,
	`major_urgent` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`lifecycle` text DEFAULT '{}' NOT NULL,
	`next_step` text,
	`next_due` text,
	`reporter_protected` integer DEFAULT false NOT NULL,
	`received_at` text NOT NULL,
	`received_on` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitor`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `matter_matter_no_unique` ON `matter` (`matter_no`);--> statement-breakpoint
CREATE INDEX `matter_received_on_idx` ON `matter` (`received_on`);--> statement-breakpoint
CREATE INDEX `matter_visitor_idx` ON `matter` (`visitor_id`);--> statement-breakpoint
CREATE INDEX `matter_due_idx` ON `matter` (`status`,`next_due`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`type` text NOT NULL,
	`entity_id` text NOT NULL,
	`occurred_at` text NOT NULL,
	`payload` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_id_unique` ON `outbox` (`id`);--> statement-breakpoint
CREATE INDEX `outbox_entity_idx` ON `outbox` (`entity_id`);--> statement-breakpoint
CREATE TABLE `participant` (
	`id` text PRIMARY KEY NOT NULL,
	`visit_id` text NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`organisation` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`visit_id`) REFERENCES `visit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `participant_visit_idx` ON `participant` (`visit_id`);--> statement-breakpoint
CREATE TABLE `reference_data` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `representative` (
	`visit_id` text NOT NULL,
	`ordinal` integer NOT NULL,
	`visitor_id` text NOT NULL,
	PRIMARY KEY(`visit_id`, `ordinal`),
	FOREIGN KEY (`visit_id`) REFERENCES `visit`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitor`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "representative_at_most_5" CHECK("representative"."ordinal" BETWEEN 1 AND 5)
);
--> statement-breakpoint
CREATE INDEX `representative_visitor_idx` ON `representative` (`visitor_id`);--> statement-breakpoint
CREATE TABLE `setting` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `supervision` (
	`id` text PRIMARY KEY NOT NULL,
	`matter_id` text NOT NULL,
	`notice_no` text NOT NULL,
	`issued_by` text NOT NULL,
	`issued_at` text NOT NULL,
	`due_on` text NOT NULL,
	`content` text NOT NULL,
	`resolved_at` text,
	`origin` text DEFAULT 'local' NOT NULL,
	FOREIGN KEY (`matter_id`) REFERENCES `matter`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `supervision_matter_idx` ON `supervision` (`matter_id`);--> statement-breakpoint
CREATE TABLE `sync_rejection` (
	`seq` integer PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`message` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`last_acked_seq` integer DEFAULT 0 NOT NULL,
	`last_success_at` text,
	`last_attempt_at` text,
	`last_error_code` text,
	`last_error_message` text,
	`clock_offset_ms` integer,
	`pull_cursor` text,
	CONSTRAINT "sync_state_single_row" CHECK("sync_state"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `transition` (
	`id` text PRIMARY KEY NOT NULL,
	`matter_id` text NOT NULL,
	`from_state` text NOT NULL,
	`to_state` text NOT NULL,
	`command` text NOT NULL,
	`actor_id` text NOT NULL,
	`actor_name` text NOT NULL,
	`actor_role` text NOT NULL,
	`at` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`documents` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`matter_id`) REFERENCES `matter`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transition_matter_idx` ON `transition` (`matter_id`);--> statement-breakpoint
CREATE TABLE `visit` (
	`id` text PRIMARY KEY NOT NULL,
	`matter_id` text NOT NULL,
	`visitor_id` text NOT NULL,
	`kind` text NOT NULL,
	`visitor_name` text NOT NULL,
	`channel` text NOT NULL,
	`headcount` integer NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`received_at` text NOT NULL,
	`received_on` text NOT NULL,
	FOREIGN KEY (`matter_id`) REFERENCES `matter`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitor`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visit_matter_idx` ON `visit` (`matter_id`);--> statement-breakpoint
CREATE INDEX `visit_received_on_idx` ON `visit` (`received_on`);--> statement-breakpoint
CREATE TABLE `visitor` (
	`id` text PRIMARY KEY NOT NULL,
	`id_type` text NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`gender` text,
	`ethnicity` text DEFAULT '' NOT NULL,
	`birth_date` text,
	`region_code` text,
	`mobile` text DEFAULT '' NOT NULL,
	`landline` text DEFAULT '' NOT NULL,
	`household_region` text DEFAULT '' NOT NULL,
	`household_address` text DEFAULT '' NOT NULL,
	`current_region` text DEFAULT '' NOT NULL,
	`current_address` text DEFAULT '' NOT NULL,
	`work_unit` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `visitor_document_idx` ON `visitor` (`id_number`,`id_type`);--> statement-breakpoint
CREATE INDEX `visitor_name_mobile_idx` ON `visitor` (`name`,`mobile`);