CREATE TABLE "visit_tallies" (
	"county_code" varchar(6) NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"headcount" bigint NOT NULL,
	"terminated" boolean NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "visit_tallies_day_county_code_kind_headcount_terminated_pk" PRIMARY KEY("day","county_code","kind","headcount","terminated")
);
--> statement-breakpoint
-- Custom SQL: visit_tallies is kept by statement triggers on matters (a first visit and the matter
-- itself) and on visits (repeat visits), in the transaction that writes them, so the console's
-- figures sum days (city/figures.ts countyFigures). A voided registration's visits and the matter
-- count nowhere: voiding takes them out, a visit of a voided matter is never put in. The day is the
-- Beijing date of received_at, as the figures' bounds are. TRUNCATE fires none: whoever truncates
-- matters or visits truncates visit_tallies with them (truncateAllSql). Each statement's rows are
-- summed by day in one upsert, so a push group costs one statement, not one per visit.
CREATE FUNCTION visit_tallies_matters() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO visit_tallies (county_code, day, kind, headcount, terminated, n)
    SELECT county_code, day, kind, headcount, terminated, sum(n) FROM (
      SELECT r.county_code, (r.received_at AT TIME ZONE 'Asia/Shanghai')::date AS day, t.kind, t.headcount, false AS terminated, 1 AS n
      FROM new_rows r CROSS JOIN LATERAL (VALUES ('first', r.headcount, r.first_visit_id IS NOT NULL), ('matter', 0::bigint, r.origin = 'window')) AS t(kind, headcount, counts)
      WHERE r.voided_at IS NULL AND t.counts) c
    GROUP BY county_code, day, kind, headcount, terminated HAVING sum(n) <> 0
    ON CONFLICT (day, county_code, kind, headcount, terminated) DO UPDATE SET n = visit_tallies.n + excluded.n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO visit_tallies (county_code, day, kind, headcount, terminated, n)
    SELECT county_code, day, kind, headcount, terminated, sum(n) FROM (
      SELECT r.county_code, (r.received_at AT TIME ZONE 'Asia/Shanghai')::date AS day, t.kind, t.headcount, false AS terminated, -1 AS n
      FROM old_rows r CROSS JOIN LATERAL (VALUES ('first', r.headcount, r.first_visit_id IS NOT NULL), ('matter', 0::bigint, r.origin = 'window')) AS t(kind, headcount, counts)
      WHERE r.voided_at IS NULL AND t.counts) c
    GROUP BY county_code, day, kind, headcount, terminated HAVING sum(n) <> 0
    ON CONFLICT (day, county_code, kind, headcount, terminated) DO UPDATE SET n = visit_tallies.n + excluded.n;
  ELSE
    -- Only rows whose counted columns changed: a lifecycle step updates matters all day long.
    INSERT INTO visit_tallies (county_code, day, kind, headcount, terminated, n)
    SELECT county_code, day, kind, headcount, terminated, sum(n) FROM (
      SELECT r.county_code, (r.received_at AT TIME ZONE 'Asia/Shanghai')::date AS day, t.kind, t.headcount, false AS terminated, r.sign AS n
      FROM (
        SELECT o.county_code, o.received_at, o.headcount, o.first_visit_id, o.origin, o.voided_at, -1 AS sign
        FROM old_rows o JOIN new_rows n ON n.matter_id = o.matter_id
        WHERE (o.county_code, o.received_at, o.headcount, o.first_visit_id IS NULL, o.origin, o.voided_at IS NULL)
          IS DISTINCT FROM (n.county_code, n.received_at, n.headcount, n.first_visit_id IS NULL, n.origin, n.voided_at IS NULL)
        UNION ALL
        SELECT n.county_code, n.received_at, n.headcount, n.first_visit_id, n.origin, n.voided_at, 1
        FROM old_rows o JOIN new_rows n ON n.matter_id = o.matter_id
        WHERE (o.county_code, o.received_at, o.headcount, o.first_visit_id IS NULL, o.origin, o.voided_at IS NULL)
          IS DISTINCT FROM (n.county_code, n.received_at, n.headcount, n.first_visit_id IS NULL, n.origin, n.voided_at IS NULL)
      ) r CROSS JOIN LATERAL (VALUES ('first', r.headcount, r.first_visit_id IS NOT NULL), ('matter', 0::bigint, r.origin = 'window')) AS t(kind, headcount, counts)
      WHERE r.voided_at IS NULL AND t.counts
      UNION ALL
      -- A matter voided (or no longer voided) takes its repeat visits out (or back).
      SELECT v.county_code, (v.received_at AT TIME ZONE 'Asia/Shanghai')::date, v.kind, v.headcount, v.terminated_matter, CASE WHEN n.voided_at IS NULL THEN 1 ELSE -1 END
      FROM old_rows o JOIN new_rows n ON n.matter_id = o.matter_id JOIN visits v ON v.matter_id = n.matter_id
      WHERE (o.voided_at IS NULL) <> (n.voided_at IS NULL)) c
    GROUP BY county_code, day, kind, headcount, terminated HAVING sum(n) <> 0
    ON CONFLICT (day, county_code, kind, headcount, terminated) DO UPDATE SET n = visit_tallies.n + excluded.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE FUNCTION visit_tallies_visits() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO visit_tallies (county_code, day, kind, headcount, terminated, n)
    SELECT county_code, day, kind, headcount, terminated, sum(n) FROM (
      SELECT v.county_code, (v.received_at AT TIME ZONE 'Asia/Shanghai')::date AS day, v.kind, v.headcount, v.terminated_matter AS terminated, -1 AS n
      FROM old_rows v WHERE NOT EXISTS (SELECT 1 FROM matters m WHERE m.matter_id = v.matter_id AND m.voided_at IS NOT NULL)) c
    GROUP BY county_code, day, kind, headcount, terminated HAVING sum(n) <> 0
    ON CONFLICT (day, county_code, kind, headcount, terminated) DO UPDATE SET n = visit_tallies.n + excluded.n;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO visit_tallies (county_code, day, kind, headcount, terminated, n)
    SELECT county_code, day, kind, headcount, terminated, sum(n) FROM (
      SELECT v.county_code, (v.received_at AT TIME ZONE 'Asia/Shanghai')::date AS day, v.kind, v.headcount, v.terminated_matter AS terminated, 1 AS n
      FROM new_rows v WHERE NOT EXISTS (SELECT 1 FROM matters m WHERE m.matter_id = v.matter_id AND m.voided_at IS NOT NULL)) c
    GROUP BY county_code, day, kind, headcount, terminated HAVING sum(n) <> 0
    ON CONFLICT (day, county_code, kind, headcount, terminated) DO UPDATE SET n = visit_tallies.n + excluded.n;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- One event each: PostgreSQL allows transition tables only on single-event triggers.
