// Errors under the form's boxes. They are set by hand rather than by antd rules: the form checks
// with the RPC contract's own schema and the backend may refuse a field, so one source says what
// is wrong. An error about the representatives as a whole has no box and is kept here.
import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import { fieldOfErrorPath, type FormValues, type NamePath } from './formModel';

export interface FieldErrors {
  /** Puts `text` under the box at `name`, or clears it with null. */
  setError: (name: NamePath, text: string | null) => void;
  /** Shows an error by its record path ('visitor.name'); false when no box fits it. */
  showError: (path: string, text: string) => boolean;
  listError: string | null;
  setListError: (text: string | null) => void;
}

export function useFieldErrors(form: FormInstance<FormValues>): FieldErrors {
  const [listError, setListError] = useState<string | null>(null);
  // Paths built at run time (a representative's row, an error's path) are beyond antd's typed paths.
  const fields = form as FormInstance;
  const setError = useCallback((name: NamePath, text: string | null) => fields.setFields([{ name, errors: text ? [text] : [] }]), [fields]);
  const showError = useCallback(
    (path: string, text: string) => {
      const f = fieldOfErrorPath(path);
      if (f === 'representatives') setListError(text);
      else if (f) setError(f, text);
      return f !== null;
    },
    [setError],
  );
  return { setError, showError, listError, setListError };
}
