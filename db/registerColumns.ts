// The columns the full register (台账) filters on, as its indexes in schema.ts hold them after
// each order's own columns (db/register.ts registerWhere reads them): a page walks one index and
// reads only the rows it shows.
import { sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

/** What the register filters on (db/register.ts registerWhere), in the order of its indexes. */
export function registerFilterColumns(t: {
  [K in 'status' | 'categoryCode' | 'placeRegion' | 'channel' | 'receivedOn' | 'nextStep' | 'nextDue' | 'skipLevel' | 'lifecycle' | 'voidedAt' | FlagColumn]: AnySQLiteColumn;
}) {
  return [
    t.status,
    t.categoryCode,
    t.placeRegion,
    t.channel,
    t.receivedOn,
    t.nextStep,
    t.nextDue,
    t.skipLevel,
    t.crossRegion,
    t.crossDepartment,
    t.crossSector,
    t.personHouseholdApart,
    t.personMatterApart,
    t.matterHouseholdApart,
    t.lawRelated,
    t.majorUrgent,
    sql`json_extract(${t.lifecycle}, '$.class')`,
    sql`json_extract(${t.lifecycle}, '$.route')`,
    sql`json_extract(${t.lifecycle}, '$.body')`,
    t.voidedAt,
  ] as const;
}
type FlagColumn = 'crossRegion' | 'crossDepartment' | 'crossSector' | 'personHouseholdApart' | 'personMatterApart' | 'matterHouseholdApart' | 'lawRelated' | 'majorUrgent';

