// A new device's enrolment code, shown once (the city keeps only its hash), as text to type at the
// window and as a QR code to read off the screen.
import { Alert, Descriptions, Modal, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { createdDeviceSchema } from '../../../domain/console/devices';

export function EnrollmentCode({ created, onClose }: { created: z.infer<typeof createdDeviceSchema>; onClose: () => void }) {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toDataURL(created.enrollmentCode, { margin: 1, width: 200 }).then(setQr);
  }, [created.enrollmentCode]);
  return (
    <Modal open title="设备注册码" onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} okText="我已记下">
      <Alert type="warning" showIcon title="注册码只显示这一次，请现在抄下或扫码，在窗口的「同步设置」中填入。" style={{ marginBottom: 16 }} />
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="县区">{created.countyCode}</Descriptions.Item>
        <Descriptions.Item label="设备编号">{created.deviceCode}</Descriptions.Item>
        <Descriptions.Item label="注册码">
          <Typography.Text copyable strong style={{ fontSize: 18, fontFamily: 'monospace' }} data-testid="enrollment-code">
            {created.enrollmentCode}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="有效期至">{new Date(created.enrollmentExpiresAt).toLocaleString('zh-CN')}</Descriptions.Item>
      </Descriptions>
      {qr && <img src={qr} alt="注册码二维码" style={{ display: 'block', margin: '16px auto 0' }} />}
    </Modal>
  );
}
