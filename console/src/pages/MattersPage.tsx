// 信访件: the register across counties, with filters; a row opens the full record.
import { Alert, Button, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { RegisterRow } from '../../../domain/console/matters';
import { api } from '../api';
import { useLoad } from '../useLoad';
import { MatterDrawer } from './MatterDrawer';
import { RegisterTable } from './RegisterTable';

interface Filter {
  countyCode?: string;
  text?: string;
  period?: [Dayjs, Dayjs] | null;
}

function query(f: Filter): string {
  const q = new URLSearchParams({ limit: '500' });
  if (f.countyCode) q.set('countyCode', f.countyCode);
  if (f.text) q.set('text', f.text);
  if (f.period) {
    q.set('from', f.period[0].format('YYYY-MM-DD'));
    q.set('to', f.period[1].format('YYYY-MM-DD'));
  }
  return q.toString();
}

export function MattersPage() {
  const [filter, setFilter] = useState<Filter>({});
  const [open, setOpen] = useState<string | null>(null);
  const { data, error, loading } = useLoad(() => api<{ rows: RegisterRow[] }>('GET', `/api/console/matters?${query(filter)}`), [filter]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Form<Filter> layout="inline" onFinish={(f) => setFilter({ ...f, countyCode: f.countyCode || undefined, text: f.text || undefined })}>
        <Form.Item name="countyCode" label="县区代码">
          <Input style={{ width: 110 }} allowClear />
        </Form.Item>
        <Form.Item name="text" label="编号/内容">
          <Input style={{ width: 200 }} allowClear />
        </Form.Item>
        <Form.Item name="period" label="登记日期">
          <DatePicker.RangePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          查询
        </Button>
      </Form>
      {error && <Alert type="error" title={error} />}
      <RegisterTable rows={data?.rows ?? []} loading={loading} onOpen={(r) => setOpen(r.matterId)} />
      {open && <MatterDrawer matterId={open} onClose={() => setOpen(null)} />}
    </Space>
  );
}
