// Judging a document-number box. When the clerk or the card reader is done with it (Enter, Tab,
// leaving the box) the reader's "number name" line is split and the number checked; while
// typing, a number is judged only once it could be complete, since half-typed is not wrong.
import { useCallback } from 'react';
import type { FormInstance } from 'antd';
import { parseCredential } from '../../../domain/identity/credentials';
import { today } from '../api/localContract';
import type { SettleId } from './CredentialFields';
import { splitReaderLine, type FormValues, type NamePath, type PersonValues } from './formModel';

const RESIDENT_ID_LENGTH = 18;

/**
 * `settle` files a box's line into number and name and says whether the number is valid;
 * `liveCheck` judges the number at `path` as typed so far. `filled` is told when settling
 * changed the form (a name filed, the number trimmed), which typing alone would not report.
 */
export function useCredentialCheck(form: FormInstance<FormValues>, setError: (name: NamePath, text: string | null) => void, filled: () => void) {
  const fields = form as FormInstance;
  const typeAt = useCallback((base: NamePath) => fields.getFieldValue([...base, 'credential', 'type']) as PersonValues['credential']['type'], [fields]);

  const settle: SettleId = useCallback(
    (base, raw) => {
      const { number, name } = splitReaderLine(raw);
      const numberPath = [...base, 'credential', 'number'];
      fields.setFieldValue(numberPath, number.toUpperCase());
      if (name) fields.setFieldValue([...base, 'name'], name);
      const r = parseCredential(typeAt(base), number, today());
      setError(numberPath, r.ok ? null : r.message);
      if (name || number !== raw) filled();
      return { valid: r.ok, name };
    },
    [fields, typeAt, setError, filled],
  );

  const liveCheck = useCallback(
    (path: NamePath) => {
      const type = typeAt(path.slice(0, -2));
      const number = splitReaderLine((fields.getFieldValue(path) as string) ?? '').number;
      const r = parseCredential(type, number, today());
      const complete = type === 'resident' ? number.length >= RESIDENT_ID_LENGTH : false;
      setError(path, !r.ok && complete ? r.message : null);
    },
    [fields, typeAt, setError],
  );

  return { settle, liveCheck };
}
