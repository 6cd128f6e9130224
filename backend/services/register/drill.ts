// The matters behind a number on 统计: the same matters the figure counted, found by putting
// the stored facts of each matter with a due day in the period to the indicator's own test
// (domain/figures/breakdowns.ts countedBy). Scrolling the drilled register asks for page after page: the set is kept until the
// store changes (SQLite's data_version), the day turns, or the holiday calendar or the
// bureau's figure options are replaced.
import { countedBy } from '../../../domain/figures/breakdowns';
import type { DeadlineEngine } from '../../../domain/calendar/deadlines';
import type { Drill } from '../../../domain/register/filter';
import { localDay, type ReadContext } from '../context';
import { periodOutcomes } from '../figures';

let kept: { key: string; engine: DeadlineEngine; policy: unknown; rows: number[] } | null = null;

/** The rowids of the matters behind the number (rowids: the register's index holds them, the ids it does not). */
export function drilledRows(ctx: ReadContext, drill: Extract<Drill, { kind: 'indicator' }>): number[] {
  const today = localDay(ctx.now());
  const { deadlines: engine, policy } = ctx.reference();
  const version = ctx.db.$client.pragma('data_version', { simple: true }) as number;
  const key = JSON.stringify([drill, today, version]);
  if (kept && kept.key === key && kept.engine === engine && kept.policy === policy) return kept.rows;
  const rows = periodOutcomes(ctx, drill)
    .filter((m) => countedBy(drill, m, today))
    .map((m) => m.rowid);
  kept = { key, engine, policy, rows };
  return rows;
}
