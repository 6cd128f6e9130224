// Focus helpers for the keyboard-first form. Fields that Enter walks through carry a
// `data-enter` attribute; their DOM order is the walking order, so rows added to the
// representatives list join the walk without a list to maintain.
const STOP = '[data-enter]';

function stops(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(STOP)].filter(
    (el) => !(el as HTMLInputElement).disabled && !(el as HTMLInputElement).readOnly,
  );
}

/** Focuses an element and selects its text, so typing (or the next card swipe) replaces it. */
export function focusElement(el: HTMLElement | null): void {
  if (!el) return;
  el.focus();
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.select();
}

export const focusById = (id: string) => focusElement(document.getElementById(id));

/** Moves to the stop after `from` (an element, or the id of one); stays put after the last. */
export function focusNextStop(container: HTMLElement, from: HTMLElement | string): void {
  const el = typeof from === 'string' ? document.getElementById(from) : from;
  const all = stops(container);
  const next = el ? all[all.indexOf(el) + 1] : undefined;
  if (next) focusElement(next);
}

/** The first box showing an error, to put the clerk where the form needs them. */
export function focusFirstError(container: HTMLElement): void {
  const item = container.querySelector('.ant-form-item-has-error');
  focusElement(item?.querySelector<HTMLElement>('input:not([type=hidden]), textarea, [tabindex]:not([tabindex="-1"])') ?? null);
}
