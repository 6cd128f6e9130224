CREATE TABLE "person_lookups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"device_id" uuid,
	"document_type" text,
	"document_number" text NOT NULL,
	"matters_found" integer NOT NULL,
	"looked_up_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Renamed in schema.ts (证件 is "credential"): renaming keeps the indexes instead of building them again.
ALTER INDEX "matters_document_idx" RENAME TO "matters_credential_idx";--> statement-breakpoint
ALTER INDEX "visits_document_idx" RENAME TO "visits_credential_idx";--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "enrollment_expires_at" timestamp with time zone;--> statement-breakpoint
-- A code issued before codes expired gets the default seven days from its creation.
UPDATE "devices" SET "enrollment_expires_at" = "created_at" + interval '7 days';--> statement-breakpoint
ALTER TABLE "devices" ALTER COLUMN "enrollment_expires_at" SET NOT NULL;--> statement-breakpoint
CREATE INDEX "person_lookups_credential_idx" ON "person_lookups" USING btree ("document_number","document_type");--> statement-breakpoint
CREATE INDEX "person_lookups_device_idx" ON "person_lookups" USING btree ("device_id","looked_up_at");
