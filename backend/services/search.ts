// Search from every screen (issue #12): the newest matters a fragment finds, each shown with the
// petitioner as the matter's file shows them to this role. Runs on the reader worker.
import { maskIdNumber } from '../../domain/identity/residentId';
import { nextDeadline } from '../../domain/matters/deadlines';
import { STATE_LABELS } from '../../domain/matters/states';
import { categoryPath } from '../../domain/reference/categories';
import { ok, type Result } from '../../domain/result';
import { canSeeVoided } from '../../domain/staff/permissions';
import { SEARCH_LIMIT, type SearchQuery } from '../../domain/search/query';
import type { SearchHit } from '../../domain/search/rpc';
import { searchHitRows, searchMatterIds } from '../../db/search';
import { localDay, type ReadContext } from './context';
import { visitorView } from './matters/visitorView';
import { reporterVisible } from './operator';
import { lifecycleOf } from './storedLifecycle';

export function searchMatters(ctx: ReadContext, query: SearchQuery): Result<{ hits: SearchHit[]; more: boolean }> {
  const seesReporter = reporterVisible(ctx);
  const op = ctx.actor();
  // A protected reporter's identity is not searched for a role that may not see it (a masked hit
  // on the name typed would tell who reported); a voided registration is found by the 科长/督办
  // alone, as its file is theirs alone.
  const ids = searchMatterIds(ctx.db, query, { seesReporter, seesVoided: op !== null && canSeeVoided(op.role) }, SEARCH_LIMIT + 1);
  const shown = ids.slice(0, SEARCH_LIMIT);
  const rows = new Map(searchHitRows(ctx.db, shown).map((r) => [r.matterId, r]));
  const today = localDay(ctx.now());
  const { categories, deadlines } = ctx.reference();
  const hits = shown.flatMap((id): SearchHit[] => {
    const r = rows.get(id);
    if (!r) return [];
    const lifecycle = lifecycleOf(r.lifecycle);
    const { name, credential, masked } = visitorView(r.visitor, r.reporterProtected && !seesReporter);
    return [
      {
        matterId: r.matterId,
        matterNo: r.matterNo,
        // DESIGN.md §8: a list shows an ID number masked (4112**********1234) even where the file shows it.
        visitor: { name, credential: maskIdNumber(credential), masked },
        category: categoryPath(categories, r.categoryCode) ?? [],
        statusLabel: STATE_LABELS[lifecycle.state],
        voided: r.voidedAt !== null,
        // A voided registration is no one's work: no deadline runs, as its file says.
        nextDeadline: r.voidedAt ? null : nextDeadline(lifecycle, today, { deadlines }),
      },
    ];
  });
  return ok({ hits, more: ids.length > SEARCH_LIMIT });
}
