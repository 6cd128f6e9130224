// Who the backend says is at the window: the session it holds (signed in, locked, must change
// the password, or nobody yet). The renderer only mirrors it; every check is the backend's.
import { create } from 'zustand';
import type { MethodInput } from '../../../domain/rpc/contract';
import type { RpcResult } from '../../../domain/rpc/bridge';
import type { Session } from '../../../domain/staff/rpc';
import { api } from '../api/client';

/** The methods that answer with the new session. */
type SessionMethod = 'session.setup' | 'session.login' | 'session.logout' | 'session.lock' | 'session.unlock' | 'session.changePassword' | 'settings.setIdleMinutes' | 'store.recover';

interface SessionState {
  session: Session | null;
  /** Set when the backend did not answer at all. */
  error: string | null;
  /** The recovery code just made (set-up, re-key), until the administrator has kept it. */
  recoveryCode: string | null;
  keptRecoveryCode: () => void;
  showRecoveryCode: (code: string) => void;
  refresh: () => Promise<void>;
  call: <M extends SessionMethod>(method: M, input: MethodInput<M>) => Promise<RpcResult<M>>;
}

export const useSessionStore = create<SessionState>()((set) => ({
  session: null,
  error: null,
  recoveryCode: null,
  keptRecoveryCode: () => set({ recoveryCode: null }),
  showRecoveryCode: (code) => set({ recoveryCode: code }),
  refresh: async () => {
    const r = await api.invoke('session.get', {});
    set(r.ok ? { session: r.value, error: null } : { error: r.message });
  },
  call: async (method, input) => {
    const r = await api.invoke(method, input);
    if (r.ok) {
      const value = r.value as Session & { recoveryCode?: string };
      set({ session: value, error: null, ...(value.recoveryCode ? { recoveryCode: value.recoveryCode } : {}) });
    }
    return r;
  },
}));
