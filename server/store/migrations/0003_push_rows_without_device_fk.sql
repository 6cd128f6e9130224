ALTER TABLE "events" DROP CONSTRAINT "events_device_id_devices_id_fk";
--> statement-breakpoint
ALTER TABLE "matters" DROP CONSTRAINT "matters_device_id_devices_id_fk";
--> statement-breakpoint
ALTER TABLE "quarantine" DROP CONSTRAINT "quarantine_device_id_devices_id_fk";
--> statement-breakpoint
ALTER TABLE "visits" DROP CONSTRAINT "visits_device_id_devices_id_fk";
