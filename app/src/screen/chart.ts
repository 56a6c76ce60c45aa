import { BarChart, LineChart, MapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { type RefObject, useEffect, useRef } from 'react';

// SVG: the stage is scaled with a CSS transform, and vectors stay sharp at any scale.
echarts.use([BarChart, LineChart, MapChart, GridComponent, LegendComponent, VisualMapComponent, SVGRenderer]);

export { echarts };
export type ChartOption = echarts.EChartsCoreOption;

/** The page's font, so that charts measure Chinese labels as they draw them. */
export const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/**
 * One ECharts instance for the element, created once and disposed with the component; each new
 * option is merged into it with setOption (the page runs for weeks: nothing is created per update).
 */
export function useChart(element: RefObject<HTMLDivElement | null>, option: ChartOption | null): void {
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    return () => {
      instance.dispose();
      chart.current = null;
    };
  }, [element]);
  useEffect(() => {
    if (option) chart.current?.setOption(option, { lazyUpdate: true });
  }, [option]);
}
