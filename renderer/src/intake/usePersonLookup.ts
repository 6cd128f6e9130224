// The repeat-visit check (DOMAIN.md §2): as soon as the form holds a valid document number, or
// a name with a mobile number, ask for the person's earlier matters while they stand there.
import { useEffect, useMemo } from 'react';
import { Form, type FormInstance } from 'antd';
import { parsePhone } from '../../../domain/contact/phone';
import { parseCredential, type CredentialType } from '../../../domain/identity/credentials';
import type { MethodInput } from '../../../domain/rpc/contract';
import { api } from '../api/client';
import { today } from '../api/localContract';
import { splitReaderLine, type FormValues } from './formModel';
import { useIntakeStore } from './intakeStore';

// Long enough to skip the keystrokes of a typed name, short enough to beat the clerk's next question.
const WAIT_MS = 250;

type Query = MethodInput<'intake.lookupPerson'>;

function queryOf(type: CredentialType, number: string, name: string, mobile: string): Query | null {
  const doc = parseCredential(type, splitReaderLine(number).number, today());
  if (doc.ok) return { credential: { type, number: doc.value.number } };
  const phone = parsePhone(mobile);
  if (name.trim() && phone.ok && phone.value.kind === 'mobile') return { name: name.trim(), mobile: phone.value.number };
  return null;
}

export function usePersonLookup(form: FormInstance<FormValues>): void {
  const type = (Form.useWatch(['visitor', 'credential', 'type'], form) as CredentialType | undefined) ?? 'resident';
  const number = (Form.useWatch(['visitor', 'credential', 'number'], form) as string | undefined) ?? '';
  const name = (Form.useWatch(['visitor', 'name'], form) as string | undefined) ?? '';
  const mobile = (Form.useWatch(['visitor', 'mobile'], form) as string | undefined) ?? '';
  const key = useMemo(() => JSON.stringify(queryOf(type, number, name, mobile)), [type, number, name, mobile]);

  useEffect(() => {
    const query = JSON.parse(key) as Query | null;
    const { setLookup } = useIntakeStore.getState();
    if (!query) {
      setLookup(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      void api.invoke('intake.lookupPerson', query).then((r) => {
        // A slower answer for a number since corrected must not replace the current one.
        if (current && r.ok) setLookup({ key, result: r.value });
      });
    }, WAIT_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [key]);
}
