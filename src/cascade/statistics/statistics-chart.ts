/**
 * The cascade statistics as a chart people would rather look at than a table: the share of
 * patient zeros whose cascade reaches beyond their protection zone against the load factor, one
 * line per temperature, one panel per gust. Rendered server-side to SVG with ECharts.
 */
import * as echarts from 'echarts';
import type { StatisticsResult } from './run-statistics.ts';

const COLORS = ['#1565c0', '#ef6c00', '#c62828', '#6a1b9a', '#2e7d32'];

export function statisticsChartSvg(result: StatisticsResult, width = 960, height = 360): string {
  const points = result.points;
  const loads = [...new Set(points.map((p) => p.conditions.load_factor))].sort((a, b) => a - b);
  const temps = [...new Set(points.map((p) => p.conditions.temperature_c))].sort((a, b) => a - b);
  const gusts = [...new Set(points.map((p) => p.conditions.wind_gust_ms))].sort((a, b) => a - b);
  const panelWidth = 100 / gusts.length;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    title: gusts.map((g, i) => ({
      text: `gusts ${g} m/s`,
      left: `${i * panelWidth + panelWidth / 2}%`,
      textAlign: 'center',
      textStyle: { fontSize: 13 },
    })),
    legend: { bottom: 0, data: temps.map((t) => `${t} °C`) },
    grid: gusts.map((_, i) => ({
      left: `${i * panelWidth + 6}%`,
      width: `${panelWidth - 9}%`,
      top: 40,
      bottom: 60,
    })),
    xAxis: gusts.map((_, i) => ({
      gridIndex: i,
      type: 'value',
      name: 'load factor',
      nameLocation: 'middle',
      nameGap: 24,
      min: loads[0],
      max: loads.at(-1),
    })),
    yAxis: gusts.map((_, i) => ({
      gridIndex: i,
      type: 'value',
      min: 0,
      max: 100,
      name: i === 0 ? '% beyond protection zone' : '',
      axisLabel: { formatter: '{value} %' },
    })),
    series: gusts.flatMap((g, i) =>
      temps.map((t, k) => ({
        name: `${t} °C`,
        type: 'line',
        xAxisIndex: i,
        yAxisIndex: i,
        color: COLORS[k % COLORS.length],
        symbolSize: 5,
        data: loads.map((lf) => {
          const p = points.find(
            (q) =>
              q.conditions.load_factor === lf &&
              q.conditions.temperature_c === t &&
              q.conditions.wind_gust_ms === g,
          );
          return [lf, p ? Math.round(1000 * p.beyond_zone_share) / 10 : null];
        }),
      })),
    ),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
