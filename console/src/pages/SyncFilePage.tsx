// U盘同步: the administrator uploads the sync file a township window wrote onto a USB stick; the
// city applies it as pushes (a file imported twice applies nothing twice) and says what it did —
// or why it refused the file — and offers the answer file to carry back to the window.
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { syncFileImportedSchema } from '../../../domain/console/syncFiles';
import { api, chinese, messageOf } from '../api';

type Imported = z.infer<typeof syncFileImportedSchema>;
type Rejected = Imported['summary']['rejected'][number];

/** Offers the answer file as a download, under the name the window's files have. */
function download(imported: Imported): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(imported.answer)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = imported.answerFileName;
  a.click();
  URL.revokeObjectURL(url);
}

function Outcome({ imported }: { imported: Imported }) {
  const s = imported.summary;
  return (
    <Card size="small" title="导入结果">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label="设备">{`${s.countyCode}-${s.deviceCode}`}</Descriptions.Item>
          <Descriptions.Item label="文件中的记录">{s.events} 条</Descriptions.Item>
          <Descriptions.Item label="本次接收">{s.accepted} 条</Descriptions.Item>
          <Descriptions.Item label="已确认至序号">{s.ackedSeq ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="拒收">{s.rejected.length} 条</Descriptions.Item>
        </Descriptions>
        {s.events > 0 && s.accepted === 0 && s.pushError === null && <Alert type="info" title="文件中的记录市里都已收到（重复导入不会重复入库）" />}
        {s.pushError && (
          <Alert
            type="warning"
            title={`导入在中途停止：${chinese(s.pushError.message)}`}
            description={s.pushError.expectedSeq === undefined ? undefined : `市里需要从序号 ${s.pushError.expectedSeq} 起的记录：把回执带回窗口导入后，请重新导出同步文件。`}
          />
        )}
        {s.rejected.length > 0 && (
          <Table<Rejected>
            rowKey="seq"
            size="small"
            pagination={{ pageSize: 10 }}
            dataSource={s.rejected}
            columns={[
              { title: '序号', dataIndex: 'seq', width: 80 },
              { title: '原因代码', dataIndex: 'code', width: 160 },
              { title: '原因', dataIndex: 'message' },
            ]}
          />
        )}
        <Space>
          <Button type="primary" onClick={() => download(imported)}>
            下载回执文件
          </Button>
          <Typography.Text type="secondary">{imported.answerFileName}：存入U盘，带回窗口在“U盘同步 → 导入市级回执”中导入。</Typography.Text>
        </Space>
      </Space>
    </Card>
  );
}

export function SyncFilePage() {
  const [busy, setBusy] = useState(false);
  const [imported, setImported] = useState<Imported | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const importFile = async (file: File) => {
    setBusy(true);
    setImported(null);
    setRefused(null);
    let body: unknown;
    try {
      body = JSON.parse(await file.text());
    } catch {
      setRefused('这不是窗口导出的同步文件（无法读取）');
      setBusy(false);
      return;
    }
    try {
      setImported(await api<Imported>('POST', '/api/console/sync-files', body));
    } catch (e) {
      setRefused(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title="导入窗口的U盘同步文件">
        <Upload.Dragger
          accept=".json,application/json"
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void importFile(file);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{busy ? '正在导入…' : '点击或拖入窗口导出的同步文件（xinfang-to-city-….json）'}</p>
          <p className="ant-upload-hint">文件按网络同步的规则入库：已收到的记录不会重复入库，内容有误的记录拒收并说明原因。</p>
        </Upload.Dragger>
      </Card>
      {refused && <Alert type="error" title="文件未导入" description={refused} />}
      {imported && <Outcome imported={imported} />}
    </Space>
  );
}
