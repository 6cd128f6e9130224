CREATE TABLE "attachment_upload_parts" (
	"device_id" uuid NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"offset" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "attachment_upload_parts_device_id_sha256_offset_pk" PRIMARY KEY("device_id","sha256","offset")
);
--> statement-breakpoint
CREATE TABLE "attachment_uploads" (
	"device_id" uuid NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"total" integer NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachment_uploads_device_id_sha256_pk" PRIMARY KEY("device_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "attachments" (
	"county_code" varchar(6) NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"device_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attachments_county_code_sha256_pk" PRIMARY KEY("county_code","sha256")
);
--> statement-breakpoint
CREATE TABLE "change_counter" (
	"id" smallint PRIMARY KEY NOT NULL,
	"value" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_data" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"change_seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_notices" (
	"id" uuid PRIMARY KEY NOT NULL,
	"matter_id" uuid NOT NULL,
	"matter_no" text NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"notice_no" text NOT NULL,
	"issued_by" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_on" date NOT NULL,
	"content" text NOT NULL,
	"change_seq" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attachment_upload_parts" ADD CONSTRAINT "attachment_upload_parts_device_id_sha256_attachment_uploads_device_id_sha256_fk" FOREIGN KEY ("device_id","sha256") REFERENCES "public"."attachment_uploads"("device_id","sha256") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachment_uploads" ADD CONSTRAINT "attachment_uploads_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_device_id_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."devices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_notices" ADD CONSTRAINT "supervision_notices_matter_id_matters_matter_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("matter_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reference_data_change_seq_uq" ON "reference_data" USING btree ("change_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_notices_year_number_uq" ON "supervision_notices" USING btree ("year","number");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_notices_county_change_uq" ON "supervision_notices" USING btree ("county_code","change_seq");