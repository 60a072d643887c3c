/**
 * bench/conditions: what the cascade engine says about our grids under operating conditions
 * (issue 8), each figure computed by the code the product runs:
 *  (a) `metro` at the design peak (the summer_peak preset): every single transmission outage —
 *      each line, autotransformer and generating unit — as a sweep; how many shed load (target 0:
 *      the generator plans transmission to NERC TPL-001 P1);
 *  (b) the weather calibration: the reported share of customers out at the peak of three Houston
 *      events against the median of ≥ 50 seeded stochastic runs on metro (bench/weather-calibration.ts);
 *  (c) cascade statistics over load factor 0.8–1.4 × 25–45 °C × gusts 0–45 m/s on `city` and
 *      `metro` (flux stats): the share of patient zeros reaching beyond their protection zone,
 *      waves, customers lost; a chart in docs/cascade-statistics-<scale>.svg;
 *  (d) the metro sweep of every transformer and substation under the design peak (target under
 *      10 minutes on 2 cores).
 * There are no targets for the shares in (c): they come from documented physical parameters.
 * Under a uniform 45 m/s gust every metro cascade carries thousands of weather failures (about
 * 1 s each), so metro's statistics sample 100 patient zeros by default (city 2,000).
 * Each part's figures replace that part's in bench/results/conditions.json and leave the others,
 * so the parts can be run one at a time.
 *
 * `--parts charts` only re-draws the charts from the stored figures.
 *
 * Usage: npm run bench -- conditions [--city-data DIR] [--metro-data DIR] [--parts a,b,c,d]
 *        [--stats-scales city,metro] [--city-sample N] [--metro-sample N] [--runs N] [--workers N]
 */
import { availableParallelism, loadavg } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { conditionGrid, DEFAULT_CONDITION_GRID } from '../src/cascade/statistics/condition-grid.ts';
import { runCascadeStatistics, type StatisticsResult } from '../src/cascade/statistics/run-statistics.ts';
import { chartRows, statisticsChartSvg, type ChartRow } from '../src/cascade/statistics/statistics-chart.ts';
import { runSweep } from '../src/cascade/sweep.ts';
import { SweepStore } from '../src/storage/sqlite/sweep-store.ts';
import { loadDataset } from '../src/cli/commands/info.ts';
import { prepareDataset, round } from './bench-harness.ts';
import { calibrateWeather } from './weather-events.ts';
import { writeBenchResult } from './bench-result.ts';

export const TARGET = { metro_design_peak_shedding_outages: 0, metro_sweep_max_s: 600 };

async function sweepOf(dir: string, tables: string[], workers: number) {
  const t0 = performance.now();
  const sweep = await runSweep({ dataDir: dir, scenario: 'summer_peak', tables, workers, fresh: true });
  const wall_s = (performance.now() - t0) / 1000;
  const store = new SweepStore(dir);
  const results = store.results(sweep.id);
  store.close();
  return { sweep, results, wall_s };
}

/** (a) every single transmission outage at the design peak. */
async function transmissionP1(dir: string, workers: number) {
  const { sweep, results, wall_s } = await sweepOf(dir, ['transmission_lines', 'generators'], workers);
  const shedding = results.filter((r) => r.mw_shed > 1e-6 || r.customers_lost > 0);
  const cascading = results.filter((r) => r.waves > 1 || r.beyond_zone);
  return {
    conditions: sweep.conditions,
    outages: results.length,
    by_table: {
      transmission_lines: results.filter((r) => r.table === 'transmission_lines').length,
      generators: results.filter((r) => r.table === 'generators').length,
    },
    shedding_load: shedding.length,
    cascading: cascading.length,
    worst: shedding
      .slice(0, 5)
      .map((r) => ({ id: r.id, mw_shed: r.mw_shed, customers_lost: r.customers_lost })),
    wall_s: round(wall_s, 1),
  };
}

