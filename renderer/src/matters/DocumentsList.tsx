// 文书: the matter's printed documents, each to view (download the PDF) and to record as
// delivered. Delivery is the fact the review window counts from, so it is shown beside each.
import { App, Button, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { DELIVERY_METHOD_LABELS, deliveryMethodSchema } from '../../../domain/matters/commands';
import type { MatterDetail } from '../../../domain/matters/rpc';
import { DeliveryDialog } from './DeliveryDialog';
import { downloadDocument } from './download';
import { useMatterStore } from './matterStore';

type Doc = MatterDetail['documents'][number];

const methodLabel = (m: string | null) => {
  const parsed = deliveryMethodSchema.safeParse(m);
  return parsed.success ? DELIVERY_METHOD_LABELS[parsed.data] : '';
};

export function DocumentsList({ matter }: { matter: MatterDetail }) {
  const { message } = App.useApp();
  const [delivering, setDelivering] = useState<Doc | null>(null);

  async function view(doc: Doc) {
    const error = await downloadDocument(doc.id);
    if (error) message.error(error);
  }

  const columns: ColumnsType<Doc> = [
    { title: '文书', dataIndex: 'title' },
    { title: '生成时间', dataIndex: 'createdAt', width: 96, render: (v: string) => dayjs(v).format('MM-DD HH:mm') },
    {
      title: '送达',
      dataIndex: 'deliveredAt',
      width: 150,
      render: (at: string | null, d) =>
        at ? <Tag color="green">{`${methodLabel(d.deliveryMethod)} ${dayjs(at).format('MM-DD HH:mm')}`}</Tag> : d.kind === 'delivery-receipt' ? null : <Tag>未送达</Tag>,
    },
    {
      title: '操作',
      width: 104,
      render: (_, d) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => void view(d)}>
            查看
          </Button>
          {/* A 送达回证 records a delivery; it is not itself delivered. */}
          {!d.deliveredAt && d.kind !== 'delivery-receipt' && (
            <Button type="link" size="small" onClick={() => setDelivering(d)}>
              送达
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Table<Doc> data-testid="documents" size="small" rowKey="id" columns={columns} dataSource={matter.documents} pagination={false} locale={{ emptyText: '暂无文书' }} />
      {delivering && (
        <DeliveryDialog
          documentId={delivering.id}
          title={delivering.title}
          recipient={matter.visitor.masked ? '' : matter.visitor.name}
          onClose={(delivered) => {
            setDelivering(null);
            if (delivered) void useMatterStore.getState().reload();
          }}
        />
      )}
    </>
  );
}
