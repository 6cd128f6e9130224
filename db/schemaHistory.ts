// Local store tables of corrections that keep history (更正, 作废, 撤回) and of the city's
// termination register as pulled (issue #12). Part of the store's schema beside schema.ts
// (db/drizzle.config.ts names both); append-only once released, as schema.ts is.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { MatterState } from '../domain/matters/states';
import { matter, transition } from './schema';


/**
 * 更正, 作废 and 撤回 of a matter, each with who, when and why. Append-only: a correction is
 * never edited or removed, and a withdrawn step keeps its transition row (withdrawnTransitionId
 * names it), so the file always shows what was recorded and what replaced it.
 */
export const matterCorrection = sqliteTable(
  'matter_correction',
  {
    id: text('id').primaryKey(),
    matterId: text('matter_id')
      .notNull()
      .references(() => matter.id),
    kind: text('kind', { enum: ['correct', 'void', 'withdraw'] }).notNull(),
    changes: text('changes').notNull().default('[]'), // [{ field, from, to }] as JSON
    withdrawnTransitionId: text('withdrawn_transition_id').references(() => transition.id),
    fromState: text('from_state').$type<MatterState>(),
    toState: text('to_state').$type<MatterState>(),
    reason: text('reason').notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    at: text('at').notNull(),
  },
  (t) => [index('matter_correction_matter_idx').on(t.matterId)],
);

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
    active: integer('active', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('termination_entry_document_idx').on(t.documentHash)],
);
