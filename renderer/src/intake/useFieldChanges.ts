// What an edit sets off: the draft is saved soon; the edited box's own error goes (a document
// number is judged as typed instead); and a group visit gets its representatives list, opened
// with a first row.
import { useCallback } from 'react';
import type { FormInstance } from 'antd';
import { GROUP_VISIT_THRESHOLD } from '../../../domain/intake/registration';
import { changedPaths, emptyPerson, type FormValues, type NamePath, type PersonValues } from './formModel';
import type { FieldErrors } from './useFieldErrors';

interface Reactions {
  form: FormInstance<FormValues>;
  errors: FieldErrors;
  liveCheck: (path: NamePath) => void;
  /** Tells the draft autosave. */
  edited: () => void;
}

const isNumberPath = (p: NamePath) => p.at(-1) === 'number' && p.at(-2) === 'credential';

/** The form's onValuesChange. */
export function useFieldChanges({ form, errors, liveCheck, edited }: Reactions) {
  const { setError, setListError } = errors;
  return useCallback(
    (changed: Partial<FormValues>) => {
      edited();
      for (const p of changedPaths(changed)) {
        if (isNumberPath(p)) liveCheck(p);
        else setError(p, null);
        if (p[0] === 'representatives') setListError(null);
      }
      // Read the store, not the last render: the box reports again on blur, before a re-render,
      // and a second first row would re-mount the list under the clerk's cursor.
      const reps = (form.getFieldValue('representatives') as PersonValues[] | undefined) ?? [];
      if (typeof changed.headcount === 'number' && changed.headcount >= GROUP_VISIT_THRESHOLD && reps.length === 0) {
        form.setFieldValue('representatives', [emptyPerson()]);
      }
    },
    [form, setError, setListError, liveCheck, edited],
  );
}
