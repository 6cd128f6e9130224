CREATE TABLE `search_doc` (
	`doc` integer PRIMARY KEY NOT NULL,
	`matter_id` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_doc_matter_id_unique` ON `search_doc` (`matter_id`);
--> statement-breakpoint
-- Search (issue #12, DESIGN.md §3), custom SQL: three FTS5 indexes over every matter, kept up
-- to date by triggers inside the transaction that writes the matter or its petitioner, and read
-- by db/search.ts. Contentless (the text stays in matter and visitor) with contentless_delete,
-- so a changed matter is taken out and put back by its doc number.
-- search_text: trigram, any text fragment of three characters or more.
CREATE VIRTUAL TABLE `search_text` USING fts5(name, respondent, summary, facts, p_name, tokenize='trigram', content='', contentless_delete=1)
--> statement-breakpoint
-- search_pair: two-character queries (trigram finds nothing under three), over the text pre-split
-- into overlapping pairs, one token each; facts are left out (long, and a pair in them finds too much).
-- Only whitespace separates tokens, so every pair is matched exactly. detail=column: no phrases here.
CREATE VIRTUAL TABLE `search_pair` USING fts5(name, respondent, summary, p_name, tokenize="unicode61 remove_diacritics 0 categories 'L* N* P* S* M* Co'", content='', contentless_delete=1, detail=column)
--> statement-breakpoint
-- search_number: fragments of the numbers (matter number, ID number, phone), pre-split into
-- overlapping 4-grams: a 4-digit fragment is one token, a longer one a phrase of them. Digit
-- trigrams are too few (1,000) to tell a million numbers apart; county and year prefixes are in every row.
CREATE VIRTUAL TABLE `search_number` USING fts5(matter_no, id_number, mobile, p_id_number, p_mobile, tokenize="unicode61 remove_diacritics 0 categories 'L* N* P* S* M* Co'", content='', contentless_delete=1)
--> statement-breakpoint
-- What each matter puts in the indexes. A protected reporter's (检举控告, 条例 art. 30) identity goes to
-- the p_ columns, which only a role that may see the reporter searches: for the others it never matches.
CREATE VIEW `search_source` AS SELECT d.doc AS doc,
  CASE WHEN m.reporter_protected THEN '' ELSE v.name END AS name,
  CASE WHEN m.reporter_protected THEN '' ELSE v.id_number END AS id_number,
  CASE WHEN m.reporter_protected THEN '' ELSE v.mobile END AS mobile,
  CASE WHEN m.reporter_protected THEN v.name ELSE '' END AS p_name,
  CASE WHEN m.reporter_protected THEN v.id_number ELSE '' END AS p_id_number,
  CASE WHEN m.reporter_protected THEN v.mobile ELSE '' END AS p_mobile,
  m.matter_no AS matter_no, m.respondent AS respondent, m.summary AS summary, m.facts AS facts
FROM search_doc d JOIN matter m ON m.id = d.matter_id JOIN visitor v ON v.id = m.visitor_id
--> statement-breakpoint
-- Inserting a doc number here (re)indexes that matter in all three indexes: the one place that says
-- what goes in them. A doc whose matter is gone is only taken out.
CREATE VIEW `search_reindex` AS SELECT doc FROM search_doc
--> statement-breakpoint
CREATE TRIGGER `search_reindex_doc` INSTEAD OF INSERT ON `search_reindex` BEGIN
  DELETE FROM search_text WHERE rowid = new.doc;
  DELETE FROM search_pair WHERE rowid = new.doc;
  DELETE FROM search_number WHERE rowid = new.doc;
  INSERT INTO search_text (rowid, name, respondent, summary, facts, p_name)
    SELECT s.doc, s.name, s.respondent, s.summary, s.facts, s.p_name FROM search_source s WHERE s.doc = new.doc;
  INSERT INTO search_pair (rowid, name, respondent, summary, p_name)
    SELECT s.doc,
      (WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < length(s.name) - 1) SELECT group_concat(substr(s.name, i, 2), ' ' ORDER BY i) FROM g),
      (WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < length(s.respondent) - 1) SELECT group_concat(substr(s.respondent, i, 2), ' ' ORDER BY i) FROM g),
      (WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < length(s.summary) - 1) SELECT group_concat(substr(s.summary, i, 2), ' ' ORDER BY i) FROM g),
      (WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < length(s.p_name) - 1) SELECT group_concat(substr(s.p_name, i, 2), ' ' ORDER BY i) FROM g)
    FROM search_source s WHERE s.doc = new.doc;
  INSERT INTO search_number (rowid, matter_no, id_number, mobile, p_id_number, p_mobile)
    SELECT s.doc,
      (WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < length(s.matter_no) - 3) SELECT group_concat(substr(s.matter_no, i, 4), ' ' ORDER BY i) FROM g),
      (WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < length(s.id_number) - 3) SELECT group_concat(substr(s.id_number, i, 4), ' ' ORDER BY i) FROM g),
      (WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < length(s.mobile) - 3) SELECT group_concat(substr(s.mobile, i, 4), ' ' ORDER BY i) FROM g),
      (WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < length(s.p_id_number) - 3) SELECT group_concat(substr(s.p_id_number, i, 4), ' ' ORDER BY i) FROM g),
      (WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < length(s.p_mobile) - 3) SELECT group_concat(substr(s.p_mobile, i, 4), ' ' ORDER BY i) FROM g)
    FROM search_source s WHERE s.doc = new.doc;
END
--> statement-breakpoint
-- A new matter: the next doc number down, then into the indexes, in the registration's transaction.
CREATE TRIGGER `search_matter_insert` AFTER INSERT ON `matter` BEGIN
  INSERT INTO search_doc (doc, matter_id) VALUES ((SELECT coalesce(min(doc), 0) - 1 FROM search_doc), new.id);
  INSERT INTO search_reindex (doc) SELECT doc FROM search_doc WHERE matter_id = new.id;
END
--> statement-breakpoint
-- A corrected matter, or one classified as 检举控告 (its reporter becomes protected); lifecycle steps
-- that change none of these columns leave the indexes alone.
CREATE TRIGGER `search_matter_update` AFTER UPDATE OF matter_no, visitor_id, respondent, summary, facts, reporter_protected ON `matter`
WHEN old.matter_no IS NOT new.matter_no OR old.visitor_id IS NOT new.visitor_id OR old.respondent IS NOT new.respondent
  OR old.summary IS NOT new.summary OR old.facts IS NOT new.facts OR old.reporter_protected IS NOT new.reporter_protected
BEGIN
  INSERT INTO search_reindex (doc) SELECT doc FROM search_doc WHERE matter_id = new.id;
END
--> statement-breakpoint
-- A petitioner's corrected name, document or phone: every matter of theirs is indexed anew.
CREATE TRIGGER `search_visitor_update` AFTER UPDATE OF name, id_number, mobile ON `visitor`
WHEN old.name IS NOT new.name OR old.id_number IS NOT new.id_number OR old.mobile IS NOT new.mobile
BEGIN
  INSERT INTO search_reindex (doc) SELECT d.doc FROM matter m JOIN search_doc d ON d.matter_id = m.id WHERE m.visitor_id = new.id;
END
--> statement-breakpoint
-- Matters registered before this migration, oldest first so the newest gets the smallest number.
INSERT INTO `search_doc` (doc, matter_id) SELECT -row_number() OVER (ORDER BY rowid), id FROM matter
--> statement-breakpoint
INSERT INTO `search_reindex` (doc) SELECT doc FROM search_doc