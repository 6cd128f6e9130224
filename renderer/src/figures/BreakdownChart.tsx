// A breakdown as a chart (echarts, only the parts used): the visits of each group as bars and a
// rate as a line on its own axis. A bar opens the register on that group's visited matters, as
// the table's numbers do.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { BreakdownRow } from '../../../domain/figures/breakdowns';
import { INDICATOR_LABELS, type Indicators } from '../../../domain/figures/indicators';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Row = BreakdownRow & { label: string };

export function BreakdownChart({ rows, rate, onBar }: { rows: Row[]; rate: keyof Indicators; onBar: ((row: Row) => void) | null }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The click reads the latest rows and handler: the chart is made once, so a re-render of the
  // page (a sync status tick) neither redraws it from zero nor drops a click mid-animation.
  const latest = useRef({ rows, onBar });
  latest.current = { rows, onBar };
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    chart.current = c;
    c.on('click', { seriesType: 'bar' }, (p) => {
      const row = latest.current.rows[(p as { dataIndex: number }).dataIndex];
      if (row && latest.current.onBar) latest.current.onBar(row);
    });
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({
      grid: { left: 48, right: 56, top: 36, bottom: 56 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, width: 90, overflow: 'truncate', rotate: rows.length > 8 ? 30 : 0 } },
      yAxis: [
        { type: 'value', name: '来访（次）', minInterval: 1 },
        { type: 'value', name: '%', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { name: '来访', type: 'bar', barMaxWidth: 40, data: rows.map((r) => r.visits), cursor: onBar ? 'pointer' : 'default' },
        {
          name: INDICATOR_LABELS[rate],
          type: 'line',
          yAxisIndex: 1,
          connectNulls: false,
          data: rows.map((r) => (r.indicators[rate].value === null ? null : Math.round(r.indicators[rate].value * 1000) / 10)),
        },
      ],
    });
  }, [rows, rate, onBar]);
  return <div ref={el} data-testid="breakdown-chart" style={{ height: 280, width: '100%' }} />;
}
