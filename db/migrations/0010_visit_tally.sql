CREATE TABLE `visit_tally` (
	`day` text PRIMARY KEY NOT NULL,
	`visits` integer DEFAULT 0 NOT NULL,
	`first_visits` integer DEFAULT 0 NOT NULL,
	`repeat_visits` integer DEFAULT 0 NOT NULL,
	`people` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- Custom SQL: visit_tally is kept by triggers, in the transaction that writes the visit, so 统计's
-- visit counts sum days (db/figures.ts visitCounts). A voided registration's visits count nowhere:
-- voiding takes them out, and a visit of a voided matter is never put in.
CREATE TRIGGER `visit_tally_insert` AFTER INSERT ON `visit`
WHEN NOT EXISTS (SELECT 1 FROM `matter` WHERE id = NEW.matter_id AND voided_at IS NOT NULL) BEGIN
  INSERT INTO `visit_tally` (day, visits, first_visits, repeat_visits, people)
  VALUES (NEW.received_on, 1, NEW.kind = 'first', NEW.kind = 'repeat', NEW.headcount)
  ON CONFLICT (day) DO UPDATE SET visits = visits + excluded.visits, first_visits = first_visits + excluded.first_visits,
    repeat_visits = repeat_visits + excluded.repeat_visits, people = people + excluded.people;
END
--> statement-breakpoint
CREATE TRIGGER `visit_tally_delete` AFTER DELETE ON `visit`
WHEN NOT EXISTS (SELECT 1 FROM `matter` WHERE id = OLD.matter_id AND voided_at IS NOT NULL) BEGIN
  INSERT INTO `visit_tally` (day, visits, first_visits, repeat_visits, people)
  VALUES (OLD.received_on, -1, -(OLD.kind = 'first'), -(OLD.kind = 'repeat'), -OLD.headcount)
  ON CONFLICT (day) DO UPDATE SET visits = visits + excluded.visits, first_visits = first_visits + excluded.first_visits,
    repeat_visits = repeat_visits + excluded.repeat_visits, people = people + excluded.people;
END
--> statement-breakpoint
-- A corrected visit (headcount, day…): the old one taken out and the new one put in, each only if its matter counts.
CREATE TRIGGER `visit_tally_update` AFTER UPDATE OF received_on, kind, headcount, matter_id ON `visit` BEGIN
  INSERT INTO `visit_tally` (day, visits, first_visits, repeat_visits, people)
  SELECT day, sum(v), sum(f), sum(r), sum(p) FROM (
    SELECT OLD.received_on AS day, -1 AS v, -(OLD.kind = 'first') AS f, -(OLD.kind = 'repeat') AS r, -OLD.headcount AS p
    WHERE NOT EXISTS (SELECT 1 FROM `matter` WHERE id = OLD.matter_id AND voided_at IS NOT NULL)
    UNION ALL SELECT NEW.received_on, 1, NEW.kind = 'first', NEW.kind = 'repeat', NEW.headcount
    WHERE NOT EXISTS (SELECT 1 FROM `matter` WHERE id = NEW.matter_id AND voided_at IS NOT NULL)
  ) WHERE true GROUP BY day
  ON CONFLICT (day) DO UPDATE SET visits = visits + excluded.visits, first_visits = first_visits + excluded.first_visits,
    repeat_visits = repeat_visits + excluded.repeat_visits, people = people + excluded.people;
END
--> statement-breakpoint
-- Voiding a registration takes its visits out of the days they were received on (and un-voiding would put them back).
CREATE TRIGGER `visit_tally_void` AFTER UPDATE OF voided_at ON `matter`
WHEN (OLD.voided_at IS NULL) <> (NEW.voided_at IS NULL) BEGIN
  INSERT INTO `visit_tally` (day, visits, first_visits, repeat_visits, people)
  SELECT received_on, s * count(*), s * sum(kind = 'first'), s * sum(kind = 'repeat'), s * sum(headcount)
  FROM `visit`, (SELECT CASE WHEN NEW.voided_at IS NULL THEN 1 ELSE -1 END AS s)
  WHERE matter_id = NEW.id GROUP BY received_on
  ON CONFLICT (day) DO UPDATE SET visits = visits + excluded.visits, first_visits = first_visits + excluded.first_visits,
    repeat_visits = repeat_visits + excluded.repeat_visits, people = people + excluded.people;
END
--> statement-breakpoint
-- The visits a store already holds, summed once.
INSERT INTO `visit_tally` (day, visits, first_visits, repeat_visits, people)
SELECT received_on, count(*), sum(kind = 'first'), sum(kind = 'repeat'), sum(headcount) FROM `visit`
WHERE matter_id NOT IN (SELECT id FROM `matter` WHERE voided_at IS NOT NULL) GROUP BY received_on;
