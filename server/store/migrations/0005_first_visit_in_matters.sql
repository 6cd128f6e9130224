ALTER TABLE "matters" ADD COLUMN "first_visit_id" uuid;--> statement-breakpoint
-- The first visits move into their matters' rows (schema.ts: matters, allVisits).
UPDATE "matters" SET "first_visit_id" = v."visit_id" FROM "visits" v WHERE v."kind" = 'first' AND v."matter_id" = "matters"."matter_id";--> statement-breakpoint
DELETE FROM "visits" WHERE "kind" = 'first';--> statement-breakpoint
CREATE UNIQUE INDEX "matters_first_visit_uq" ON "matters" USING btree ("first_visit_id");--> statement-breakpoint
CREATE VIEW "all_visits" AS
  SELECT "first_visit_id" AS "visit_id", "matter_id", "county_code", "device_id", 'first'::text AS "kind", "document_type", "document_number",
    "visitor_name", "channel", "headcount", false AS "terminated_matter", "received_at"
  FROM "matters" WHERE "first_visit_id" IS NOT NULL
  UNION ALL
  SELECT "visit_id", "matter_id", "county_code", "device_id", "kind", "document_type", "document_number",
    "visitor_name", "channel", "headcount", "terminated_matter", "received_at"
  FROM "visits";
