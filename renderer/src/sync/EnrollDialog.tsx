// 同步设置: enrols this machine with the city server once, with the one-time code an
// administrator gave out (DESIGN.md §4).
import { useState, type KeyboardEvent } from 'react';
import { Alert, App, Form, Input, Modal } from 'antd';
import type { MethodInput } from '../../../domain/rpc/contract';
// From its own feature, not the contract: the contract builds every feature's schemas.
import { enrollInputSchema } from '../../../domain/sync/rpc';
import { useSyncStore } from './syncStore';

type EnrollInput = MethodInput<'sync.enroll'>;
const FIELDS: (keyof EnrollInput)[] = ['serverUrl', 'code', 'name'];

export function EnrollDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<EnrollInput>();
  const status = useSyncStore((s) => s.status);
  const enroll = useSyncStore((s) => s.enroll);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const check = enrollInputSchema.safeParse(form.getFieldsValue(true));
    if (!check.success) {
      const seen = new Set<string>();
      for (const issue of check.error.issues) {
        const f = issue.path[0];
        if (typeof f === 'string' && !seen.has(f) && (FIELDS as string[]).includes(f)) {
          seen.add(f);
          form.setFields([{ name: f as keyof EnrollInput, errors: [issue.message] }]);
        }
      }
      return;
    }
    setBusy(true);
    try {
      const r = await enroll(check.data);
      if (r.ok) {
        message.success(`已注册到市级服务器，本机编号 ${r.value.deviceCode ?? ''}`);
        onClose();
      } else if (r.field && (FIELDS as string[]).includes(r.field)) {
        form.setFields([{ name: r.field as keyof EnrollInput, errors: [r.message] }]);
      } else {
        setError(r.message);
      }
    } finally {
      setBusy(false);
    }
  };

  // The modal's buttons sit outside the form, so Enter would otherwise do nothing.
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && !e.nativeEvent.isComposing && e.target instanceof HTMLInputElement) {
      e.preventDefault();
      void submit();
    }
  };

  return (
    <Modal
      title="同步设置"
      open={open}
      okText="注册"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={520}
    >
      {status?.enrolled && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本机已注册：编号 ${status.deviceCode ?? '—'}，县级代码 ${status.countyCode ?? '—'}`}
          description={`市级服务器 ${status.serverUrl ?? '—'}。重新注册需管理员另发注册码。`}
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <div onKeyDown={onKeyDown}>
        <Form<EnrollInput>
          form={form}
          name="enroll"
          layout="horizontal"
          labelCol={{ flex: '0 0 124px' }}
          wrapperCol={{ flex: 'auto' }}
          colon={false}
          autoComplete="off"
          initialValues={{ serverUrl: status?.serverUrl ?? '', code: '', name: '' }}
          // Errors are set by hand after submit; editing a box clears its own.
          onValuesChange={(changed: Partial<EnrollInput>) =>
            form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof EnrollInput, errors: [] })))
          }
        >
          <Form.Item name="serverUrl" label="市级服务器地址" required>
            <Input autoFocus placeholder="如 http://192.168.1.10:8787" />
          </Form.Item>
          <Form.Item name="code" label="注册码" required extra="由市级管理员提供，只能使用一次">
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="name" label="本机名称" required style={{ marginBottom: 0 }}>
            <Input maxLength={100} placeholder="如 县信访局一号窗口" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
