// 文书: the matter's printed documents, each to view (download the PDF) and to record as
// delivered. Delivery is the fact the review window counts from, so it is shown beside each.
import { App, Button, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useState } from 'react';
import { DOCUMENT_TITLES, MASKED_FOR_PROTECTED_REPORTER, type DocumentKind } from '../../../domain/documents/kinds';
import { offeredNotices } from '../../../domain/documents/offered';
import { DELIVERY_METHOD_LABELS, deliveryMethodSchema } from '../../../domain/matters/commands';
import { api } from '../api/client';
import type { MatterDetail } from '../../../domain/matters/rpc';
import { DeliveryDialog } from './DeliveryDialog';
import { downloadDocument } from './download';
import { useMatterStore } from './matterStore';

type Doc = MatterDetail['documents'][number];

const methodLabel = (m: string | null) => {
  const parsed = deliveryMethodSchema.safeParse(m);
  return parsed.success ? DELIVERY_METHOD_LABELS[parsed.data] : '';
};

/**
 * 出具文书: any notice again, or one no step produces — the 不再受理告知书 when a terminated
 * matter is raised again, the refusal of a 复查 or 复核 asked too late. The hearing's papers and
 * the agreement are offered once their step is in the file (offeredNotices). The backend says in
 * words why a notice cannot be issued (the window still open, a review body missing from the tree).
 */
function IssueNotice({ matter }: { matter: MatterDetail }) {
  const { matterId } = matter;
  // A masked reporter's papers name them: the backend refuses those but the masked kinds (条例 art. 30).
  const offered = offeredNotices(
    matter.transitions.map((t) => t.command),
    matter.lifecycle.settlement,
  ).filter((k) => !matter.visitor.masked || MASKED_FOR_PROTECTED_REPORTER.includes(k));
  const { message } = App.useApp();
  const [kind, setKind] = useState<DocumentKind | undefined>();
  const [busy, setBusy] = useState(false);
  async function issue() {
    if (!kind) return;
    setBusy(true);
    try {
      const r = await api.invoke('documents.generate', { matterId, kind });
      if (!r.ok) return void message.error(r.message);
      message.success(`已出具${DOCUMENT_TITLES[kind]}`);
      await useMatterStore.getState().reload();
    } finally {
      setBusy(false);
    }
  }
  return (
    <Space style={{ marginBottom: 8 }} data-testid="issue-notice">
      <Select<DocumentKind>
        aria-label="文书种类"
        placeholder="选择要出具的文书"
        style={{ width: 260 }}
        // Up to sixteen kinds: all rendered, so none hides below a virtual list's fold.
        virtual={false}
        listHeight={520}
        value={kind}
        onChange={setKind}
        options={offered.map((k) => ({ value: k, label: DOCUMENT_TITLES[k] }))}
      />
      <Button onClick={() => void issue()} disabled={!kind} loading={busy}>
        出具
      </Button>
    </Space>
  );
}

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
      // Wide enough for the tag a withheld paper shows instead of 查看.
      width: 140,
      render: (_, d) => (
        <Space size={0}>
          {d.withheld ? (
            <Tag>仅科长/督办可查看</Tag>
          ) : (
            <Button type="link" size="small" onClick={() => void view(d)}>
              查看
            </Button>
          )}
          {/* A 送达回证 records a delivery; it is not itself delivered. A withheld paper is delivered by a 科长/督办. */}
          {!d.deliveredAt && d.kind !== 'delivery-receipt' && !d.withheld && (
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
      <IssueNotice matter={matter} />
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
