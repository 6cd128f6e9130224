CREATE TABLE "matter_facts" (
	"matter_id" uuid PRIMARY KEY NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"acceptance_due" date NOT NULL,
	"decided" boolean DEFAULT false NOT NULL,
	"decided_in_time" boolean DEFAULT false NOT NULL,
	"handling_due" date,
	"closed" boolean DEFAULT false NOT NULL,
	"closed_in_time" boolean DEFAULT false NOT NULL,
	"window_end" date,
	"returned" boolean DEFAULT false NOT NULL,
	"closed_on" date,
	"rated" boolean DEFAULT false NOT NULL,
	"satisfied" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matter_facts_basis" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"basis" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "matter_facts_acceptance_idx" ON "matter_facts" USING btree ("acceptance_due","county_code","decided","decided_in_time");--> statement-breakpoint
CREATE INDEX "matter_facts_handling_idx" ON "matter_facts" USING btree ("handling_due","county_code","closed","closed_in_time");--> statement-breakpoint
CREATE INDEX "matter_facts_window_idx" ON "matter_facts" USING btree ("window_end","county_code","returned");--> statement-breakpoint
CREATE INDEX "matter_facts_closed_idx" ON "matter_facts" USING btree ("closed_on","county_code","rated","satisfied");