import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core.js';
import type { FigureRow } from './api.ts';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** A line of the region's 按时办结率 over the months (a gap for a month with nothing due). */
export function OnTimeChart({ rows, name }: { rows: FigureRow[]; name: string }) {
  const region = rows.filter((r) => r.departmentId === null);
  const option = {
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: region.map((r) => r.month) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name,
        type: 'line',
        data: region.map((r) => percent(r.onTimeRate)),
        connectNulls: false,
        label: { show: true, formatter: '{c}%' },
        itemStyle: { color: '#1677ff' },
      },
    ],
    animation: false,
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 240 }} />;
}
