// The dialog shape the file's side panels share: a form, a submit that returns the backend's
// refusal (or null), and the refusal shown in place so the entry is not lost.
import { Alert, Form, Modal } from 'antd';
import { useState, type ReactNode } from 'react';

export function FormDialog<V extends object>(props: {
  /** Prefixes the fields' ids: labels must not point at another form's field of the same name. */
  name: string;
  title: string;
  initialValues?: Partial<V>;
  /** Resolves to the backend's Chinese message when refused, null when done. */
  onSubmit: (values: V) => Promise<string | null>;
  onClose: (done: boolean) => void;
  children: ReactNode;
}) {
  const [form] = Form.useForm<V>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(values: V) {
    setBusy(true);
    const refusal = await props.onSubmit(values);
    setBusy(false);
    if (refusal) return setError(refusal);
    props.onClose(true);
  }

  return (
    <Modal open title={props.title} okText="确定" confirmLoading={busy} onOk={() => form.submit()} onCancel={() => props.onClose(false)} mask={{ closable: false }}>
      <Form form={form} name={props.name} layout="vertical" initialValues={props.initialValues} onFinish={(v) => void submit(v)}>
        {props.children}
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
