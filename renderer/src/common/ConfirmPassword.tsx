// A second entry of a new password, checked against the first before anything is sent; shared by
// the desk's session forms and the city console's.
import { Form, Input } from 'antd';

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
