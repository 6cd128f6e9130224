// Who is signed in to the console, as the server says (GET /api/console/session); the pages
// read the role from here only to hide what the server would refuse anyway.
import { create } from 'zustand';
import type { SessionState } from '../../domain/console/session';

interface SessionStore {
  state: SessionState | null;
  set(state: SessionState): void;
  signedOut(): void;
}

export const useSession = create<SessionStore>((set) => ({
  state: null,
  set: (state) => set({ state }),
  signedOut: () => set((s) => ({ state: s.state && { ...s.state, staff: null, csrfToken: null } })),
}));
