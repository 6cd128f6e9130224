// Each counted matter's figure facts on the city (domain/figures/facts.ts), beside its county, so
// a period's rates for every county are counts grouped by county instead of a replay of every
// lifecycle; and the rules they were made under (city/figureFacts.ts makes them all again when
// those change). Only matters the figures count have a row (not voided, not imported).
// Re-exported by schema.ts.
import { bigint, boolean, date, index, integer, pgTable, primaryKey, smallint, text, uuid, varchar } from 'drizzle-orm/pg-core';

const day = (name: string) => date(name, { mode: 'string' });
const flag = (name: string) => boolean(name).notNull().default(false);

export const matterFacts = pgTable(
  'matter_facts',
  {
    matterId: uuid('matter_id').primaryKey(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    acceptanceDue: day('acceptance_due').notNull(),
    decided: flag('decided'),
    decidedInTime: flag('decided_in_time'),
    handlingDue: day('handling_due'),
    closed: flag('closed'),
    closedInTime: flag('closed_in_time'),
    windowEnd: day('window_end'),
    returned: flag('returned'),
    closedOn: day('closed_on'),
    rated: flag('rated'),
    satisfied: flag('satisfied'),
  },
  // A period's count reads each rate's due days by range, grouped by county.
  (t) => [
    index('matter_facts_acceptance_idx').on(t.acceptanceDue, t.countyCode, t.decided, t.decidedInTime),
    index('matter_facts_handling_idx').on(t.handlingDue, t.countyCode, t.closed, t.closedInTime),
    index('matter_facts_window_idx').on(t.windowEnd, t.countyCode, t.returned),
    index('matter_facts_closed_idx').on(t.closedOn, t.countyCode, t.rated, t.satisfied),
  ],
);

/** One row: domain/figures/facts.ts factsBasis of the rules the facts were last made under. */
export const matterFactsBasis = pgTable('matter_facts_basis', {
  id: smallint('id').primaryKey().default(1),
  basis: text('basis').notNull(),
});

/**
 * The facts summed by county, kind ('acceptance', 'handling', 'window', 'rating') and due day,
 * kept by a trigger on matter_facts (migration 0011): how many rows fall due then (total), how
 * many are done and met. A period's rates sum at most a year of days per county (countyTallies).
 * Keyed kind first: a period reads one kind's range of days across every county.
 */
export const factTallies = pgTable(
  'fact_tallies',
  {
    kind: text('kind').notNull(),
    day: day('day').notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    met: integer('met').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.kind, t.day, t.countyCode] })],
);

/**
 * The visits and matters received each Beijing day, per county, kept by statement triggers on
 * matters and visits (migration 0012), a voided registration's left out: kind 'first' and 'repeat'
 * count visits (by headcount and the 终结 mark, so the group-visit threshold can be applied when
 * read), kind 'matter' the matters the figures count (from a window, not voided). The console's
 * figures sum a period's days instead of reading every visit (city/figures.ts countyFigures).
 */
export const visitTallies = pgTable(
  'visit_tallies',
  {
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    day: day('day').notNull(),
    kind: text('kind').notNull(),
    headcount: bigint('headcount', { mode: 'number' }).notNull(),
    terminated: boolean('terminated').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.countyCode, t.kind, t.headcount, t.terminated] })],
);
