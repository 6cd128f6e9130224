// Saves the form as a draft while the clerk types (DOMAIN.md §8: nothing typed is lost to a
// reload or a crash). A throttle, not a debounce: a clerk typing without a pause for a minute
// still has everything but the last 800 ms on disk.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import { api } from '../api/client';
import { draftTitle, hasContent, type FormValues } from './formModel';
import { useIntakeStore } from './intakeStore';

const SAVE_EVERY_MS = 800;

export function useDraftAutosave(form: FormInstance<FormValues>) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSave = useRef<Promise<unknown>>(Promise.resolve());
  const [savedAt, setSavedAt] = useState<string | null>(null);

  const save = useCallback(() => {
    timer.current = null;
    const values = form.getFieldsValue(true) as FormValues;
    if (!hasContent(values)) return;
    const id = useIntakeStore.getState().draftId;
    lastSave.current = api
      .invoke('drafts.save', { id, title: draftTitle(values), data: values as unknown as Record<string, unknown> })
      .then((r) => setSavedAt(r.ok ? r.value.updatedAt : null));
  }, [form]);

  /** Call on every edit. */
  const changed = useCallback(() => {
    timer.current ??= setTimeout(save, SAVE_EVERY_MS);
  }, [save]);

  /**
   * Before registering (which deletes the draft) or clearing: drop the pending save and wait
   * for one in flight, so no late save brings the draft back.
   */
  const settle = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    await lastSave.current;
    setSavedAt(null);
  }, []);

  // Leaving the page (工作台) mid-form saves at once rather than dropping the pending save.
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        save();
      }
    },
    [save],
  );

  return { changed, settle, savedAt };
}
