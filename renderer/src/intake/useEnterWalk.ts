// The keyboard walk (DOMAIN.md §7): Enter moves through the single-line fields in order, so the
// clerk never needs the mouse. A card reader types "number⏎" or "number name⏎" into 证件号码:
// the line is filed and checked there, and the walk goes on to 姓名 (or past it, when the reader
// gave the name). 人数 of a group leads into the representatives, and the last one's 手机 opens
// the next row, up to the legal five.
import { useCallback, type KeyboardEvent, type RefObject } from 'react';
import type { FormInstance } from 'antd';
import { MAX_REPRESENTATIVES } from '../../../domain/intake/registration';
import type { SettleId } from './CredentialFields';
import { emptyPerson, fieldId, isBlankPerson, type FormValues, type PersonValues } from './formModel';
import { focusById, focusNextStop } from './keyboard';

interface Walk {
  form: FormInstance<FormValues>;
  /** The element holding the form's stops (`data-enter`), in walking order. */
  container: RefObject<HTMLElement | null>;
  settle: SettleId;
  requestFocus: (id: string) => void;
}

const representativeNumber = (row: number) => fieldId(['representatives', row, 'credential', 'number']);

/** The keydown handler for the form's container. */
export function useEnterWalk({ form, container, settle, requestFocus }: Walk) {
  return useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      // Enter while an IME is composing picks a candidate; Ctrl+Enter is the register shortcut.
      if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.ctrlKey || e.metaKey) return;
      const t = e.target;
      // Selects, cascaders, radios, buttons and text areas keep their own Enter.
      if (!(t instanceof HTMLInputElement) || t.dataset.enter === undefined) return;
      e.preventDefault(); // no implicit submit from a single-line field
      const box = container.current!;
      if (t.dataset.idOf !== undefined) {
        const base = t.dataset.idOf.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
        // Judge what is in the box now: the form's state lags a reader that types and presses
        // Enter within the same few milliseconds.
        const r = settle(base, t.value);
        if (!r.valid) {
          // A bad read stays put and selected, so the next swipe or typing replaces it.
          t.select();
          return;
        }
        // To 姓名 by its id, not the next stop: the boxes the number fills are disabled only
        // once React has re-rendered. "number name⏎" filled 姓名 too: go past it.
        const nameId = fieldId([...base, 'name']);
        if (r.name) focusNextStop(box, nameId);
        else focusById(nameId);
        return;
      }
      const reps = (form.getFieldValue('representatives') as PersonValues[] | undefined) ?? [];
      if (t.id === fieldId(['headcount']) && reps.length > 0) {
        // Into the representatives, even while the list the new 人数 opened is still rendering.
        requestFocus(representativeNumber(0));
        return;
      }
      if (t.dataset.repRow !== undefined) {
        const row = Number(t.dataset.repRow);
        if (row === reps.length - 1 && reps.length < MAX_REPRESENTATIVES && !isBlankPerson(reps[row]!)) {
          form.setFieldValue('representatives', [...reps, emptyPerson()]);
          requestFocus(representativeNumber(row + 1));
          return;
        }
      }
      focusNextStop(box, t);
    },
    [form, container, settle, requestFocus],
  );
}
