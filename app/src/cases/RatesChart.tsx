import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Chart } from '../components/Chart.tsx';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type RateSeries = { name: string; color: string; values: (number | null)[] };

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/** Horizontal bars of shares (0..1) per named row, one bar per series, as percentages. */
export function RatesChart({
  names,
  series,
  testId,
}: {
  names: string[];
  series: RateSeries[];
  testId: string;
}) {
  const option = {
    // The page's font, so that the chart measures Chinese labels as it draws them.
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`),
    },
    legend: { top: 0, itemGap: 24 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: names },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      data: s.values.map(percent),
      itemStyle: { color: s.color },
    })),
  };
  return (
    <Chart
      option={option}
      style={{ height: Math.max(200, names.length * 22 * series.length + 80) }}
      data-testid={testId}
    />
  );
}
