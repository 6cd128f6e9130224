// 刚刚登记: the last registration's number, its next deadline, the 登记回执 to print for the
// visitor, and the materials they brought (附件).
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Tag } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { api } from '../api/client';
import { downloadBase64 } from '../shell/download';
import { EstimatedNote } from '../matters/DaysLeftTag';
import { AttachmentsPanel } from './AttachmentsPanel';
import { useIntakeStore } from './intakeStore';
import { TERMINATED_GUIDANCE } from './PriorMatters';

export function RegisteredPanel() {
  const { message } = App.useApp();
  const last = useIntakeStore((s) => s.last);
  const [printing, setPrinting] = useState(false);
  if (!last) return null;

  const printReceipt = async () => {
    setPrinting(true);
    try {
      const doc = await api.invoke('documents.generate', { matterId: last.matterId, kind: 'registration-receipt' });
      if (!doc.ok) return void message.error(doc.message);
      const file = await api.invoke('documents.read', { documentId: doc.value.documentId });
      if (!file.ok) return void message.error(file.message);
      downloadBase64(file.value);
    } finally {
      setPrinting(false);
    }
  };

  return (
    <Card
      size="small"
      data-testid="registered"
      title="刚刚登记"
      extra={
        <Button type="primary" size="small" icon={<PrinterOutlined />} loading={printing} onClick={() => void printReceipt()}>
          打印回执
        </Button>
      }
    >
      <Descriptions size="small" column={2} styles={{ label: { width: 72 } }}>
        <Descriptions.Item label="编号">
          <span data-testid="last-matter-no" style={{ fontWeight: 600 }}>
            {last.matterNo}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="来访人">
          {last.visitorName} <Tag color={last.visitKind === 'repeat' ? 'orange' : 'blue'}>{last.visitKind === 'repeat' ? '重复访' : '初访'}</Tag>
        </Descriptions.Item>
        {last.nextDeadline && (
          <Descriptions.Item label="下一期限" span={2}>
            {last.nextDeadline.label}至 {last.nextDeadline.lastDay}
            <EstimatedNote deadline={last.nextDeadline} />
          </Descriptions.Item>
        )}
      </Descriptions>
      {last.terminated && <Alert type="error" showIcon title={TERMINATED_GUIDANCE} style={{ marginBottom: 8 }} />}
      <AttachmentsPanel key={last.matterId} matterId={last.matterId} />
    </Card>
  );
}
