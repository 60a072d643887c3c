/** Substation loading, most loaded first, as an ECharts bar chart (modular import: bars only). */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { SubstationKpi } from '../api/types.ts';

echarts.use([BarChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

const TOP = 15;

function barColor(pct: number | null): string {
  if (pct === null) return '#5f6570';
  return pct > 100 ? '#ef5350' : pct >= 80 ? '#ffca28' : '#66bb6a';
}

export function SubstationChart({
  substations,
  onClose,
}: {
  substations: SubstationKpi[];
  onClose: () => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = echarts.init(el.current!, undefined, { renderer: 'canvas' });
    const top = [...substations]
      .sort((a, b) => (b.loading_pct ?? -1) - (a.loading_pct ?? -1))
      .slice(0, TOP)
      .reverse();
    chart.setOption({
      backgroundColor: 'transparent',
      animation: false,
      grid: { left: 150, right: 48, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'value',
        max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10),
        axisLabel: { color: '#8b95a5', formatter: '{value} %' },
        splitLine: { lineStyle: { color: '#232a35' } },
      },
      yAxis: {
        type: 'category',
        data: top.map((s) => s.name || s.id),
        axisLabel: { color: '#c9d1dc', fontSize: 11 },
        axisLine: { lineStyle: { color: '#323a47' } },
      },
      series: [
        {
          type: 'bar',
          data: top.map((s) => ({
            value: s.loading_pct === null ? null : Math.round(s.loading_pct * 10) / 10,
            itemStyle: { color: barColor(s.loading_pct) },
          })),
          barMaxWidth: 12,
          label: { show: true, position: 'right', color: '#c9d1dc', fontSize: 10, formatter: '{c} %' },
          markLine: {
            symbol: 'none',
            silent: true,
            data: [{ xAxis: 100 }],
            lineStyle: { color: '#ef5350', type: 'dashed' },
            label: { show: false },
          },
        },
      ],
    });
    const onResize = (): void => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [substations]);
  return (
    <div className="chart-popover" data-testid="substation-chart">
      <header className="panel-header">
        <h2>Substation loading (top {Math.min(TOP, substations.length)})</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      <div ref={el} className="chart" />
    </div>
  );
}
