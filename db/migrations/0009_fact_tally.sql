CREATE TABLE `fact_tally` (
	`kind` text NOT NULL,
	`day` text NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`met` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`kind`, `day`)
);
--> statement-breakpoint
-- Custom SQL: fact_tally is kept by triggers on matter_fact, in the transaction that writes the
-- facts, so a period's rates sum days (db/figureFacts.ts factTallies). What one facts row adds, by
-- kind and due day (domain/figures/facts.ts counts): 'acceptance' on its acceptance_due, done when
-- decided, met when decided in time; 'handling' on its handling_due (none without one), done when
-- closed, met when closed in time; 'window' on its window_end, met when nothing undid it; 'rating'
-- on its closed_on, done when rated, met when satisfied. Removing a row adds the same with -1.
-- (The WHERE before ON CONFLICT is also what tells SQLite's parser the SELECT has ended.)
CREATE TRIGGER `fact_tally_insert` AFTER INSERT ON `matter_fact` BEGIN
  INSERT INTO `fact_tally` (kind, day, total, done, met)
  SELECT kind, day, 1, done, met FROM (
    SELECT 'acceptance' AS kind, NEW.acceptance_due AS day, NEW.decided AS done, NEW.decided_in_time AS met
    UNION ALL SELECT 'handling', NEW.handling_due, NEW.closed, NEW.closed_in_time
    UNION ALL SELECT 'window', NEW.window_end, 0, NOT NEW.returned
    UNION ALL SELECT 'rating', NEW.closed_on, NEW.rated, NEW.satisfied AND NEW.rated
  ) WHERE day IS NOT NULL
  ON CONFLICT (kind, day) DO UPDATE SET total = total + excluded.total, done = done + excluded.done, met = met + excluded.met;
END
--> statement-breakpoint
CREATE TRIGGER `fact_tally_delete` AFTER DELETE ON `matter_fact` BEGIN
  INSERT INTO `fact_tally` (kind, day, total, done, met)
  SELECT kind, day, -1, -done, -met FROM (
    SELECT 'acceptance' AS kind, OLD.acceptance_due AS day, OLD.decided AS done, OLD.decided_in_time AS met
    UNION ALL SELECT 'handling', OLD.handling_due, OLD.closed, OLD.closed_in_time
    UNION ALL SELECT 'window', OLD.window_end, 0, NOT OLD.returned
    UNION ALL SELECT 'rating', OLD.closed_on, OLD.rated, OLD.satisfied AND OLD.rated
  ) WHERE day IS NOT NULL
  ON CONFLICT (kind, day) DO UPDATE SET total = total + excluded.total, done = done + excluded.done, met = met + excluded.met;
END
--> statement-breakpoint
-- A changed row (putFacts' upsert fires this too): the old row taken out, the new one put in, as one sum.
CREATE TRIGGER `fact_tally_update` AFTER UPDATE ON `matter_fact` BEGIN
  INSERT INTO `fact_tally` (kind, day, total, done, met)
  SELECT kind, day, sum(total), sum(done), sum(met) FROM (
    SELECT 'acceptance' AS kind, OLD.acceptance_due AS day, -1 AS total, -OLD.decided AS done, -OLD.decided_in_time AS met
    UNION ALL SELECT 'handling', OLD.handling_due, -1, -OLD.closed, -OLD.closed_in_time
    UNION ALL SELECT 'window', OLD.window_end, -1, 0, -(NOT OLD.returned)
    UNION ALL SELECT 'rating', OLD.closed_on, -1, -OLD.rated, -(OLD.satisfied AND OLD.rated)
    UNION ALL SELECT 'acceptance', NEW.acceptance_due, 1, NEW.decided, NEW.decided_in_time
    UNION ALL SELECT 'handling', NEW.handling_due, 1, NEW.closed, NEW.closed_in_time
    UNION ALL SELECT 'window', NEW.window_end, 1, 0, NOT NEW.returned
    UNION ALL SELECT 'rating', NEW.closed_on, 1, NEW.rated, NEW.satisfied AND NEW.rated
  ) WHERE day IS NOT NULL GROUP BY kind, day
  ON CONFLICT (kind, day) DO UPDATE SET total = total + excluded.total, done = done + excluded.done, met = met + excluded.met;
END
--> statement-breakpoint
-- The facts a store already holds, summed once.
INSERT INTO `fact_tally` (kind, day, total, done, met)
SELECT 'acceptance', acceptance_due, count(*), sum(decided), sum(decided_in_time) FROM `matter_fact` GROUP BY acceptance_due
UNION ALL SELECT 'handling', handling_due, count(*), sum(closed), sum(closed_in_time) FROM `matter_fact` WHERE handling_due IS NOT NULL GROUP BY handling_due
UNION ALL SELECT 'window', window_end, count(*), 0, sum(NOT returned) FROM `matter_fact` WHERE window_end IS NOT NULL GROUP BY window_end
UNION ALL SELECT 'rating', closed_on, count(*), sum(rated), sum(satisfied AND rated) FROM `matter_fact` WHERE closed_on IS NOT NULL GROUP BY closed_on;
