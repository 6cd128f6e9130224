-- A campaign's period and the counties it is assigned to (issue #14). No route wrote campaigns
-- before this, but a row made by hand keeps its matters: the period starts on the (Beijing) day it was
-- made, and it is assigned to the counties of the matters already attached.
ALTER TABLE "city_campaigns" ADD COLUMN "starts_on" date;--> statement-breakpoint
ALTER TABLE "city_campaigns" ADD COLUMN "county_codes" varchar(6)[];--> statement-breakpoint
UPDATE "city_campaigns" c SET "starts_on" = LEAST((c."created_at" AT TIME ZONE 'UTC' + interval '8 hours')::date, c."due_on"),
  "county_codes" = ARRAY(SELECT DISTINCT m."county_code" FROM "city_campaign_matters" m WHERE m."campaign_id" = c."campaign_id" ORDER BY 1);--> statement-breakpoint
ALTER TABLE "city_campaigns" ALTER COLUMN "starts_on" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "city_campaigns" ALTER COLUMN "county_codes" SET NOT NULL;
