CREATE TABLE "fact_tallies" (
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"county_code" varchar(6) NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"met" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "fact_tallies_kind_day_county_code_pk" PRIMARY KEY("kind","day","county_code")
);
--> statement-breakpoint
-- Custom SQL: fact_tallies is kept by statement triggers on matter_facts, in the transaction that
-- writes the facts, so a period's rates sum days (city/figureFacts.ts countyTallies). What one
-- facts row adds, by county, kind and due day (domain/figures/facts.ts counts): 'acceptance' on
-- its acceptance_due, done when decided, met when decided in time; 'handling' on its handling_due
-- (none without one), done when closed, met when closed in time; 'window' on its window_end, met
-- when nothing undid it; 'rating' on its closed_on, done when rated, met when satisfied. A row
-- taken out (deleted, or the old side of an update) adds the same negated. Statement triggers
-- with transition tables sum a whole push group's rows in one upsert, not one per row. TRUNCATE
-- fires none: whoever truncates matter_facts truncates fact_tallies with it.
CREATE FUNCTION fact_tallies_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO fact_tallies (kind, day, county_code, total, done, met)
    SELECT t.kind, t.day, r.county_code, -count(*), -sum(t.done), -sum(t.met)
    FROM old_rows r CROSS JOIN LATERAL (VALUES
      ('acceptance', r.acceptance_due, r.decided::int, r.decided_in_time::int),
      ('handling', r.handling_due, r.closed::int, r.closed_in_time::int),
      ('window', r.window_end, 0, (NOT r.returned)::int),
      ('rating', r.closed_on, r.rated::int, (r.satisfied AND r.rated)::int)
    ) AS t(kind, day, done, met)
    WHERE t.day IS NOT NULL GROUP BY t.kind, t.day, r.county_code
    ON CONFLICT (kind, day, county_code) DO UPDATE SET total = fact_tallies.total + excluded.total, done = fact_tallies.done + excluded.done, met = fact_tallies.met + excluded.met;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO fact_tallies (kind, day, county_code, total, done, met)
    SELECT t.kind, t.day, r.county_code, count(*), sum(t.done), sum(t.met)
    FROM new_rows r CROSS JOIN LATERAL (VALUES
      ('acceptance', r.acceptance_due, r.decided::int, r.decided_in_time::int),
      ('handling', r.handling_due, r.closed::int, r.closed_in_time::int),
      ('window', r.window_end, 0, (NOT r.returned)::int),
      ('rating', r.closed_on, r.rated::int, (r.satisfied AND r.rated)::int)
    ) AS t(kind, day, done, met)
    WHERE t.day IS NOT NULL GROUP BY t.kind, t.day, r.county_code
    ON CONFLICT (kind, day, county_code) DO UPDATE SET total = fact_tallies.total + excluded.total, done = fact_tallies.done + excluded.done, met = fact_tallies.met + excluded.met;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- One event each: PostgreSQL allows transition tables only on single-event triggers.
CREATE TRIGGER fact_tallies_insert AFTER INSERT ON matter_facts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_tallies_keep();
--> statement-breakpoint
CREATE TRIGGER fact_tallies_update AFTER UPDATE ON matter_facts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_tallies_keep();
--> statement-breakpoint
CREATE TRIGGER fact_tallies_delete AFTER DELETE ON matter_facts REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION fact_tallies_keep();
--> statement-breakpoint
-- The facts the city already holds, summed once.
INSERT INTO fact_tallies (kind, day, county_code, total, done, met)
SELECT t.kind, t.day, r.county_code, count(*), sum(t.done), sum(t.met)
FROM matter_facts r CROSS JOIN LATERAL (VALUES
  ('acceptance', r.acceptance_due, r.decided::int, r.decided_in_time::int),
  ('handling', r.handling_due, r.closed::int, r.closed_in_time::int),
  ('window', r.window_end, 0, (NOT r.returned)::int),
  ('rating', r.closed_on, r.rated::int, (r.satisfied AND r.rated)::int)
) AS t(kind, day, done, met)
WHERE t.day IS NOT NULL GROUP BY t.kind, t.day, r.county_code;
