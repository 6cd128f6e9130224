// The window's side of the idle lock: no key or pointer for the idle minutes asks the backend to
// lock (which it would also do by itself at the next call), and the session is looked at now
// and then so a lock the backend decided shows at once.
import { useEffect } from 'react';
import { onSessionChanged } from '../api/client';
import { useSessionStore } from './sessionStore';

const ACTIVITY = ['keydown', 'pointerdown', 'wheel'] as const;
const CHECK_EVERY_MS = 15_000;

export function useIdleLock(): void {
  const session = useSessionStore((s) => s.session);
  const signedIn = Boolean(session?.user) && !session?.locked;
  const idleMs = (session?.idleMinutes ?? 10) * 60_000;

  useEffect(() => onSessionChanged(() => void useSessionStore.getState().refresh()), []);

  useEffect(() => {
    if (!signedIn) return;
    let last = Date.now();
    const seen = () => (last = Date.now());
    for (const e of ACTIVITY) window.addEventListener(e, seen, { capture: true, passive: true });
    const timer = setInterval(() => {
      if (Date.now() - last > idleMs) void useSessionStore.getState().call('session.lock', {});
      else void useSessionStore.getState().refresh();
    }, CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, seen, { capture: true });
    };
  }, [signedIn, idleMs]);
}
