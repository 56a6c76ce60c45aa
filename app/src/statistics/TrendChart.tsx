import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { Chart } from '../components/Chart.tsx';
import type { DayPoint } from './api.ts';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** Received and concluded per day as bars, 按时办结率 as a line on its own axis (a gap on a day without conclusions). */
export function TrendChart({ days }: { days: DayPoint[] }) {
  const { t } = useTranslation();
  const received = t('statistics.trendReceived');
  const concluded = t('statistics.trendConcluded');
  const onTime = t('statistics.trendOnTime');
  const option = {
    textStyle: { fontFamily: getComputedStyle(document.body).fontFamily },
    tooltip: { trigger: 'axis' },
    legend: { data: [received, concluded, onTime], top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: received, type: 'bar', data: days.map((d) => d.received), itemStyle: { color: '#1677ff' } },
      { name: concluded, type: 'bar', data: days.map((d) => d.concluded), itemStyle: { color: '#52c41a' } },
      {
        name: onTime,
        type: 'line',
        yAxisIndex: 1,
        data: days.map((d) => percent(d.onTimeRate)),
        connectNulls: false,
        itemStyle: { color: '#fa8c16' },
        tooltip: { valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`) },
      },
    ],
    animation: false,
  };
  return (
    <div data-testid="statistics-trend">
      <Chart option={option} style={{ height: 280 }} />
    </div>
  );
}
