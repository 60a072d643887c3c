/**
 * Customers out (bars) and MW out (line) after each wave, from before the failure on; the replayed
 * wave is marked, and a click on a wave moves the replay there.
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { CascadeResult } from '../../api/types.ts';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

const AXIS = {
  axisLabel: { color: '#8b95a5', fontSize: 10 },
  splitLine: { lineStyle: { color: '#232a35' } },
};

export function CascadeChart({
  result,
  position,
  onPosition,
}: {
  result: CascadeResult;
  position: number;
  onPosition: (position: number) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const onPositionRef = useRef(onPosition);
  onPositionRef.current = onPosition;

  useEffect(() => {
    const c = echarts.init(el.current!, undefined, { renderer: 'canvas' });
    chart.current = c;
    // Category index = replay position (0 before the failure).
    c.on('click', (p) => {
      if (typeof p.dataIndex === 'number') onPositionRef.current(p.dataIndex);
    });
    const onResize = (): void => c.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const categories = ['before', ...result.waves.map((w) => `wave ${w.wave}`)];
    chart.current?.setOption(
      {
        backgroundColor: 'transparent',
        animation: false,
        grid: { left: 44, right: 44, top: 26, bottom: 22 },
        legend: { top: 0, textStyle: { color: '#c9d1dc', fontSize: 10 }, itemHeight: 8 },
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        xAxis: {
          type: 'category',
          data: categories,
          axisLabel: { color: '#8b95a5', fontSize: 10 },
          axisLine: { lineStyle: { color: '#323a47' } },
        },
        yAxis: [
          { type: 'value', name: 'customers', nameTextStyle: { color: '#8b95a5', fontSize: 10 }, ...AXIS },
          {
            type: 'value',
            name: 'MW',
            nameTextStyle: { color: '#8b95a5', fontSize: 10 },
            ...AXIS,
            splitLine: { show: false },
          },
        ],
        series: [
          {
            name: 'Customers out',
            type: 'bar',
            yAxisIndex: 0,
            barMaxWidth: 18,
            data: [0, ...result.waves.map((w) => w.customers_out)].map((v, i) => ({
              value: v,
              itemStyle: { color: i === position ? '#ff5252' : i < position ? '#b23b3b' : '#3a2a2e' },
            })),
            markLine: {
              symbol: 'none',
              silent: true,
              data: [{ xAxis: position }],
              lineStyle: { color: '#ffffff', type: 'dashed', opacity: 0.6 },
              label: { show: false },
            },
          },
          {
            name: 'MW out',
            type: 'line',
            yAxisIndex: 1,
            data: [0, ...result.waves.map((w) => Math.round(w.mw_out * 1000) / 1000)],
            itemStyle: { color: '#ffca28' },
            lineStyle: { color: '#ffca28' },
            symbolSize: 5,
          },
        ],
      },
      { notMerge: true },
    );
  }, [result, position]);

  return <div ref={el} className="cascade-chart" data-testid="cascade-chart" />;
}
