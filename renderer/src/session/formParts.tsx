// Pieces the session's forms share: the backend's refusal shown under a form, and the second
// entry of a new password that must match the first.
import { Alert, Form, Input } from 'antd';
import type { Err } from '../../../domain/result';

export function Refusal({ refusal }: { refusal: Err | null }) {
  return refusal && <Alert type="error" showIcon title={refusal.message} style={{ marginBottom: 16 }} role="alert" />;
}

/** A second entry of the password in field `of`, checked against it before anything is sent. */
export function ConfirmPassword({ of, label }: { of: string; label: string }) {
  return (
    <Form.Item
      name="confirm"
      label={label}
      dependencies={[of]}
      rules={[
        { required: true, message: `请${label}` },
        ({ getFieldValue }) => ({ validator: (_, v) => (v === getFieldValue(of) ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) }),
      ]}
    >
      <Input.Password autoComplete="new-password" />
    </Form.Item>
  );
}
