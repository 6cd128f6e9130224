// The matter file on screen, in one store so every panel of the file can reload it after its own
// action without passing callbacks down.
import { create } from 'zustand';
import type { MatterDetail } from '../../../domain/matters/rpc';
import { api } from '../api/client';

interface MatterState {
  matterId: string | null;
  detail: MatterDetail | null;
  error: string | null;
  load: (matterId: string) => Promise<void>;
  reload: () => Promise<void>;
  /** A command answers with the new file: show it without another round trip. */
  show: (detail: MatterDetail) => void;
}

export const useMatterStore = create<MatterState>()((set, get) => ({
  matterId: null,
  detail: null,
  error: null,
  load: async (matterId) => {
    // Another matter's file must not flash while this one loads.
    if (get().matterId !== matterId) set({ matterId, detail: null, error: null });
    const detail = await api.invoke('matters.get', { matterId });
    if (get().matterId !== matterId) return;
    set({ detail: detail.ok ? detail.value : get().detail, error: detail.ok ? null : detail.message });
  },
  reload: async () => {
    const id = get().matterId;
    if (id) await get().load(id);
  },
  show: (detail) => set({ detail, error: null }),
}));
