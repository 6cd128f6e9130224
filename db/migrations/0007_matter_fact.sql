CREATE TABLE `matter_fact` (
	`matter_id` text PRIMARY KEY NOT NULL,
	`acceptance_due` text NOT NULL,
	`decided` integer DEFAULT false NOT NULL,
	`decided_in_time` integer DEFAULT false NOT NULL,
	`handling_due` text,
	`closed` integer DEFAULT false NOT NULL,
	`closed_in_time` integer DEFAULT false NOT NULL,
	`window_end` text,
	`returned` integer DEFAULT false NOT NULL,
	`closed_on` text,
	`rated` integer DEFAULT false NOT NULL,
	`satisfied` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `matter_fact_acceptance_idx` ON `matter_fact` (`acceptance_due`,`decided`,`decided_in_time`);--> statement-breakpoint
CREATE INDEX `matter_fact_handling_idx` ON `matter_fact` (`handling_due`,`closed`,`closed_in_time`);--> statement-breakpoint
CREATE INDEX `matter_fact_window_idx` ON `matter_fact` (`window_end`,`returned`);--> statement-breakpoint
CREATE INDEX `matter_fact_closed_idx` ON `matter_fact` (`closed_on`,`rated`,`satisfied`);