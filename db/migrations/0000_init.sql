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
CREATE TABLE `matter` (
	`id` text PRIMARY KEY NOT NULL,
	`matter_no` text NOT NULL,
	`visitor_id` text NOT NULL,
	`channel` text NOT NULL,
	`headcount` integer NOT NULL,
	`summary` text NOT NULL,
	`status` text NOT NULL,
	`received_at` text NOT NULL,
	`received_on` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`visitor_id`) REFERENCES `visitor`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `matter_matter_no_unique` ON `matter` (`matter_no`);--> statement-breakpoint
CREATE INDEX `matter_received_on_idx` ON `matter` (`received_on`);--> statement-breakpoint
CREATE INDEX `matter_visitor_idx` ON `matter` (`visitor_id`);--> statement-breakpoint
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
	CONSTRAINT "sync_state_single_row" CHECK("sync_state"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `visitor` (
	`id` text PRIMARY KEY NOT NULL,
	`id_type` text NOT NULL,
	`id_number` text NOT NULL,
	`name` text NOT NULL,
	`gender` text,
	`birth_date` text,
	`region_code` text,
	`phone` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `visitor_id_number_idx` ON `visitor` (`id_type`,`id_number`);