/** (b) the three reported events against the code's fitted constants (no re-fit). */
async function weatherCalibration(dir: string, runs: number) {
  const { model } = await loadDataset(dir);
  const figures = await calibrateWeather(model, { runs, fitRuns: 0, seed: 1, fit: false, log: console.log });
  return {
    runs,
    parameters: figures.parameters,
    events: figures.events.map((e) => ({
      scenario: e.scenario,
      title: e.title,
      role: e.role,
      reported_share: e.reported_share,
      median_share: e.median_share,
      p05_share: e.p05_share,
      p95_share: e.p95_share,
      bar: e.bar,
      within_bar: e.within_bar,
      seconds_per_run: e.seconds_per_run,
    })),
  };
}

/** (c) statistics over the condition grid. */
async function statistics(scale: string, dir: string, sample: number, workers: number) {
  const t0 = performance.now();
  const result: StatisticsResult = await runCascadeStatistics({
    dataDir: dir,
    conditions: conditionGrid(DEFAULT_CONDITION_GRID),
    sample,
    seed: 1,
    workers,
    onProgress: (done, total) => process.stdout.write(`\rstatistics ${scale}: ${done}/${total} conditions`),
  });
  process.stdout.write('\n');
  const chart = `docs/cascade-statistics-${scale}.svg`;
  writeFileSync(chart, statisticsChartSvg(chartRows(result), chartTitle(result.dataset, result.sample)));
  return {
    wall_s: round((performance.now() - t0) / 1000, 1),
    chart,
    dataset: result.dataset,
    customers: result.customers,
    sample: result.sample,
    seed: result.seed,
    tables: result.tables,
    table: result.points.map((p) => ({
      load_factor: p.conditions.load_factor,
      temperature_c: p.conditions.temperature_c,
      wind_gust_ms: p.conditions.wind_gust_ms,
      beyond_zone_share: p.beyond_zone_share,
      waves_histogram: p.waves_histogram,
      waves_mean: p.waves.mean,
      customers_lost: {
        mean: p.customers_lost.mean,
        p50: p.customers_lost.p50,
        p95: p.customers_lost.p95,
        max: p.customers_lost.max,
      },
      customers_lost_beyond_conditions_mean: p.customers_lost_beyond_weather.mean,
      conditions_alone_customers_lost: p.weather_alone.customers_lost,
      conditions_alone_share: round(p.weather_alone.customers_lost / result.customers, 4),
      by_table: p.by_table,
    })),
  };
}

const chartTitle = (dataset: string, sample: number) =>
  `${dataset}: ${sample.toLocaleString('en-US')} patient zeros under each condition (design peak, 16:00)`;

/** Re-draws the charts of the stored statistics (after a change to the chart, without re-running). */
function redrawCharts(previous: Record<string, unknown>): void {
  for (const scale of ['city', 'metro']) {
    const stats = previous[`statistics_${scale}`] as
      { chart: string; dataset: string; sample: number; table: ChartRow[] } | undefined;
    if (!stats?.table?.every((r) => r.conditions_alone_share !== undefined)) continue;
    writeFileSync(stats.chart, statisticsChartSvg(stats.table, chartTitle(stats.dataset, stats.sample)));
    console.log(`redrew ${stats.chart}`);
  }
}

/** (d) every transformer and substation of metro under the design peak. */
async function designPeakSweep(dir: string, workers: number) {
  const { sweep, results, wall_s } = await sweepOf(dir, ['transformers', 'substations'], workers);
  return {
    patient_zeros: sweep.total,
    wall_s: round(wall_s, 1),
    beyond_zone: results.filter((r) => r.beyond_zone).length,
    cascading_beyond_first_wave: results.filter((r) => r.waves > 1).length,
    max_customers_lost: results[0]?.customers_lost ?? null,
    top5: results
      .slice(0, 5)
      .map((r) => ({ id: r.id, customers_lost: r.customers_lost, mw_shed: r.mw_shed })),
  };
}

/** The figures of the last run, so a run of some parts keeps the others'. */
function previousFigures(): Record<string, unknown> {
  const file = join('bench', 'results', 'conditions.json');
  if (!existsSync(file)) return {};
  const last = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  for (const key of ['bench', 'measured_at', 'machine', 'problems']) delete last[key];
  return last;
}

