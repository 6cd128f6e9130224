// 统计 broken down by month, category, township, channel and route: a table of each group's
// visits and rates, every number opening its matters in the register, and the same as a chart.
import { Alert, Card, Segmented, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { BREAKDOWN_LABELS, type BreakdownDimension, breakdownDimensionSchema, type BreakdownRow, groupFilter } from '../../../domain/figures/breakdowns';
import { INDICATOR_LABELS, percentOf as percent, type Indicators, type Period } from '../../../domain/figures/indicators';
import { api } from '../api/client';
import { BreakdownChart } from './BreakdownChart';
import { DrillNumber, useOpenDrill } from './drill';

type Row = BreakdownRow & { label: string };
const RATE_KEYS = Object.keys(INDICATOR_LABELS) as (keyof Indicators)[];

function columns(by: BreakdownDimension): ColumnsType<Row> {
  const visits = (key: 'visits' | 'firstVisits' | 'repeatVisits', title: string, kind: 'all' | 'first' | 'repeat'): ColumnsType<Row>[number] => ({
    title,
    key,
    width: 70,
    align: 'right',
    render: (_, r) => (
      <DrillNumber group={groupFilter(by, r.key)} drill={{ kind: 'visits', visits: kind, from: r.from, to: r.to }} label={`${r.label}${title}`}>
        {r[key]}
      </DrillNumber>
    ),
  });
  return [
    { title: BREAKDOWN_LABELS[by].slice(1), dataIndex: 'label', width: 160, fixed: 'left', ellipsis: true },
    visits('visits', '来访', 'all'),
    visits('firstVisits', '初访', 'first'),
    visits('repeatVisits', '重复访', 'repeat'),
    ...RATE_KEYS.map(
      (k): ColumnsType<Row>[number] => ({
        title: INDICATOR_LABELS[k],
        key: k,
        width: 150,
        render: (_, r) => {
          const rate = r.indicators[k];
          const part = (p: 'numerator' | 'denominator') => (
            <DrillNumber group={groupFilter(by, r.key)} drill={{ kind: 'indicator', indicator: k, part: p, from: r.from, to: r.to }} label={`${r.label}${INDICATOR_LABELS[k]}${p === 'numerator' ? '分子' : '分母'}`}>
              {rate[p]}
            </DrillNumber>
          );
          return (
            <span>
              <Typography.Text strong>{percent(rate)}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
                {part('numerator')} / {part('denominator')}
              </Typography.Text>
            </span>
          );
        },
      }),
    ),
  ];
}

export function BreakdownPanel({ period }: { period: Period }) {
  const [by, setBy] = useState<BreakdownDimension>('month');
  const [rate, setRate] = useState<keyof Indicators>('timelyAcceptance');
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const openDrill = useOpenDrill();
  const onBar = useMemo(() => openDrill && ((r: Row) => openDrill(groupFilter(by, r.key), { kind: 'visits', visits: 'all', from: r.from, to: r.to })), [openDrill, by]);

  useEffect(() => {
    let current = true;
    setRows(null);
    void api.invoke('figures.breakdown', { ...period, by }).then((r) => {
      if (!current) return;
      setError(r.ok ? null : r.message);
      setRows(r.ok ? r.value.rows : []);
    });
    return () => {
      current = false;
    };
  }, [period, by]);

  return (
    <Card size="small" title="分项统计" style={{ marginTop: 12 }} data-testid="breakdown-panel">
      <Tabs activeKey={by} onChange={(k) => setBy(k as BreakdownDimension)} items={breakdownDimensionSchema.options.map((d) => ({ key: d, label: BREAKDOWN_LABELS[d] }))} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<Row>
        data-testid="breakdown-table"
        size="small"
        rowKey="key"
        loading={rows === null}
        dataSource={rows ?? []}
        columns={columns(by)}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: '统计期内没有来访，也没有应统计的事项' }}
      />
      <div style={{ display: 'flex', justifyContent: 'flex-end', margin: '12px 0 4px' }}>
        <Segmented<keyof Indicators> size="small" value={rate} onChange={setRate} options={RATE_KEYS.map((k) => ({ label: INDICATOR_LABELS[k], value: k }))} />
      </div>
      {rows && rows.length > 0 && (
        <BreakdownChart rows={rows} rate={rate} onBar={onBar} />
      )}
    </Card>
  );
}
