// Whether the person at the desk has asked their system for less motion (Windows: 显示动画 off;
// the media query prefers-reduced-motion). The desk then opens its dialogs, menus and lists
// without antd's fades and slides, and follows the setting when it changes while it runs.
import { useSyncExternalStore } from 'react';

const QUERY = '(prefers-reduced-motion: reduce)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

const current = () => window.matchMedia(QUERY).matches;

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, current);
}
