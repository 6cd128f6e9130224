CREATE TABLE "city_audit" (
	"id" uuid PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"staff_id" uuid,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"target" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "city_campaign_matters" (
	"campaign_id" uuid NOT NULL,
	"matter_id" uuid NOT NULL,
	"county_code" varchar(6) NOT NULL,
	CONSTRAINT "city_campaign_matters_campaign_id_matter_id_pk" PRIMARY KEY("campaign_id","matter_id")
);
--> statement-breakpoint
CREATE TABLE "city_campaigns" (
	"campaign_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"due_on" date NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "city_staff" (
	"staff_id" uuid PRIMARY KEY NOT NULL,
	"user_no" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "city_staff_user_no_uq" UNIQUE("user_no")
);
--> statement-breakpoint
CREATE TABLE "console_sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"staff_id" uuid NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reference_history" (
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"value" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" text NOT NULL,
	CONSTRAINT "reference_history_key_version_pk" PRIMARY KEY("key","version")
);
--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "last_contact_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "app_version" text;--> statement-breakpoint
ALTER TABLE "devices" ADD COLUMN "backlog" integer;--> statement-breakpoint
ALTER TABLE "reference_data" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "city_campaign_matters" ADD CONSTRAINT "city_campaign_matters_campaign_id_city_campaigns_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."city_campaigns"("campaign_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "city_campaign_matters" ADD CONSTRAINT "city_campaign_matters_matter_id_matters_matter_id_fk" FOREIGN KEY ("matter_id") REFERENCES "public"."matters"("matter_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "console_sessions" ADD CONSTRAINT "console_sessions_staff_id_city_staff_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."city_staff"("staff_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "city_audit_at_idx" ON "city_audit" USING btree ("at");--> statement-breakpoint
CREATE INDEX "console_sessions_staff_idx" ON "console_sessions" USING btree ("staff_id");