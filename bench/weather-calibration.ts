/**
 * bench/weather-calibration: the storm presets on a generated `metro` grid against the share of
 * customers CenterPoint reported out at the peak of each event (docs/weather.md#calibration).
 *
 * Procedure: for each event, N seeded stochastic runs of the weather alone (restoration on;
 * run i draws with seed S+i, as `flux cascade --runs` does), the median share of customers out.
 * Two parameters are fitted, one event each, by bisection in log space until the event's median
 * share is within 0.5 percentage point of the reported share (runs share seeds, so the share
 * grows monotonically with each parameter): first TREE_EXPOSURE_FACTOR (trees each stored tree
 * stands for) on the derecho, then HURRICANE_EXPOSURE_WINDOWS (exposures to the peak gust a
 * hurricane's hours of wind bring) on Beryl with the factor fixed. The thunderstorm is a check,
 * fitted to nothing. With --no-fit the code's constants are evaluated as they stand.
 *
 * Writes bench/results/weather-calibration.json: the fit (factor, iterations), and per event
 * the simulated median and p5–p95 share vs the reported share, the bar (±10 points for the
 * derecho and Beryl, a factor of 2 for the thunderstorm) and the wall time per run.
 *
 * Usage: node bin/run-ts.js bench/weather-calibration.ts --data DIR [--runs 50] [--fit-runs 20]
 *   [--seed 1] [--no-fit] [--factors 1,4,16 (explore: shares at these factors, no fit)]
 */
import { parseArgs } from 'node:util';
import { loadDataset } from '../src/cli/commands/info.ts';
import { writeBenchResult } from './bench-result.ts';
import { calibrateWeather, exploreFactors } from './weather-events.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    runs: { type: 'string', default: '50' },
    'fit-runs': { type: 'string', default: '20' },
    seed: { type: 'string', default: '1' },
    'no-fit': { type: 'boolean', default: false },
    factors: { type: 'string' },
  },
});
if (!values.data) throw new Error('weather-calibration: --data DIR is required (a generated metro grid)');
const runs = Number(values.runs);
const fitRuns = Number(values['fit-runs']);
const seed = Number(values.seed);
const log = (s: string) => console.log(s);
const t0 = performance.now();
const { model } = await loadDataset(values.data);
const loadSeconds = (performance.now() - t0) / 1000;
log(`loaded ${model.meta.name}: ${model.tables.customers.size} customers in ${loadSeconds.toFixed(1)} s`);
if (values.factors) {
  await exploreFactors(model, values.factors.split(',').map(Number), runs, seed, log);
} else {
  const figures = await calibrateWeather(model, { runs, fitRuns, seed, fit: !values['no-fit'], log });
  writeBenchResult('weather-calibration', {
    data: values.data,
    grid: model.meta.name,
    load_seconds: Math.round(loadSeconds * 10) / 10,
    ...figures,
    total_seconds: Math.round((performance.now() - t0) / 100) / 10,
  });
}
