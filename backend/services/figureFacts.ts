// Keeps each matter's figure facts (domain/figures/facts.ts) beside it: made again in the same
// transaction as every write that changes them (a step, a repeat visit, a void, a withdrawal), and
// all made again when the rules they were made under change (the pulled holiday calendar or the
// bureau's figure options) or were never recorded (a store from before the facts).
import { clearFacts, countedMattersAfter, factSource, putFacts, repeatVisitDays } from '../../db/figureFacts';
import type { LocalDb } from '../../db/open';
import { pulledReference } from '../../db/pulled';
import { getSetting, putSetting } from '../../db/settings';
import { factsBasis, figureFacts } from '../../domain/figures/facts';
import { bureauPolicyFor } from '../../domain/sync/pull';
import type { Reference } from './reference';
import { lifecycleOf } from './storedLifecycle';

type Tx = Parameters<Parameters<LocalDb['transaction']>[0]>[0];

const BASIS_KEY = 'figureFacts.basis';
const PAGE = 5000;

/** Makes one matter's facts again, inside the caller's transaction. */
export function refreshFacts(tx: Tx, reference: Pick<Reference, 'deadlines' | 'policy'>, matterId: string): void {
  const src = factSource(tx, matterId);
  if (!src) return;
  const facts = src.counted ? figureFacts({ lifecycle: lifecycleOf(src.lifecycle), repeatVisitDays: src.repeatVisitDays }, reference.deadlines, reference.policy.figures) : null;
  putFacts(tx, matterId, facts);
}

/** The rules the store's facts must be made under now: the pulled copies the reference is built from. */
const basisNow = (db: LocalDb) => factsBasis(pulledReference(db, 'holidays'), pulledReference(db, 'calendar'), bureauPolicyFor(pulledReference(db, 'settings')).figures);

/** Makes every matter's facts again when the rules changed since they were made; true when it did. */
export function ensureFacts(db: LocalDb, reference: Pick<Reference, 'deadlines' | 'policy'>): boolean {
  const basis = basisNow(db);
  if (getSetting(db, BASIS_KEY) === basis) return false;
  db.transaction((tx) => {
    clearFacts(tx);
    const repeats = repeatVisitDays(tx);
    // A page at a time: a million lifecycles held at once would be gigabytes.
    for (let page = countedMattersAfter(tx, 0, PAGE); page.length > 0; page = countedMattersAfter(tx, page.at(-1)!.rowid, PAGE)) {
      for (const m of page) {
        putFacts(tx, m.id, figureFacts({ lifecycle: lifecycleOf(m.lifecycle), repeatVisitDays: repeats.get(m.id) ?? [] }, reference.deadlines, reference.policy.figures));
      }
    }
    putSetting(tx, BASIS_KEY, basis);
  });
  return true;
}
