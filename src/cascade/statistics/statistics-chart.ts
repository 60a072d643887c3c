/**
 * The cascade statistics as a chart people would rather look at than a table, one column of
 * panels per gust: on top, the share of patient zeros whose cascade reaches beyond their
 * protection zone; below, the share of customers the conditions take out on their own; each
 * against the load factor, one line per temperature. Rendered server-side to SVG with ECharts.
 */
import * as echarts from 'echarts';
import type { StatisticsResult } from './run-statistics.ts';

/** One condition of the grid and its two shares (0–1). */
export interface ChartRow {
  load_factor: number;
  temperature_c: number;
  wind_gust_ms: number;
  beyond_zone_share: number;
  conditions_alone_share: number;
}

const COLORS = ['#1565c0', '#ef6c00', '#c62828', '#6a1b9a', '#2e7d32'];

export function chartRows(result: StatisticsResult): ChartRow[] {
  return result.points.map((p) => ({
    load_factor: p.conditions.load_factor,
    temperature_c: p.conditions.temperature_c,
    wind_gust_ms: p.conditions.wind_gust_ms,
    beyond_zone_share: p.beyond_zone_share,
    conditions_alone_share: result.customers ? p.weather_alone.customers_lost / result.customers : 0,
  }));
}

export function statisticsChartSvg(
  rows: readonly ChartRow[],
  title: string,
  width = 980,
  height = 620,
): string {
  const sorted = (v: number[]) => [...new Set(v)].sort((a, b) => a - b);
  const loads = sorted(rows.map((r) => r.load_factor));
  const temps = sorted(rows.map((r) => r.temperature_c));
  const gusts = sorted(rows.map((r) => r.wind_gust_ms));
  const measures = [
    { key: 'beyond_zone_share', name: 'cascades beyond the protection zone' },
    { key: 'conditions_alone_share', name: 'customers out, conditions alone' },
  ] as const;
  const panelWidth = 100 / gusts.length;
  const panels = measures.flatMap((m, row) => gusts.map((g, col) => ({ m, row, g, col })));
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    title: [
      { text: title, left: 'center', top: 0, textStyle: { fontSize: 14 } },
      ...gusts.map((g, col) => ({
        text: `gusts ${g} m/s`,
        left: `${col * panelWidth + panelWidth / 2 + 2}%`,
        top: 24,
        textAlign: 'center',
        textStyle: { fontSize: 12, fontWeight: 'normal' },
      })),
    ],
    legend: { bottom: 0, data: temps.map((t) => `${t} °C`) },
    grid: panels.map(({ row, col }) => ({
      left: `${col * panelWidth + 7}%`,
      width: `${panelWidth - 10}%`,
      top: row === 0 ? 60 : height / 2 + 30,
      height: height / 2 - 110,
    })),
    xAxis: panels.map((_, i) => ({
      gridIndex: i,
      type: 'value',
      name: 'load factor',
      nameLocation: 'middle',
      nameGap: 22,
      min: loads[0],
      max: loads.at(-1),
    })),
    yAxis: panels.map(({ m, col }, i) => ({
      gridIndex: i,
      type: 'value',
      min: 0,
      max: 100,
      name: col === 0 ? `% ${m.name}` : '',
      nameLocation: 'middle',
      nameGap: 36,
      axisLabel: { formatter: '{value}' },
    })),
    series: panels.flatMap(({ m, g }, i) =>
      temps.map((t, k) => ({
        name: `${t} °C`,
        type: 'line',
        xAxisIndex: i,
        yAxisIndex: i,
        color: COLORS[k % COLORS.length],
        symbolSize: 5,
        data: loads.map((lf) => {
          const r = rows.find((q) => q.load_factor === lf && q.temperature_c === t && q.wind_gust_ms === g);
          return [lf, r ? Math.round(1000 * r[m.key]) / 10 : null];
        }),
      })),
    ),
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}
