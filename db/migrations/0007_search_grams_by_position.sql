-- Search (issue #12): the pairs and 4-grams of 0006_search cut by positions from a table instead of
-- recursive CTEs. Measured: two correlated recursive CTEs in one SELECT cost ~1 ms each time (each
-- alone 0.005 ms), so a registration spent ~3 ms indexing; by positions, ~0.01 ms.
-- search_pos: 1..5000, more than the longest field cut into pairs (诉求摘要, at most 2000 characters).
CREATE TABLE `search_pos` (`i` integer PRIMARY KEY NOT NULL)
--> statement-breakpoint
INSERT INTO `search_pos` (i) WITH RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < 5000) SELECT i FROM g
--> statement-breakpoint
DROP TRIGGER `search_reindex_doc`
--> statement-breakpoint
-- As in 0006_search, but for the way the grams are cut (a string shorter than one gram is its own).
CREATE TRIGGER `search_reindex_doc` INSTEAD OF INSERT ON `search_reindex` BEGIN
  DELETE FROM search_text WHERE rowid = new.doc;
  DELETE FROM search_pair WHERE rowid = new.doc;
  DELETE FROM search_number WHERE rowid = new.doc;
  INSERT INTO search_text (rowid, name, respondent, summary, facts, p_name)
    SELECT s.doc, s.name, s.respondent, s.summary, s.facts, s.p_name FROM search_source s WHERE s.doc = new.doc;
  INSERT INTO search_pair (rowid, name, respondent, summary, p_name)
    SELECT s.doc,
      (SELECT group_concat(substr(s.name, i, 2), ' ' ORDER BY i) FROM search_pos WHERE i <= max(length(s.name) - 1, 1)),
      (SELECT group_concat(substr(s.respondent, i, 2), ' ' ORDER BY i) FROM search_pos WHERE i <= max(length(s.respondent) - 1, 1)),
      (SELECT group_concat(substr(s.summary, i, 2), ' ' ORDER BY i) FROM search_pos WHERE i <= max(length(s.summary) - 1, 1)),
      (SELECT group_concat(substr(s.p_name, i, 2), ' ' ORDER BY i) FROM search_pos WHERE i <= max(length(s.p_name) - 1, 1))
    FROM search_source s WHERE s.doc = new.doc;
  INSERT INTO search_number (rowid, matter_no, id_number, mobile, p_id_number, p_mobile)
    SELECT s.doc,
      (SELECT group_concat(substr(s.matter_no, i, 4), ' ' ORDER BY i) FROM search_pos WHERE i <= max(length(s.matter_no) - 3, 1)),
      (SELECT group_concat(substr(s.id_number, i, 4), ' ' ORDER BY i) FROM search_pos WHERE i <= max(length(s.id_number) - 3, 1)),
      (SELECT group_concat(substr(s.mobile, i, 4), ' ' ORDER BY i) FROM search_pos WHERE i <= max(length(s.mobile) - 3, 1)),
      (SELECT group_concat(substr(s.p_id_number, i, 4), ' ' ORDER BY i) FROM search_pos WHERE i <= max(length(s.p_id_number) - 3, 1)),
      (SELECT group_concat(substr(s.p_mobile, i, 4), ' ' ORDER BY i) FROM search_pos WHERE i <= max(length(s.p_mobile) - 3, 1))
    FROM search_source s WHERE s.doc = new.doc;
END