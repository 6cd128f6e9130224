CREATE TABLE "devices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"name" text NOT NULL,
	"enrolled_name" text,
	"device_code" text NOT NULL,
	"token_hash" text,
	"enrollment_code_hash" text NOT NULL,
	"enrollment_used_at" timestamp with time zone,
	"enrolled_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"device_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"entity_id" text NOT NULL,
	"occurred_at" text NOT NULL,
	"payload" jsonb NOT NULL,
	"batch_id" uuid NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_device_id_seq_pk" PRIMARY KEY("device_id","seq")
);
--> statement-breakpoint
CREATE TABLE "matters" (
	"matter_id" uuid PRIMARY KEY NOT NULL,
	"matter_no" text NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"device_id" uuid NOT NULL,
	"visitor_id" uuid NOT NULL,
	"visitor_name" text NOT NULL,
	"document_type" text NOT NULL,
	"document_number" text NOT NULL,
	"visitor" jsonb NOT NULL,
	"representatives" jsonb NOT NULL,
	"channel" text NOT NULL,
	"headcount" bigint NOT NULL,
	"category_code" text NOT NULL,
	"place_region" text NOT NULL,
	"respondent" text NOT NULL,
	"summary" text NOT NULL,
	"facts" text NOT NULL,
	"flags" jsonb NOT NULL,
	"status" text DEFAULT 'registered' NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"clock_offset_ms" bigint
);
--> statement-breakpoint
CREATE TABLE "quarantine" (
	"device_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"event_id" uuid NOT NULL,
	"type" text NOT NULL,
	"entity_id" text NOT NULL,
	"occurred_at" text NOT NULL,
	"payload" jsonb NOT NULL,
	"batch_id" uuid NOT NULL,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quarantine_device_id_seq_pk" PRIMARY KEY("device_id","seq")
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"visit_id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"device_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"document_type" text NOT NULL,
	"document_number" text NOT NULL,
	"visitor_name" text NOT NULL,
	"channel" text NOT NULL,
	"headcount" bigint NOT NULL,
	"terminated_matter" boolean DEFAULT false NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matters" ADD CONSTRAINT "matters_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarantine" ADD CONSTRAINT "quarantine_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visits" ADD CONSTRAINT "visits_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "devices_county_device_code_uq" ON "devices" USING btree ("county_code","device_code");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_token_hash_uq" ON "devices" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "devices_enrollment_code_hash_uq" ON "devices" USING btree ("enrollment_code_hash");--> statement-breakpoint
CREATE INDEX "events_entity_idx" ON "events" USING btree ("entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matters_matter_no_uq" ON "matters" USING btree ("matter_no");--> statement-breakpoint
CREATE INDEX "matters_county_idx" ON "matters" USING btree ("county_code");--> statement-breakpoint
CREATE INDEX "matters_document_idx" ON "matters" USING btree ("document_number","document_type");--> statement-breakpoint
CREATE INDEX "visits_matter_idx" ON "visits" USING btree ("matter_id");--> statement-breakpoint
CREATE INDEX "visits_document_idx" ON "visits" USING btree ("document_number","document_type");