-- The work queue's partial index (db/queue.ts): open matters only, in the queue's order, covering
-- what its runs read; it replaces the (status, next_due) index the queue sorted from in memory.
DROP INDEX `matter_due_idx`;--> statement-breakpoint
CREATE INDEX `matter_queue_idx` ON `matter` (`next_due`,`matter_no`,`next_step`,`status`,`voided_at`) WHERE "matter"."status" NOT IN ('guided', 'not-accepted', 'closed', 'terminated') AND "matter"."voided_at" IS NULL;