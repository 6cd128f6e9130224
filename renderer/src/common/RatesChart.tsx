// Shared with the city console (DESIGN.md §1: renderer/src/common). The rates as a bar chart (echarts, only the parts used, so the bundle stays small). A rate with
// nothing due in the period has no bar: it is not zero.
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { Rate } from '../../../domain/figures/indicators';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export function RatesChart({ rates }: { rates: { label: string; rate: Rate }[] }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current);
    chart.setOption({
      grid: { left: 48, right: 16, top: 16, bottom: 56 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '无应统计事项') },
      xAxis: { type: 'category', data: rates.map((r) => r.label), axisLabel: { interval: 0, width: 90, overflow: 'break' } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{ type: 'bar', barMaxWidth: 48, data: rates.map((r) => (r.rate.value === null ? null : Math.round(r.rate.value * 1000) / 10)), label: { show: true, position: 'top', formatter: '{c}%' } }],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [rates]);
  return <div ref={el} data-testid="rates-chart" style={{ height: 260, width: '100%' }} />;
}
