import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { Chart } from '../components/Chart.tsx';
import type { RankingRow } from './api.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Bars of the scores in rank order; flagged scopes in red. */
export function ScoreChart({ rows }: { rows: RankingRow[] }) {
  const option = {
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      axisLabel: { interval: 0, hideOverlap: false, rotate: rows.length > 6 ? 30 : 0 },
    },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => ({ value: r.score, itemStyle: { color: r.flagged ? '#cf1322' : '#1677ff' } })),
        barMaxWidth: 48,
        label: { show: true, position: 'top' },
      },
    ],
    animation: false,
  };
  return <Chart option={option} style={{ height: 240 }} />;
}
