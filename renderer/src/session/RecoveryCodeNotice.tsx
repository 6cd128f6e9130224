// The county recovery code, shown once (after set-up, and after a re-key): to be printed and
// kept offline by the administrator. It is never shown again, so the window waits for a
// confirmation that it has been kept.
import { Button, Checkbox, Modal, Typography } from 'antd';
import { useState } from 'react';

export function RecoveryCodeNotice({ code, onDone }: { code: string; onDone: () => void }) {
  const [kept, setKept] = useState(false);
  return (
    <Modal
      open
      title="请打印并妥善保管恢复密钥"
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" disabled={!kept} onClick={onDone}>
          我已保存，继续
        </Button>
      }
    >
      <Typography.Paragraph>本机数据已加密。若电脑损坏、更换或系统密钥库丢失，只有此恢复密钥能打开数据。它只显示这一次，请打印后交由管理员离线保管。</Typography.Paragraph>
      <Typography.Paragraph copyable={{ text: code }} data-testid="recovery-code" style={{ fontFamily: 'monospace', fontSize: 18, textAlign: 'center' }}>
        {code}
      </Typography.Paragraph>
      <Button onClick={() => window.print()} style={{ marginBottom: 12 }}>
        打印
      </Button>
      <div>
        <Checkbox checked={kept} onChange={(e) => setKept(e.target.checked)}>
          我已打印或抄写并妥善保管
        </Checkbox>
      </div>
    </Modal>
  );
}
