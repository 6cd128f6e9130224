// Today's registrations as the window shows them; refreshed by the list's timer and after
// each registration, so the list never needs its own copy of what was just saved.
import { create } from 'zustand';
import type { MethodOutput } from '../../../domain/rpc/contract';
import { api } from '../api/client';

type TodayRows = MethodOutput<'intake.listToday'>;

interface TodayState {
  rows: TodayRows;
  loading: boolean;
  /** Chinese message of the last failed refresh; cleared by the next success. */
  error: string | null;
  refresh: () => Promise<void>;
}

export const useTodayStore = create<TodayState>()((set) => ({
  rows: [],
  loading: false,
  error: null,
  refresh: async () => {
    set({ loading: true });
    const r = await api.invoke('intake.listToday', {});
    // Keep the rows already shown when a refresh fails: a blank list would look like data loss.
    set(r.ok ? { rows: r.value, loading: false, error: null } : { loading: false, error: r.message });
  },
}));
