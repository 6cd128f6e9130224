// 基础数据: what the city publishes to every device (holidays, settings, units, categories), each
// a new version replacing the whole value; devices pull the latest at their next sync.
import { Alert, App, Button, Card, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { referenceKeySchema, type ReferenceKey } from '../../../domain/sync/pull';
import { api, messageOf } from '../api';
import { useLoad } from '../useLoad';

const KEY_LABELS: Record<ReferenceKey, string> = {
  holidays: '节假日调整',
  calendar: '年度节假日安排',
  settings: '设备设置',
  units: '责任单位',
  organisations: '组织机构',
  categories: '问题分类',
};
const EXAMPLES: Record<ReferenceKey, unknown> = {
  holidays: { restDays: ['2027-01-01'], workingDays: [] },
  settings: { syncIntervalMinutes: 5, groupVisitThreshold: 5 },
  units: [{ code: 'U001', name: '市住房和城乡建设局' }],
  categories: [],
  calendar: { years: [{ year: 2027, source: '国办发明电〔2026〕号', restDays: ['2027-01-01'], workingDays: [] }] },
  organisations: [],
};
interface Item {
  key: ReferenceKey;
  version: number;
  value: unknown;
  updatedAt: string;
}

export function ReferencePage() {
  const [key, setKey] = useState<ReferenceKey>('holidays');
  const { data, reload } = useLoad(() => api<{ items: Item[] }>('GET', '/api/console/reference'), []);
  const current = data?.items.find((i) => i.key === key);
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const shown = text ?? JSON.stringify(current?.value ?? EXAMPLES[key], null, 2);
  const publish = async () => {
    try {
      const r = await api<{ version: number }>('PUT', `/api/console/reference/${key}`, JSON.parse(shown));
      void message.success(`已发布第 ${r.version} 版`);
      setText(null);
      setError(null);
      reload();
    } catch (e) {
      setError(e instanceof SyntaxError ? '内容不是有效的 JSON' : messageOf(e));
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<Item>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={data?.items ?? []}
        columns={[
          { title: '数据', dataIndex: 'key', render: (k: ReferenceKey) => KEY_LABELS[k] },
          { title: '版本', dataIndex: 'version' },
          { title: '发布时间', dataIndex: 'updatedAt', render: (v: string) => new Date(v).toLocaleString('zh-CN') },
        ]}
      />
      <Card size="small" title="发布新版本">
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Select
            value={key}
            onChange={(k) => (setKey(k), setText(null), setError(null))}
            options={referenceKeySchema.options.map((k) => ({ value: k, label: KEY_LABELS[k] }))}
            style={{ width: 200 }}
            aria-label="数据类别"
          />
          {error && <Alert type="error" title={error} role="alert" />}
          <Input.TextArea aria-label="内容" rows={10} value={shown} onChange={(e) => setText(e.target.value)} style={{ fontFamily: 'monospace' }} />
          <Button type="primary" onClick={() => void publish()}>
            发布
          </Button>
        </Space>
      </Card>
    </Space>
  );
}
