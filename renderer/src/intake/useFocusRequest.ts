// Focus that moves after React has committed: resetting the form and adding list rows re-mount
// inputs, so focusing at once would land on an element about to be replaced. A new object per
// request lets the same field be asked for twice.
import { useCallback, useEffect, useState } from 'react';
import { focusById } from './keyboard';

/** Focuses `initialId` once mounted; the returned function asks for another field by its DOM id. */
export function useFocusRequest(initialId: string): (id: string) => void {
  const [request, setRequest] = useState({ id: initialId });
  useEffect(() => {
    // The list opened by a change of 人数 may commit a frame later than this request.
    let tries = 10;
    let frame = 0;
    const attempt = () => {
      if (document.getElementById(request.id)) focusById(request.id);
      else if (tries-- > 0) frame = requestAnimationFrame(attempt);
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [request]);
  return useCallback((id: string) => setRequest({ id }), []);
}
