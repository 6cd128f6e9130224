// The desk's keyboard shortcuts, through react-hotkeys-hook: the keys of each in one list, and
// the rules every shortcut follows. Clerks live in the form fields, so shortcuts work from
// inside them; an Enter that an IME is composing with picks a candidate and is never a shortcut.
import { useHotkeys } from 'react-hotkeys-hook';

export const SHORTCUTS = {
  /** 登记: registers the form on 来访登记 from anywhere on the page. */
  register: 'ctrl+enter, meta+enter',
} as const;

export function useShortcut(name: keyof typeof SHORTCUTS, run: () => void): void {
  useHotkeys(SHORTCUTS[name], run, { enableOnFormTags: true, preventDefault: true, ignoreEventWhen: (e) => e.isComposing });
}
