import * as echarts from 'echarts/core';
import { type CSSProperties, useEffect, useRef } from 'react';

type Props = {
  /** Drawn as given (not merged into the last one); an equal option is not drawn again. */
  option: echarts.EChartsCoreOption;
  style?: CSSProperties;
  'data-testid'?: string;
};

/**
 * An ECharts chart that follows the size of its box, also when the window narrows to a phone's.
 * The series and components it draws are registered (`echarts.use`) by the module that shows it.
 */
export function Chart({ option, style, 'data-testid': testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const drawn = useRef('');

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const instance = echarts.init(element);
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
      drawn.current = '';
    };
  }, []);

  useEffect(() => {
    const signature = JSON.stringify(option);
    if (!chart.current || signature === drawn.current) return;
    chart.current.setOption(option, { notMerge: true });
    drawn.current = signature;
  });

  return <div ref={box} style={style} data-testid={testId} />;
}