/** Every part's problems, from the figures of all parts (kept and new). */
function allProblems(figures: Record<string, unknown>): string[] {
  return Object.values(figures).flatMap((v) =>
    v && typeof v === 'object' && Array.isArray((v as { problems?: unknown }).problems)
      ? (v as { problems: string[] }).problems
      : [],
  );
}

export async function runConditionsBench(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'city-data': { type: 'string' },
      'metro-data': { type: 'string' },
      parts: { type: 'string' },
      'city-sample': { type: 'string' },
      'metro-sample': { type: 'string' },
      'stats-scales': { type: 'string' },
      runs: { type: 'string' },
      workers: { type: 'string' },
    },
  });
  const parts = new Set((values.parts ?? 'a,b,c,d').split(','));
  if (parts.has('charts')) return redrawCharts(previousFigures());
  const workers = Number(values.workers ?? availableParallelism());
  const samples = {
    city: Number(values['city-sample'] ?? 2000),
    metro: Number(values['metro-sample'] ?? 100),
  };
  const statsScales = new Set((values['stats-scales'] ?? 'city,metro').split(','));
  const loadBefore = loadavg();
  const figures: Record<string, unknown> = { workers, target: TARGET };
  const needsMetro =
    parts.has('a') || parts.has('b') || parts.has('d') || (parts.has('c') && statsScales.has('metro'));
  const metro = needsMetro ? prepareDataset('metro', values['metro-data']) : undefined;
  try {
    if (parts.has('a') && metro) {
      console.log('conditions (a): every single transmission outage of metro at the design peak…');
      const a = await transmissionP1(metro.dir, workers);
      console.log(
        `  ${a.outages} outages, ${a.shedding_load} shed load, ${a.cascading} cascade (${a.wall_s} s)`,
      );
      const problems =
        a.shedding_load > TARGET.metro_design_peak_shedding_outages
          ? [`metro: ${a.shedding_load} single transmission outages shed load at the design peak`]
          : [];
      figures.transmission_p1_metro = { ...a, problems };
    }
    if (parts.has('b') && metro) {
      const runs = Number(values.runs ?? 50);
      console.log(`conditions (b): the weather calibration on metro (${runs} runs per event)…`);
      const b = await weatherCalibration(metro.dir, runs);
      const problems = b.events
        .filter((e) => !e.within_bar)
        .map(
          (e) =>
            `weather: ${e.scenario} median ${(100 * e.median_share).toFixed(2)} % vs reported ${(100 * e.reported_share).toFixed(2)} % is outside the bar`,
        );
      figures.weather_calibration_metro = { ...b, problems };
    }
    if (parts.has('c') && statsScales.has('city')) {
      const city = prepareDataset('city', values['city-data']);
      try {
        console.log(`conditions (c): statistics on city (${samples.city} patient zeros × 36 conditions)…`);
        figures.statistics_city = await statistics('city', city.dir, samples.city, workers);
      } finally {
        city.cleanup();
      }
    }
    if (parts.has('c') && statsScales.has('metro') && metro) {
      console.log(`conditions (c): statistics on metro (${samples.metro} patient zeros × 36 conditions)…`);
      figures.statistics_metro = await statistics('metro', metro.dir, samples.metro, workers);
    }
    if (parts.has('d') && metro) {
      console.log('conditions (d): metro sweep of every transformer and substation at the design peak…');
      const d = await designPeakSweep(metro.dir, workers);
      console.log(`  ${d.patient_zeros} cascades in ${d.wall_s} s; ${d.beyond_zone} beyond their zone`);
      const problems =
        d.wall_s > TARGET.metro_sweep_max_s
          ? [`metro design-peak sweep took ${d.wall_s} s (target ${TARGET.metro_sweep_max_s} s)`]
          : [];
      figures.design_peak_sweep_metro = { ...d, problems };
    }
  } finally {
    metro?.cleanup();
  }
  figures.load_average = {
    before: loadBefore.map((v) => round(v, 2)),
    after: loadavg().map((v) => round(v, 2)),
  };
  const merged = { ...previousFigures(), ...figures };
  const problems = allProblems(merged);
  writeBenchResult('conditions', { ...merged, problems });
  for (const p of problems) console.log(`PROBLEM: ${p}`);
}
