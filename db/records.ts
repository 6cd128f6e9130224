// Rows of Excel in (历史台账): the person of an earlier record, found or added without touching
// what the window registered since, the record as a matter of origin 'import' and its outbox
// event. A ledger is thousands of rows in one transaction: the statements are prepared once per
// import, not once per row (preparing an insert into matter, with its search triggers, cost more
// than running it).
import { and, eq, ne } from 'drizzle-orm';
import type { LocalDb } from './open';
import { matter } from './schema';

export interface ImportedVisitor {
  id: string;
  idType: string;
  idNumber: string;
  name: string;
  gender: string | null;
  birthDate: string | null;
  regionCode: string | null;
  mobile: string;
  landline: string;
  at: string;
}

export interface ImportedMatterRow {
  id: string;
  matterNo: string;
  visitorId: string;
  channel: string;
  categoryCode: string;
  respondent: string;
  summary: string;
  status: string;
  lifecycle: string;
  receivedAt: string;
  receivedOn: string;
  sourceNo: string;
  at: string;
}

/** Call inside the import's transaction; the statements live as long as it does. */
export function ledgerWriter(db: Pick<LocalDb, '$client'>) {
  const sqlite = db.$client;
  const findVisitor = sqlite.prepare<[string, string], { id: string }>('SELECT id FROM visitor WHERE id_number = ? AND id_type = ?');
  const addVisitor = sqlite.prepare(
    `INSERT INTO visitor (id, id_type, id_number, name, gender, birth_date, region_code, mobile, landline, created_at, updated_at)
     VALUES (@id, @idType, @idNumber, @name, @gender, @birthDate, @regionCode, @mobile, @landline, @at, @at)`,
  );
  const sameRecord = sqlite.prepare<[string, string, string], { n: number }>('SELECT count(*) AS n FROM matter WHERE visitor_id = ? AND received_on = ? AND summary = ?');
  const addMatter = sqlite.prepare(
    `INSERT INTO matter (id, matter_no, visitor_id, channel, headcount, category_code, respondent, summary, status, lifecycle, received_at, received_on, created_at, updated_at, origin, source_no)
     VALUES (@id, @matterNo, @visitorId, @channel, 1, @categoryCode, @respondent, @summary, @status, @lifecycle, @receivedAt, @receivedOn, @at, @at, 'import', @sourceNo)`,
  );
  const addEvent = sqlite.prepare('INSERT INTO outbox (id, type, entity_id, occurred_at, payload) VALUES (?, ?, ?, ?, ?)');
  const counter = sqlite.prepare<[string], { value: number }>('INSERT INTO counter (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value');
  return {
    /** The person's row for this 证件: the window's own when it knows them (it is newer than any ledger), else a new one. */
    visitorFor(v: ImportedVisitor): string {
      const known = findVisitor.get(v.idNumber, v.idType);
      if (known) return known.id;
      addVisitor.run(v);
      return v.id;
    },
    /** Whether the person already has a matter received that day with that request. */
    hasRecord: (visitorId: string, receivedOn: string, summary: string) => sameRecord.get(visitorId, receivedOn, summary)!.n > 0,
    nextNumber: (name: string) => counter.get(name)!.value,
    addMatter: (row: ImportedMatterRow) => addMatter.run(row),
    addEvent: (e: { id: string; type: string; entityId: string; occurredAt: string; payload: object }) => addEvent.run(e.id, e.type, e.entityId, e.occurredAt, JSON.stringify(e.payload)),
  };
}

/** 原编号 of every record imported before: a ledger imported twice is refused row by row. */
export function importedSourceNos(db: Pick<LocalDb, 'select'>): Set<string> {
  return new Set(
    db
      .select({ no: matter.sourceNo })
      .from(matter)
      .where(and(eq(matter.origin, 'import'), ne(matter.sourceNo, '')))
      .all()
      .map((r) => r.no),
  );
}
