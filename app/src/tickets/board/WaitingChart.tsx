import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Chart } from '../../components/Chart.tsx';
import type { HallBoard } from './types.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Bars of the people waiting now per category. */
export function WaitingChart({ categories }: { categories: HallBoard['categories'] }) {
  const option = {
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: categories.map((c) => `${c.letter} ${c.name}`),
      axisLabel: { interval: 0, hideOverlap: false },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        data: categories.map((c) => c.waiting),
        itemStyle: { color: '#1677ff' },
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
      },
    ],
    animation: false,
  };
  return <Chart option={option} style={{ height: 220 }} />;
}
