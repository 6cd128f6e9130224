// The desk's keyboard shortcuts, through react-hotkeys-hook: the keys of each in one list, and
// the rules every shortcut follows. Clerks live in the form fields, so shortcuts work from
// inside them (but for a key that is text there); an Enter that an IME is composing with picks a
// candidate and is never a shortcut.
import { useHotkeys } from 'react-hotkeys-hook';

export const SHORTCUTS = {
  /** 登记: registers the form on 来访登记 from anywhere on the page. */
  register: 'ctrl+enter, meta+enter',
  // --- search from every screen (issue #12)
  /** 查找: the cursor to the title bar's search box, from anywhere. */
  search: 'ctrl+k, meta+k',
  /** The same by "/" (its key code), only outside a field, where it is a character typed. */
  searchOutsideFields: 'slash',
} as const;

const OUTSIDE_FIELDS_ONLY: ReadonlySet<keyof typeof SHORTCUTS> = new Set(['searchOutsideFields']);

export function useShortcut(name: keyof typeof SHORTCUTS, run: () => void): void {
  useHotkeys(SHORTCUTS[name], run, { enableOnFormTags: !OUTSIDE_FIELDS_ONLY.has(name), preventDefault: true, ignoreEventWhen: (e) => e.isComposing });
}
