// Who is signed in at this window, held in the backend process's memory only: a restart signs
// everyone out. After the idle minutes with no call the session locks: it keeps who it is (and
// the renderer keeps the form's draft), but nothing but the password opens it again.
import type { Operator } from '../../domain/staff/roles';

export interface SignedIn extends Operator {
  accountId: string;
  mustChangePassword: boolean;
}

/** `clock` is monotonic milliseconds: idleness is real time at the desk, not the business date. */
export function createSessionState(o: { clock: () => number; idleMinutes: () => number }) {
  let user: SignedIn | null = null;
  let lastActive = 0;
  let locked = false;

  const idleFor = () => o.clock() - lastActive;
  function refresh(): void {
    if (user && !locked && idleFor() > o.idleMinutes() * 60_000) locked = true;
  }

  return {
    /** The signed-in user, even when locked (the lock screen names who it waits for). */
    user(): SignedIn | null {
      refresh();
      return user;
    },
    locked(): boolean {
      refresh();
      return locked;
    },
    /** The user a call acts as: signed in and not locked, or nobody. */
    actor(): SignedIn | null {
      refresh();
      return locked ? null : user;
    },
    signIn(u: SignedIn): void {
      user = u;
      locked = false;
      lastActive = o.clock();
    },
    signOut(): void {
      user = null;
      locked = false;
    },
    lock(): void {
      if (user) locked = true;
    },
    /** A call made while signed in and unlocked keeps the session awake. */
    touch(): void {
      if (user && !locked) lastActive = o.clock();
    },
    update(u: Partial<SignedIn>): void {
      if (user) user = { ...user, ...u };
    },
  };
}
export type SessionState = ReturnType<typeof createSessionState>;
