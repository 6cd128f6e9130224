// What the session's forms share: the backend's refusal shown under a form.
import { Alert } from 'antd';
import type { Err } from '../../../domain/result';

export function Refusal({ refusal }: { refusal: Err | null }) {
  return refusal && <Alert type="error" showIcon title={refusal.message} style={{ marginBottom: 16 }} role="alert" />;
}
