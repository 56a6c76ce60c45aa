import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { Chart } from '../components/Chart.tsx';
import type { Statistics } from './types.ts';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const percent = (share: number) => Math.round(share * 1000) / 10;

/** Bars per department: share of 最多跑一次 and of 全程网办. */
export function SharesChart({ rows }: { rows: Statistics['byDepartment'] }) {
  const { t } = useTranslation();
  const sorted = [...rows].sort((a, b) => b.matters - a.matters).slice(0, 15);
  const option = {
    // The page's font, so that the chart measures Chinese labels as it draws them.
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
    legend: { top: 0, itemGap: 24 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: sorted.map((r) => r.departmentName) },
    series: [
      {
        name: t('catalogue.statistics.atMostOnce'),
        type: 'bar',
        data: sorted.map((r) => percent(r.atMostOnceShare)),
        itemStyle: { color: '#1456b8' },
      },
      {
        name: t('catalogue.statistics.fullyOnline'),
        type: 'bar',
        data: sorted.map((r) => percent(r.fullyOnlineShare)),
        itemStyle: { color: '#2f9e44' },
      },
    ],
  };
  return (
    <Chart
      option={option}
      style={{ height: Math.max(240, sorted.length * 44 + 60) }}
      data-testid="statistics-chart"
    />
  );
}
