// Reads the search indexes (FTS5 tables, view and triggers: custom SQL in migration 0002_search):
// the matters a fragment finds, newest first, and the rows a hit list shows. Read on the reader
// worker's read-only connection.
import { eq, inArray } from 'drizzle-orm';
import type { SearchIndex, SearchQuery } from '../domain/search/query';
import type { LocalDb } from './open';
import { matter, visitor } from './schema';

/** Each index's table, the columns everyone searches, and a protected reporter's columns. */
const INDEXES: Readonly<Record<SearchIndex, { table: string; open: string; reporter: string }>> = {
  number: { table: 'search_number', open: 'matter_no id_number mobile', reporter: 'p_id_number p_mobile' },
  pair: { table: 'search_pair', open: 'name respondent summary', reporter: 'p_name' },
  text: { table: 'search_text', open: 'name respondent summary facts', reporter: 'p_name' },
};

/** The number index holds overlapping 4-grams; a fragment is the phrase of its own. */
const NUMBER_GRAM = 4;
function fourGrams(s: string): string {
  return Array.from({ length: s.length - NUMBER_GRAM + 1 }, (_, i) => s.slice(i, i + NUMBER_GRAM)).join(' ');
}

/**
 * The FTS5 query: the fragment as one phrase (quotes doubled, so nothing typed is FTS5 syntax),
 * limited to the open columns unless the operator may see a protected reporter.
 */
export function matchExpression(q: SearchQuery, seesReporter: boolean): string {
  const phrase = `"${(q.index === 'number' ? fourGrams(q.text) : q.text).replaceAll('"', '""')}"`;
  const ix = INDEXES[q.index];
  return seesReporter ? `{${ix.open} ${ix.reporter}} : ${phrase}` : `{${ix.open}} : ${phrase}`;
}

/**
 * A longer number fragment is found in FTS5 by its last 8 characters, the distinctive end of an
 * ID, phone or matter number (measured: a phrase over a county's shared prefixes, 4101… or
 * …-2026-, walks nearly every matter's grams), then checked whole on the values themselves.
 */
const NUMBER_TAIL = 8;

/** Ids of the matters the fragment finds, newest first (doc numbers count down), at most `limit`. */
export function searchMatterIds(db: LocalDb, q: SearchQuery, seesReporter: boolean, limit: number): string[] {
  const { table } = INDEXES[q.index];
  if (q.index === 'number' && q.text.length > NUMBER_TAIL) return numberIdsByTail(db, q.text, seesReporter, limit);
  const rows = db.$client
    .prepare(`SELECT d.matter_id AS id FROM ${table} f JOIN search_doc d ON d.doc = f.rowid WHERE ${table} MATCH ? ORDER BY f.rowid LIMIT ?`)
    .all(matchExpression(q, seesReporter), limit) as { id: string }[];
  return rows.map((r) => r.id);
}

function numberIdsByTail(db: LocalDb, text: string, seesReporter: boolean, limit: number): string[] {
  const candidates = db.$client
    .prepare(
      `SELECT d.matter_id AS id, m.matter_no AS matterNo, v.id_number AS idNumber, v.mobile AS mobile, m.reporter_protected AS protected
       FROM search_number f JOIN search_doc d ON d.doc = f.rowid JOIN matter m ON m.id = d.matter_id JOIN visitor v ON v.id = m.visitor_id
       WHERE search_number MATCH ? ORDER BY f.rowid`,
    )
    .iterate(matchExpression({ index: 'number', text: text.slice(-NUMBER_TAIL) }, seesReporter)) as IterableIterator<{
    id: string;
    matterNo: string;
    idNumber: string;
    mobile: string;
    protected: number;
  }>;
  const needle = text.toUpperCase();
  const ids: string[] = [];
  for (const c of candidates) {
    // Checked against what the index lets this operator search: a protected reporter's numbers
    // only for a role that may see the reporter.
    const values = c.protected && !seesReporter ? [c.matterNo] : [c.matterNo, c.idNumber, c.mobile];
    if (values.some((v) => v.toUpperCase().includes(needle))) ids.push(c.id);
    if (ids.length >= limit) break;
  }
  return ids;
}

/** What a hit shows of each matter and its petitioner. */
export function searchHitRows(db: LocalDb, matterIds: string[]) {
  if (matterIds.length === 0) return [];
  return db
    .select({
      matterId: matter.id,
      matterNo: matter.matterNo,
      categoryCode: matter.categoryCode,
      lifecycle: matter.lifecycle,
      reporterProtected: matter.reporterProtected,
      visitor: { name: visitor.name, idNumber: visitor.idNumber, mobile: visitor.mobile },
    })
    .from(matter)
    .innerJoin(visitor, eq(visitor.id, matter.visitorId))
    .where(inArray(matter.id, matterIds))
    .all();
}
