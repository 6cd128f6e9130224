// 统计: this window's visits over a period and the bureau's published rates (DOMAIN.md §6), each
// with its numerator, denominator and formula, as a table, a chart and an Excel download. The
// figures are the backend's, computed as the city computes them.
import { Alert, Button, Card, DatePicker, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { labelledRates, type WindowFigures } from '../../../domain/figures/rpc';
import type { Rate } from '../../../domain/figures/indicators';
import { api } from '../api/client';
import { downloadBase64 } from '../shell/download';
import { RatesChart } from '../common/RatesChart';

type Range = [Dayjs, Dayjs];
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** Worked out on each render: the window stays open for days, and 本月 must follow the calendar. */
function presets(now = dayjs()): { label: string; value: Range }[] {
  const lastMonth = now.subtract(1, 'month');
  const lastYear = now.subtract(1, 'year');
  return [
    { label: '本月', value: [now.startOf('month'), now] },
    { label: '上月', value: [lastMonth.startOf('month'), lastMonth.endOf('month')] },
    { label: '本季度', value: [now.month(Math.floor(now.month() / 3) * 3).startOf('month'), now] },
    { label: '本年', value: [now.startOf('year'), now] },
    { label: '上年', value: [lastYear.startOf('year'), lastYear.endOf('year')] },
  ];
}

const percent = (r: Rate) => (r.value === null ? '—' : `${(r.value * 100).toFixed(1)}%`);

export function FiguresPage() {
  const [range, setRange] = useState<Range>([dayjs().startOf('year'), dayjs()]);
  const [figures, setFigures] = useState<WindowFigures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const period = useMemo(() => ({ from: day(range[0]), to: day(range[1]) }), [range]);

  useEffect(() => {
    let current = true;
    void api.invoke('figures.get', period).then((r) => {
      if (!current) return;
      setError(r.ok ? null : r.message);
      setFigures(r.ok ? r.value : null);
    });
    return () => {
      current = false;
    };
  }, [period]);

  const rates = useMemo(() => (figures ? labelledRates(figures) : []), [figures]);

  async function exportExcel() {
    setExporting(true);
    const r = await api.invoke('figures.export', period);
    setExporting(false);
    if (r.ok) downloadBase64(r.value);
    else setError(r.message);
  }

  return (
    <div data-testid="figures-page">
      <Card
        size="small"
        title="统计"
        extra={
          <Space>
            <DatePicker.RangePicker
              aria-label="统计期"
              value={range}
              presets={presets()}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            />
            <Button icon={<DownloadOutlined />} loading={exporting} disabled={!figures} onClick={() => void exportExcel()}>
              导出Excel
            </Button>
          </Space>
        }
        style={{ marginBottom: 12 }}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <div style={{ display: 'flex', gap: 12 }}>
          {[
            { key: 'visits', title: '来访', value: figures?.visits, suffix: '次' },
            { key: 'first', title: '初访', value: figures?.firstVisits, suffix: '次' },
            { key: 'repeat', title: '重复访', value: figures?.repeatVisits, suffix: '次' },
            { key: 'people', title: '来访人次', value: figures?.people, suffix: '人次' },
          ].map((c) => (
            <Card key={c.key} size="small" style={{ flex: 1 }} data-testid={`figure-${c.key}`}>
              <Statistic title={c.title} value={c.value ?? '—'} suffix={c.suffix} />
            </Card>
          ))}
        </div>
      </Card>
      <Card size="small" title="考核指标" extra={figures && <Typography.Text type="secondary">计算日 {figures.today}：期限尚未届满的事项不计入</Typography.Text>}>
        <Table
          data-testid="rates-table"
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rates}
          columns={[
            { title: '指标', dataIndex: 'label', width: 200 },
            { title: '数值', key: 'value', width: 90, render: (_, r) => <Typography.Text strong>{percent(r.rate)}</Typography.Text> },
            { title: '分子 / 分母', key: 'ratio', width: 110, render: (_, r) => `${r.rate.numerator} / ${r.rate.denominator}` },
            { title: '计算方法', key: 'formula', render: (_, r) => <Typography.Text type="secondary">{r.rate.formula}</Typography.Text> },
          ]}
        />
        {figures && <RatesChart rates={rates} />}
      </Card>
    </div>
  );
}
