// Local store tables that serve finding people and matters (issue #12): the city's termination
// register as pulled, and each matter's document number in the search indexes. Re-exported by
// db/schema.ts. Append-only once released, as the rest.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bool } from './columns';

/**
 * The city's termination register (终结库) as pulled: terminated matters of every county, the
 * person known only by a hash of the 证件 (domain/records/terminationRegister.ts), so a window
 * can flag a terminated petitioner offline without holding other counties' identities.
 */
export const terminationEntry = sqliteTable(
  'termination_entry',
  {
    matterId: text('matter_id').primaryKey(),
    matterNo: text('matter_no').notNull(),
    countyCode: text('county_code').notNull(),
    documentHash: text('document_hash').notNull(),
    terminatedOn: text('terminated_on').notNull(),
    receivedOn: text('received_on').notNull().default(''),
    /** False once the city took the termination back (撤回) or voided the matter. */
    active: bool('active'),
  },
  (t) => [index('termination_entry_document_idx').on(t.documentHash)],
);

// --- search (issue #12): the FTS5 indexes, the view they are filled from and their triggers
// are custom SQL at the end of the migration that made this table (db/search.ts reads them).

/**
 * Each matter's document number in the search indexes. An INTEGER PRIMARY KEY, because the
 * matter's implicit rowid may change at a VACUUM; numbered downwards (the newest is the
 * smallest), so FTS5's natural ascending order lists the newest matters first.
 */
export const searchDoc = sqliteTable('search_doc', {
  doc: integer('doc').primaryKey(),
  matterId: text('matter_id').notNull().unique(),
});
