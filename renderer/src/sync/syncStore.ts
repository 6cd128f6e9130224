// What the status bar knows about sync: the backend's status (derived from the outbox, never a
// local flag), plus whether the backend itself answered.
import { create } from 'zustand';
import type { MethodInput, SyncStatus } from '../../../domain/rpc/contract';
import type { RpcResult } from '../../../domain/rpc/bridge';
import { api } from '../api/client';

interface SyncState {
  status: SyncStatus | null;
  /** Set when the local backend did not answer; the status bar shows it instead of sync state. */
  backendError: string | null;
  refresh: () => Promise<void>;
  syncNow: () => Promise<RpcResult<'sync.now'>>;
  enroll: (input: MethodInput<'sync.enroll'>) => Promise<RpcResult<'sync.enroll'>>;
}

export const useSyncStore = create<SyncState>()((set) => {
  // Every method returns a fresh status; one place to take it in.
  const take = <R extends RpcResult<'sync.status'>>(r: R): R => {
    if (r.ok) set({ status: r.value, backendError: null });
    else if (r.code === 'backend_unreachable') set({ backendError: r.message });
    return r;
  };
  return {
    status: null,
    backendError: null,
    refresh: async () => {
      take(await api.invoke('sync.status', {}));
    },
    syncNow: async () => take(await api.invoke('sync.now', {})),
    enroll: async (input) => take(await api.invoke('sync.enroll', input)),
  };
});
