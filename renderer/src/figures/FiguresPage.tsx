// 统计: this window's visits over a period and the bureau's published rates (DOMAIN.md §6), each
// with its numerator, denominator and formula, as a table, a chart and an Excel report; broken
// down by month, category, township, channel and route. Every number opens the register on the
// matters behind it. The figures are the backend's, computed as the city computes them.
import { Alert, Button, Card, DatePicker, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { reportPeriods, reportTitle } from '../../../domain/figures/reportPeriods';
import { labelledRates, type WindowFigures } from '../../../domain/figures/rpc';
import { percentOf as percent } from '../../../domain/figures/indicators';
import type { Drill } from '../../../domain/register/filter';
import { api } from '../api/client';
import { downloadBase64 } from '../shell/download';
import { BreakdownPanel } from './BreakdownPanel';
import { DrillNumber } from './drill';
import { useFiguresPeriod } from './periodStore';
import { RatesChart } from '../common/RatesChart';


/** The matters behind a rate's numerator or denominator: an indicator's own, or (重复信访率) the visits'. */
function rateDrill(key: string, part: 'numerator' | 'denominator', f: WindowFigures): Drill {
  if (key === 'repeatRate') return { kind: 'visits', visits: part === 'numerator' ? 'repeat' : 'all', from: f.from, to: f.to };
  return { kind: 'indicator', indicator: key as Extract<Drill, { kind: 'indicator' }>['indicator'], part, from: f.from, to: f.to };
}

function VisitCards({ figures }: { figures: WindowFigures | null }) {
  const cards = [
    { key: 'visits', title: '来访', value: figures?.visits, suffix: '次', visits: 'all' },
    { key: 'first', title: '初访', value: figures?.firstVisits, suffix: '次', visits: 'first' },
    { key: 'repeat', title: '重复访', value: figures?.repeatVisits, suffix: '次', visits: 'repeat' },
    { key: 'people', title: '来访人次', value: figures?.people, suffix: '人次', visits: 'all' },
  ] as const;
  return (
    <div style={{ display: 'flex', gap: 12 }}>
      {cards.map((c) => (
        <Card key={c.key} size="small" style={{ flex: 1 }} data-testid={`figure-${c.key}`}>
          <Statistic
            title={c.title}
            value={c.value ?? '—'}
            suffix={c.suffix}
            formatter={(v) =>
              figures ? (
                <DrillNumber drill={{ kind: 'visits', visits: c.visits, from: figures.from, to: figures.to }} label={`${c.title}的事项`}>
                  <span style={{ fontSize: 24 }}>{v}</span>
                </DrillNumber>
              ) : (
                v
              )
            }
          />
        </Card>
      ))}
    </div>
  );
}

export function FiguresPage() {
  const { period, setPeriod } = useFiguresPeriod();
  const [figures, setFigures] = useState<WindowFigures | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  // Worked out on each render: the window stays open for days, and 本月 must follow the calendar.
  const presets = reportPeriods(dayjs().format('YYYY-MM-DD')).map((p) => ({ label: p.label, value: [dayjs(p.period.from), dayjs(p.period.to)] as [dayjs.Dayjs, dayjs.Dayjs] }));
  const report = reportTitle(period);

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
              value={[dayjs(period.from), dayjs(period.to)]}
              presets={presets}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setPeriod({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') })}
            />
            <Button icon={<DownloadOutlined />} loading={exporting} disabled={!figures} onClick={() => void exportExcel()}>
              {report.kind === '统计' ? '导出Excel' : `导出${report.kind}`}
            </Button>
          </Space>
        }
        style={{ marginBottom: 12 }}
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <VisitCards figures={figures} />
      </Card>
      <Card size="small" title="考核指标" extra={figures && <Typography.Text type="secondary">计算日 {figures.today}：期限尚未届满的事项不计入；点击分子、分母查看对应的事项</Typography.Text>}>
        <Table
          data-testid="rates-table"
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rates}
          columns={[
            { title: '指标', dataIndex: 'label', width: 200 },
            { title: '数值', key: 'value', width: 90, render: (_, r) => <Typography.Text strong>{percent(r.rate)}</Typography.Text> },
            {
              title: '分子 / 分母',
              key: 'ratio',
              width: 130,
              render: (_, r) =>
                figures && (
                  <span>
                    <DrillNumber drill={rateDrill(r.key, 'numerator', figures)} label={`${r.label}分子`}>
                      {r.rate.numerator}
                    </DrillNumber>
                    {' / '}
                    <DrillNumber drill={rateDrill(r.key, 'denominator', figures)} label={`${r.label}分母`}>
                      {r.rate.denominator}
                    </DrillNumber>
                  </span>
                ),
            },
            { title: '计算方法', key: 'formula', render: (_, r) => <Typography.Text type="secondary">{r.rate.formula}</Typography.Text> },
          ]}
        />
        {figures && <RatesChart rates={rates} />}
      </Card>
      <BreakdownPanel period={period} />
    </div>
  );
}
