import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Chart } from '../components/Chart.tsx';
import type { FigureRow } from './api.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** The months from one YYYY-MM to another, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  while (out.length < 240) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > to) break;
    out.push(month);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

/** A line of the region's 按时办结率 over the months (a gap for a month with nothing due). */
export function OnTimeChart({ rows, name, months }: { rows: FigureRow[]; name: string; months: string[] }) {
  const region = new Map(rows.filter((r) => r.departmentId === null).map((r) => [r.month, r]));
  const option = {
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name,
        type: 'line',
        data: months.map((m) => percent(region.get(m)?.onTimeRate ?? null)),
        connectNulls: false,
        label: { show: true, formatter: '{c}%' },
        itemStyle: { color: '#1677ff' },
      },
    ],
    animation: false,
  };
  return <Chart option={option} style={{ height: 240 }} />;
}
