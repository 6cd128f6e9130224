CREATE TABLE "termination_register" (
	"matter_id" uuid PRIMARY KEY NOT NULL,
	"matter_no" text NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"document_hash" varchar(64) NOT NULL,
	"received_on" date NOT NULL,
	"terminated_on" date NOT NULL,
	"active" boolean NOT NULL,
	"change_seq" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "origin" text DEFAULT 'window' NOT NULL;--> statement-breakpoint
ALTER TABLE "matters" ADD COLUMN "steps" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "termination_register_change_seq_uq" ON "termination_register" USING btree ("change_seq");--> statement-breakpoint
-- The matters terminated before the register existed enter it, each with a change number of its
-- own after the counter's current value, so every device pulls them once.
INSERT INTO "change_counter" ("id", "value") VALUES (1, 0) ON CONFLICT ("id") DO NOTHING;--> statement-breakpoint
INSERT INTO "termination_register" ("matter_id", "matter_no", "county_code", "document_hash", "received_on", "terminated_on", "active", "change_seq")
SELECT m."matter_id", m."matter_no", m."county_code",
  encode(sha256(convert_to('xf-termination-v1:' || upper(trim(m."document_number")), 'UTF8')), 'hex'),
  (m."received_at" AT TIME ZONE 'Asia/Shanghai')::date,
  coalesce((m."lifecycle"->>'terminatedOn')::date, (m."received_at" AT TIME ZONE 'Asia/Shanghai')::date),
  true,
  (SELECT "value" FROM "change_counter" WHERE "id" = 1) + row_number() OVER (ORDER BY m."received_at", m."matter_id")
FROM "matters" m WHERE m."status" = 'terminated';--> statement-breakpoint
UPDATE "change_counter" SET "value" = "value" + (SELECT count(*) FROM "termination_register") WHERE "id" = 1;
