// What the status bar shows (DESIGN.md §4): read from the outbox and sync_state each time it is
// asked, so it cannot say "synced" while records wait. Only what no table holds lives in
// memory: whether the city answered last, and how far the running push has come.
import type { LocalDb } from '../../db/open';
import { auditNotQueued } from '../../db/audit';
import { waitingStats } from '../../db/outbox';
import { getDevice, getSyncState, rejections } from '../../db/syncState';
import type { SyncStatus } from '../../domain/rpc/contract';

export interface LiveState {
  online: SyncStatus['online'];
  progress: SyncStatus['progress'];
}

export function readStatus(db: LocalDb, live: LiveState, syncing: boolean): SyncStatus {
  const dev = getDevice(db);
  const st = getSyncState(db);
  const w = waitingStats(db, st.lastAckedSeq);
  return {
    enrolled: dev.token !== null,
    serverUrl: dev.serverUrl,
    deviceCode: dev.deviceCode,
    countyCode: dev.countyCode,
    online: live.online,
    syncing,
    waiting: w.waiting,
    // Lines in the outbox, and those a sync run has yet to move there.
    auditWaiting: w.auditWaiting + auditNotQueued(db),
    oldestWaitingAt: w.oldestWaitingAt,
    lastSuccessAt: st.lastSuccessAt,
    lastError: st.lastErrorCode ? { code: st.lastErrorCode, message: st.lastErrorMessage ?? '' } : null,
    progress: live.progress,
    rejected: rejections(db),
  };
}
