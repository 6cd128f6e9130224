// 统计: the counties' figures over a period, as the window computes them (domain/figures), in a
// table and a chart; every number opens the matters behind it, and the table downloads as Excel.
import { Alert, Button, Card, DatePicker, Drawer, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { FigureKey, RegisterRow } from '../../../domain/console/matters';
import { INDICATOR_LABELS, percentOf as percent, REPEAT_RATE_LABEL, type Indicators, type Rate } from '../../../domain/figures/indicators';
import { RatesChart } from '../../../renderer/src/common/RatesChart';
import { api } from '../api';
import { useLoad } from '../useLoad';
import { MatterDrawer } from './MatterDrawer';
import { RegisterTable } from './RegisterTable';

interface CountyFigures {
  matters: number;
  visits: number;
  firstVisits: number;
  repeatVisits: number;
  groupVisits: number;
  people: number;
  repeatRate: Rate;
  indicators: Indicators;
}
interface Figures {
  from: string;
  to: string;
  counties: (CountyFigures & { countyCode: string })[];
  total: CountyFigures;
}
interface Drill {
  figure: FigureKey;
  label: string;
  countyCode?: string;
}

const COUNTS: { key: FigureKey & keyof CountyFigures; label: string }[] = [
  { key: 'matters', label: '信访件' },
  { key: 'visits', label: '来访' },
  { key: 'firstVisits', label: '初访' },
  { key: 'repeatVisits', label: '重复访' },
  { key: 'groupVisits', label: '集体访' },
];
type Row = CountyFigures & { countyCode: string };
const RATES = Object.keys(INDICATOR_LABELS) as (keyof Indicators)[];

function DrillDrawer({ drill, period, onClose }: { drill: Drill; period: [string, string]; onClose: () => void }) {
  const [open, setOpen] = useState<string | null>(null);
  const q = new URLSearchParams({ from: period[0], to: period[1], figure: drill.figure, ...(drill.countyCode ? { countyCode: drill.countyCode } : {}) });
  const { data, error, loading } = useLoad(() => api<{ rows: RegisterRow[]; more: boolean }>('GET', `/api/console/figures/matters?${q}`), [q.toString()]);
  return (
    <Drawer open size="large" title={`${drill.countyCode ?? '全市'} · ${drill.label} · ${period[0]} 至 ${period[1]}`} onClose={onClose}>
      {error && <Alert type="error" title={error} />}
      {data?.more && <Alert type="warning" title="只列出前 1000 件" style={{ marginBottom: 8 }} />}
      <RegisterTable rows={data?.rows ?? []} loading={loading} onOpen={(r) => setOpen(r.matterId)} />
      {open && <MatterDrawer matterId={open} onClose={() => setOpen(null)} />}
    </Drawer>
  );
}

export function FiguresPage() {
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [drill, setDrill] = useState<Drill | null>(null);
  const range: [string, string] = [period[0].format('YYYY-MM-DD'), period[1].format('YYYY-MM-DD')];
  const { data, error, loading } = useLoad(() => api<Figures>('GET', `/api/console/figures?from=${range[0]}&to=${range[1]}`), [range[0], range[1]]);
  const rows: Row[] = data ? [...data.counties, { ...data.total, countyCode: '全市合计' }] : [];
  const cell = (figure: FigureKey, label: string, countyCode: string, text: string | number) => (
    <Button type="link" size="small" onClick={() => setDrill({ figure, label, countyCode: countyCode === '全市合计' ? undefined : countyCode })}>
      {text}
    </Button>
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space>
        <DatePicker.RangePicker value={period} allowClear={false} onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])} />
        <Button href={`/api/console/figures.xlsx?from=${range[0]}&to=${range[1]}`}>下载 Excel</Button>
      </Space>
      {error && <Alert type="error" title={error} />}
      {data && (
        <Card size="small" title="全市指标">
          <RatesChart rates={[...RATES.map((k) => ({ label: INDICATOR_LABELS[k], rate: data.total.indicators[k] })), { label: REPEAT_RATE_LABEL, rate: data.total.repeatRate }]} />
        </Card>
      )}
      <Table<Row>
        rowKey="countyCode"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: '县区', dataIndex: 'countyCode', fixed: 'left' },
          ...COUNTS.map(({ key, label }) => ({ title: label, render: (_: unknown, c: Row) => cell(key, label, c.countyCode, c[key]) })),
          ...RATES.map((k) => ({
            title: INDICATOR_LABELS[k],
            render: (_: unknown, c: Row) => cell(k, INDICATOR_LABELS[k], c.countyCode, percent(c.indicators[k])),
          })),
          { title: REPEAT_RATE_LABEL, render: (_: unknown, c: Row) => percent(c.repeatRate) },
        ]}
      />
      {drill && <DrillDrawer drill={drill} period={range} onClose={() => setDrill(null)} />}
    </Space>
  );
}
