// Brings down what the city maintains (DESIGN.md §4 "Pull"): reference data and 督办 notices,
// page by page, each page with its cursor in one local transaction.
import { applyPulledPage } from '../../db/pulled';
import { waitingStats } from '../../db/outbox';
import { getSyncState, recordSuccess } from '../../db/syncState';
import { pullQuerySchema, type ReferenceKey } from '../../domain/sync/pull';
import { badResponse } from './cityClient';
import { clockOffset, type RunContext, type StepEnd } from './run';

const MAX_PULL_PAGES = 50;
// The cursor goes back as `since`: one the city's own query would refuse would stop every pull after it.
const cursorSchema = pullQuerySchema.shape.since.unwrap();

/** Pulls until the city has no more; `onReferencePulled` runs after a page that brought reference data, with its keys. */
export async function pullAll(ctx: RunContext, onReferencePulled?: (keys: ReferenceKey[]) => void): Promise<StepEnd> {
  const { db, client, dev } = ctx;
  for (let page = 0; page < MAX_PULL_PAGES; page++) {
    const state = getSyncState(db);
    const r = await client.pull(dev.serverUrl, dev.token, state.pullCursor, waitingStats(db, state.lastAckedSeq).waiting);
    if (!r.ok) return r;
    if (!cursorSchema.safeParse(r.value.cursor).success) return badResponse(`pull cursor ${JSON.stringify(r.value.cursor.slice(0, 120))} cannot be sent back`);
    applyPulledPage(db, r.value);
    // A good exchange with nothing waiting to push must still clear an error an earlier run left.
    recordSuccess(db, { ackedSeq: getSyncState(db).lastAckedSeq, at: ctx.now().toISOString(), clockOffsetMs: clockOffset(db, ctx.now, r.serverDate), rejected: [] });
    ctx.reached();
    if (r.value.reference.length > 0) onReferencePulled?.(r.value.reference.map((i) => i.key));
    if (!r.value.hasMore) break;
  }
  return null;
}