CREATE TRIGGER visit_tallies_matters_insert AFTER INSERT ON matters REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION visit_tallies_matters();
--> statement-breakpoint
CREATE TRIGGER visit_tallies_matters_update AFTER UPDATE ON matters REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION visit_tallies_matters();
--> statement-breakpoint
CREATE TRIGGER visit_tallies_matters_delete AFTER DELETE ON matters REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION visit_tallies_matters();
--> statement-breakpoint
CREATE TRIGGER visit_tallies_visits_insert AFTER INSERT ON visits REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION visit_tallies_visits();
--> statement-breakpoint
CREATE TRIGGER visit_tallies_visits_update AFTER UPDATE ON visits REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION visit_tallies_visits();
--> statement-breakpoint
CREATE TRIGGER visit_tallies_visits_delete AFTER DELETE ON visits REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION visit_tallies_visits();
--> statement-breakpoint
-- What the city already holds, summed once.
INSERT INTO visit_tallies (county_code, day, kind, headcount, terminated, n)
SELECT county_code, day, kind, headcount, terminated, count(*) FROM (
  SELECT r.county_code, (r.received_at AT TIME ZONE 'Asia/Shanghai')::date AS day, t.kind, t.headcount, false AS terminated
  FROM matters r CROSS JOIN LATERAL (VALUES ('first', r.headcount, r.first_visit_id IS NOT NULL), ('matter', 0::bigint, r.origin = 'window')) AS t(kind, headcount, counts)
  WHERE r.voided_at IS NULL AND t.counts
  UNION ALL
  SELECT v.county_code, (v.received_at AT TIME ZONE 'Asia/Shanghai')::date, v.kind, v.headcount, v.terminated_matter
  FROM visits v WHERE NOT EXISTS (SELECT 1 FROM matters m WHERE m.matter_id = v.matter_id AND m.voided_at IS NOT NULL)
) s GROUP BY county_code, day, kind, headcount, terminated;
