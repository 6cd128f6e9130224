// Which page the window shows. Pages are few and known; a matter's file is opened from any list.
import { create } from 'zustand';

export type Page = { name: 'intake' } | { name: 'queue' } | { name: 'figures' } | { name: 'accounts' } | { name: 'backup' } | { name: 'matter'; matterId: string };

interface NavigationState {
  page: Page;
  open: (page: Page) => void;
}

export const useNavigation = create<NavigationState>((set) => ({
  page: { name: 'intake' },
  open: (page) => set({ page }),
}));
