/**
 * `flux stats`: cascade statistics over a grid of operating conditions — for a seeded sample of
 * patient zeros under each condition, the share whose cascade reaches beyond their own
 * protection zone and the distributions of waves and customers lost.
 */
import { availableParallelism } from 'node:os';
import { writeFileSync } from 'node:fs';
import { conditionGrid, DEFAULT_CONDITION_GRID } from '../../cascade/statistics/condition-grid.ts';
import { runCascadeStatistics, type StatisticsResult } from '../../cascade/statistics/run-statistics.ts';
import { chartRows, statisticsChartSvg } from '../../cascade/statistics/statistics-chart.ts';
import { FAILABLE_TABLES } from '../../cascade/cascade.ts';
import type { TableName } from '../../model/grid-model.ts';
import { ConditionsError } from '../../model/operating-conditions.ts';
import { DatasetError } from '../../storage/index.ts';
import { integerFlag, parseFlags } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { conditionFlagOptions, conditionsFromFlags } from '../conditions-flags.ts';
import { createProgress } from '../progress.ts';

const usage = `usage: flux stats [--data DIR] [--load-factors 0.8,1,1.2,1.4] [--temperatures 25,35,45]
                  [--gusts 0,25,45] [--sample N] [--seed S] [--tables T1,T2,...]
                  [--scenario NAME] [condition flags] [--workers N] [--no-restoration]
                  [--chart FILE.svg] [--json] [--quiet]

Runs the same seeded sample of patient zeros (default 2,000 assets drawn uniformly from the
equipment tables) under every combination of load factor, temperature and gust (uniform wind;
sustained = gust / 1.5), over the preset given (default summer_peak, the design peak) and any
other condition flags, and prints per condition: the share of cascades that reach beyond the
protection zone of their patient zero (an overload trip or load shed the weather alone does not
cause), the waves (1, 2, 3, 4+), customers lost (mean, median, p95, max) and what the weather
alone takes out. --chart writes the share beyond the zone as an SVG chart.`;

const numbers = (name: string, text: string | undefined, fallback: readonly number[]) => {
  if (text === undefined) return fallback;
  const values = text.split(',').map((s) => Number(s.trim()));
  if (!values.length || values.some((v) => !Number.isFinite(v)))
    throw new CliError(`stats: --${name} must be numbers separated by commas, got '${text}'`);
  return values;
};

function formatTable(r: StatisticsResult): string {
  const head =
    ' load  temp  gust   beyond   w=1   w=2   w=3  w≥4   cust mean   p50    p95     max   conditions alone';
  const lines = [
    `${r.dataset}: ${r.sample.toLocaleString('en-US')} patient zeros (seed ${r.seed}) from ${r.tables.join(', ')}`,
    head,
  ];
  for (const p of r.points) {
    const c = p.conditions;
    const h = p.waves_histogram;
    lines.push(
      `${c.load_factor.toFixed(2).padStart(5)} ${String(c.temperature_c).padStart(5)} ${String(c.wind_gust_ms).padStart(5)} ` +
        `${(100 * p.beyond_zone_share).toFixed(1).padStart(7)} % ${[h['1'], h['2'], h['3'], h['4+']].map((v) => String(v).padStart(5)).join(' ')}` +
        ` ${p.customers_lost.mean.toFixed(1).padStart(11)} ${String(p.customers_lost.p50).padStart(5)} ${p.customers_lost.p95.toFixed(0).padStart(6)} ${String(p.customers_lost.max).padStart(7)}` +
        `   ${p.weather_alone.customers_lost.toLocaleString('en-US')}`,
    );
  }
  return lines.join('\n');
}

export const statsCommand = {
  summary: 'cascade statistics over a grid of conditions: how often cascades go beyond protection',
  usage,
  async run(argv: string[]): Promise<number> {
    const flags = parseFlags('stats', argv, {
      data: { type: 'string' },
      'load-factors': { type: 'string' },
      temperatures: { type: 'string' },
      gusts: { type: 'string' },
      sample: { type: 'string' },
      seed: { type: 'string' },
      tables: { type: 'string' },
      workers: { type: 'string' },
      'no-restoration': { type: 'boolean' },
      chart: { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
      ...conditionFlagOptions,
    });
    const base = conditionsFromFlags('stats', { scenario: 'summer_peak', ...flags });
    let conditions;
    try {
      conditions = conditionGrid({
        load_factors: numbers('load-factors', flags['load-factors'], DEFAULT_CONDITION_GRID.load_factors),
        temperatures_c: numbers('temperatures', flags.temperatures, DEFAULT_CONDITION_GRID.temperatures_c),
        gusts_ms: numbers('gusts', flags.gusts, DEFAULT_CONDITION_GRID.gusts_ms),
        base: base.conditions,
      });
    } catch (err) {
      if (err instanceof ConditionsError) throw new CliError(`stats: ${err.message}`);
      throw err;
    }
    const tables = flags.tables?.split(',').map((s) => s.trim()) as TableName[] | undefined;
    for (const t of tables ?? [])
      if (!FAILABLE_TABLES.has(t))
        throw new CliError(
          `stats: '${t}' is not a table whose assets can fail (one of ${[...FAILABLE_TABLES].join(', ')})`,
        );
    const sample = integerFlag('stats', 'sample', flags.sample, 2000);
    if (sample < 1) throw new CliError('stats: --sample must be at least 1');
    const progress = createProgress('stats', flags.quiet || flags.json);
    let result: StatisticsResult;
    try {
      result = await runCascadeStatistics({
        dataDir: flags.data ?? process.env.FLUX_DATA ?? 'data',
        conditions,
        scenario: base.name,
        tables,
        sample,
        seed: integerFlag('stats', 'seed', flags.seed, 1),
        restoration: !flags['no-restoration'],
        workers: integerFlag('stats', 'workers', flags.workers, availableParallelism()),
        onProgress: (done, total) => progress.update('conditions', done / total, `${done}/${total}`),
      });
    } catch (err) {
      if (err instanceof DatasetError) throw new CliError(`stats: ${err.message}`);
      throw err;
    } finally {
      progress.stop();
    }
    if (flags.chart) writeFileSync(flags.chart, statisticsChartSvg(chartRows(result), result.dataset));
    console.log(flags.json ? JSON.stringify(result) : formatTable(result));
    return 0;
  },
};
