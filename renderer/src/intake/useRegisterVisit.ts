// Registering what is on the form: checked first with the RPC contract's own schema, so the clerk
// sees every mistake at once without a round trip; then 'intake.register', the outcome told in
// the clerk's words, and the form handed back for the next visitor. One registration at a time.
import { useRef, useState, type RefObject } from 'react';
import { App, type FormInstance } from 'antd';
import { api } from '../api/client';
import { localContract } from '../api/localContract';
import { regionPathErrors, toInput, type FormValues } from './formModel';
import { useIntakeStore } from './intakeStore';
import { focusFirstError } from './keyboard';
import type { FieldErrors } from './useFieldErrors';

interface Registration {
  form: FormInstance<FormValues>;
  errors: FieldErrors;
  /** Holds the form, to find the first box showing an error. */
  container: RefObject<HTMLElement | null>;
  /** Waits out the draft autosave: registering deletes the draft, a late save must not bring it back. */
  settleDraft: () => Promise<void>;
  /** The visit is on file: clear the form for the next visitor. */
  registered: () => void;
}

export function useRegisterVisit({ form, errors, container, settleDraft, registered }: Registration) {
  const { message } = App.useApp();
  const [submitting, setSubmitting] = useState(false);
  const inFlight = useRef(false);
  const toFirstError = () => requestAnimationFrame(() => focusFirstError(container.current!));

  const submit = async () => {
    if (inFlight.current) return;
    const values = form.getFieldsValue(true) as FormValues;
    const { link, draftId } = useIntakeStore.getState();
    const input = toInput(values, link, draftId);
    const check = localContract['intake.register'].input.safeParse(input);
    const regionErrors = regionPathErrors(values);
    if (!check.success || regionErrors.length > 0) {
      let unplaced = false;
      for (const e of regionErrors) errors.setError(e.name, e.message);
      for (const issue of check.success ? [] : check.error.issues) {
        if (!errors.showError(issue.path.join('.'), issue.message)) unplaced = true;
      }
      if (unplaced) message.error('登记信息有误，请核对');
      toFirstError();
      return;
    }
    inFlight.current = true;
    setSubmitting(true);
    try {
      await settleDraft();
      const r = await api.invoke('intake.register', input);
      if (r.ok) {
        const due = r.value.nextDeadline;
        if (r.value.terminated) message.warning(`已登记本次来访（${r.value.matterNo}）。该事项已终结，请做好解释`, 6);
        else message.success(`登记成功，信访件编号 ${r.value.matterNo}${due ? `（${due.label}至 ${due.lastDay}）` : ''}`);
        useIntakeStore.getState().registered({ ...r.value, visitorName: input.visitor.name });
        registered();
      } else if (r.field && errors.showError(r.field, r.message)) {
        toFirstError();
      } else {
        message.error(r.message);
      }
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  return { submit, submitting };
}
