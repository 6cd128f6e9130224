// Each counted matter's figure facts (domain/figures/facts.ts): the days its outcomes fall due and
// whether they were met, kept so 统计 counts rows instead of replaying every lifecycle. Only
// matters the figures count have a row (not voided, not imported from the 历史台账). Re-exported
// by db/schema.ts; append-only once released, as the rest.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { bool } from './columns';

export const matterFact = sqliteTable(
  'matter_fact',
  {
    matterId: text('matter_id').primaryKey(),
    acceptanceDue: text('acceptance_due').notNull(),
    decided: bool('decided'),
    decidedInTime: bool('decided_in_time'),
    handlingDue: text('handling_due'),
    closed: bool('closed'),
    closedInTime: bool('closed_in_time'),
    windowEnd: text('window_end'),
    returned: bool('returned'),
    closedOn: text('closed_on'),
    rated: bool('rated'),
    satisfied: bool('satisfied'),
  },
  // A period's count reads each rate's due days by range.
  (t) => [
    index('matter_fact_acceptance_idx').on(t.acceptanceDue, t.decided, t.decidedInTime),
    index('matter_fact_handling_idx').on(t.handlingDue, t.closed, t.closedInTime),
    index('matter_fact_window_idx').on(t.windowEnd, t.returned),
    index('matter_fact_closed_idx').on(t.closedOn, t.rated, t.satisfied),
  ],
);

/**
 * The facts summed by day, kept by triggers on matter_fact (migration 0009): per kind ('acceptance',
 * 'handling', 'window', 'rating') and due day, how many rows fall due then (total), how many are
 * done (decided, closed; rated for 'rating') and met. A period's rate sums at most a year of days
 * instead of scanning a year of facts (db/figureFacts.ts factTallies).
 */
export const factTally = sqliteTable(
  'fact_tally',
  {
    kind: text('kind').notNull(),
    day: text('day').notNull(),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    met: integer('met').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kind, t.day] })],
);

/**
 * The visits received each local day, apart from a voided registration's, kept by triggers on
 * visit and on matter's voided_at (migration 0010): 统计's visit counts sum a period's days instead
 * of reading every visit (db/figures.ts visitCounts).
 */
export const visitTally = sqliteTable('visit_tally', {
  day: text('day').primaryKey(),
  visits: integer('visits').notNull().default(0),
  firstVisits: integer('first_visits').notNull().default(0),
  repeatVisits: integer('repeat_visits').notNull().default(0),
  people: integer('people').notNull().default(0),
});
