/**
 * bench/sweep: full cascade sweeps on the `city` and `metro` grids as `flux sweep` runs them —
 * every transformer and substation (issue 4's target: metro in under 10 minutes on 2 cores) as
 * the patient zero of its own coupled T&D cascade, in worker threads, results stored in the
 * dataset's sweep store. Records wall time from start to the last stored result (including the
 * workers loading the grid), the time to the first result, the steady rate, peak RSS of the
 * process (worker threads included), and the outcome distribution. Also measures, in one thread
 * on a sample of patient zeros, a cascade with the incremental evaluation sweeps use against the
 * full evaluation (identical results, checked).
 *
 * There is no peer for the coupled T&D model; bench/cascade compares the transmission cascade
 * sweep of the same grids with the scipy baseline.
 *
 * Usage: npm run bench -- sweep [--scales city,metro] [--city-data DIR] [--metro-data DIR]
 *        [--tables transformers,substations] [--all-equipment] [--workers N]
 */
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { buildCascadeContext } from '../src/cascade/cascade-context.ts';
import { runCascade } from '../src/cascade/cascade.ts';
import { CascadeState } from '../src/cascade/cascade-state.ts';
import { IncrementalEvaluator } from '../src/cascade/incremental-evaluation.ts';
import { scenario } from '../src/cascade/scenarios.ts';
import { DEFAULT_SWEEP_TABLES, runSweep } from '../src/cascade/sweep.ts';
import type { TableName } from '../src/model/grid-model.ts';
import { openDataset } from '../src/storage/index.ts';
import { SweepStore } from '../src/storage/sqlite/sweep-store.ts';
import { prepareDataset, round } from './bench-harness.ts';
import { writeBenchResult } from './bench-result.ts';

export const TARGET = { metro_sweep_max_s: 600 };
const SAMPLE = { city: 300, metro: 40 };

async function timedSweep(dir: string, tables: readonly string[], workers: number) {
  const t0 = performance.now();
  let firstResult_s: number | null = null;
  let doneAtFirst = 0;
  const sweep = await runSweep({
    dataDir: dir,
    scenario: 'base',
    tables,
    workers,
    fresh: true,
    onProgress: (p) => {
      if (p.status === 'running' && firstResult_s === null) {
        firstResult_s = (performance.now() - t0) / 1000;
        doneAtFirst = p.done;
      }
    },
  });
  const wall_s = (performance.now() - t0) / 1000;
  const store = new SweepStore(dir);
  const all = store.results(sweep.id);
  store.close();
  const steady = firstResult_s === null ? null : (sweep.total - doneAtFirst) / (wall_s - firstResult_s);
  return {
    tables: [...tables],
    patient_zeros: sweep.total,
    workers,
    wall_s: round(wall_s, 2),
    first_result_s: firstResult_s === null ? null : round(firstResult_s, 2),
    steady_cascades_per_s: steady === null ? null : round(steady, 1),
    outcomes: {
      cascading_beyond_first_wave: all.filter((r) => r.waves > 1).length,
      with_critical_customers_lost: all.filter((r) => r.critical_customers_lost > 0).length,
      max_customers_lost: all[0]?.customers_lost ?? null,
      top5: all.slice(0, 5).map((r) => ({ id: r.id, customers_lost: r.customers_lost, mw_shed: r.mw_shed })),
    },
  };
}

/** One thread: ms per cascade, incremental vs full evaluation, on evenly spaced patient zeros. */
async function perCascade(dir: string, count: number) {
  const repo = openDataset(dir);
  const model = await repo.readModel();
  await repo.close();
  const ctx = buildCascadeContext(model, scenario('base'));
  const refs: { table: TableName; index: number }[] = [];
  for (const table of ['transformers', 'substations', 'line_sections'] as const) {
    const n = Math.min(count, model.tables[table].size);
    for (let i = 0; i < n; i++) refs.push({ table, index: Math.floor((i * model.tables[table].size) / n) });
  }
  const evaluator = new IncrementalEvaluator(ctx);
  const state = new CascadeState(model);
  let t0 = performance.now();
  const fast = refs.map((r) => runCascade(ctx, [r], { evaluator, state }));
  const incremental_ms = (performance.now() - t0) / refs.length;
  t0 = performance.now();
  const full = refs.map((r) => runCascade(ctx, [r]));
  const full_ms = (performance.now() - t0) / refs.length;
  const identical = full.every((f, i) => JSON.stringify(f) === JSON.stringify(fast[i]));
  return {
    cascades: refs.length,
    full_ms: round(full_ms, 2),
    incremental_ms: round(incremental_ms, 3),
    speedup: round(full_ms / incremental_ms, 1),
    identical,
  };
}

export async function runSweepBench(argv: string[] = []): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      scales: { type: 'string' },
      'city-data': { type: 'string' },
      'metro-data': { type: 'string' },
      tables: { type: 'string' },
      'all-equipment': { type: 'boolean' },
      workers: { type: 'string' },
    },
  });
  const scales = (values.scales ?? 'city,metro').split(',') as ('city' | 'metro')[];
  const tables = (values.tables ?? 'transformers,substations').split(',');
  const workers = Number(values.workers ?? availableParallelism());
  const loadBefore = loadavg();
  const runs: Record<string, unknown>[] = [];
  const problems: string[] = [];
  for (const scale of scales) {
    const data = prepareDataset(scale, values[`${scale}-data`]);
    try {
      console.log(`sweep ${scale}: ${tables.join(', ')} with ${workers} worker(s)…`);
      const bar = await timedSweep(data.dir, tables, workers);
      console.log(
        `sweep ${scale}: ${bar.patient_zeros} cascades in ${bar.wall_s} s (first result ${bar.first_result_s} s, ` +
          `${bar.steady_cascades_per_s}/s steady)`,
      );
      const equipment = values['all-equipment']
        ? await timedSweep(data.dir, DEFAULT_SWEEP_TABLES, workers)
        : undefined;
      if (equipment)
        console.log(`sweep ${scale} (all equipment): ${equipment.patient_zeros} in ${equipment.wall_s} s`);
      const single = await perCascade(data.dir, SAMPLE[scale]);
      console.log(
        `sweep ${scale}: one thread ${single.incremental_ms} ms/cascade incremental vs ${single.full_ms} full ` +
          `(${single.speedup}×, identical: ${single.identical})`,
      );
      if (!single.identical) problems.push(`${scale}: incremental and full cascades differ`);
      if (scale === 'metro' && bar.wall_s > TARGET.metro_sweep_max_s)
        problems.push(`metro sweep took ${bar.wall_s} s (target ${TARGET.metro_sweep_max_s} s)`);
      runs.push({
        scale,
        generated: data.generated,
        sweep: bar,
        all_equipment: equipment,
        one_thread: single,
      });
    } finally {
      data.cleanup();
    }
  }
  writeBenchResult('sweep', {
    target: TARGET,
    load_average: { start: loadBefore, end: loadavg() },
    peak_rss_mib: Math.round(process.resourceUsage().maxRSS / 1024),
    runs,
    problems,
  });
  if (problems.length) console.error(`sweep: ${problems.join('; ')}`);
}
