import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type ChartOption, FONT, useChart } from './chart.ts';
import type { ScreenDay } from './types.ts';

const AXIS = { color: '#9ec2ff', fontSize: 14 };
const SPLIT = { lineStyle: { color: 'rgba(110, 160, 255, 0.15)' } };

/** The last 30 days: cases received and concluded as bars, the on-time rate as a line. */
export function TrendChart({ days }: { days: ScreenDay[] }) {
  const { t } = useTranslation();
  const element = useRef<HTMLDivElement>(null);
  const option = useMemo<ChartOption>(
    () => ({
      textStyle: { fontFamily: FONT },
      legend: { top: 0, right: 8, textStyle: { color: '#cfe3ff', fontSize: 15 }, itemGap: 20 },
      grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
      xAxis: {
        type: 'category',
        data: days.map((d) => d.day.slice(5)),
        axisLabel: { ...AXIS, interval: 4 },
        axisLine: { lineStyle: { color: '#3a67b0' } },
      },
      yAxis: [
        { type: 'value', minInterval: 1, axisLabel: AXIS, splitLine: SPLIT },
        {
          type: 'value',
          min: 0,
          max: 100,
          axisLabel: { ...AXIS, formatter: '{value}%' },
          splitLine: { show: false },
        },
      ],
      series: [
        {
          name: t('screen.received'),
          type: 'bar',
          barGap: '10%',
          data: days.map((d) => d.received),
          itemStyle: { color: '#2f8cff', borderRadius: [3, 3, 0, 0] },
        },
        {
          name: t('screen.concluded'),
          type: 'bar',
          data: days.map((d) => d.concluded),
          itemStyle: { color: '#35d39a', borderRadius: [3, 3, 0, 0] },
        },
        {
          name: t('screen.onTimeRate'),
          type: 'line',
          yAxisIndex: 1,
          smooth: true,
          symbolSize: 5,
          connectNulls: true,
          data: days.map((d) => (d.onTimeRate === null ? null : Math.round(d.onTimeRate * 1000) / 10)),
          itemStyle: { color: '#ffd54f' },
          lineStyle: { width: 3 },
        },
      ],
    }),
    [days, t],
  );
  useChart(element, option);
  return (
    <section className="big-panel big-trend" data-testid="screen-trend">
      <h2>{t('screen.trend')}</h2>
      <div ref={element} className="big-chart" />
    </section>
  );
}
