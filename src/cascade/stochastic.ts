/**
 * Stochastic mode: N cascades from the same patient zero (possibly none: the weather alone) with
 * weather failures drawn from their probabilities. Run i draws with seed `seed + i`, so any run
 * can be replayed alone (`flux cascade --seed`). Reports the distribution of each outcome and how
 * often each asset failed. Runs share one state and one incremental evaluator.
 */
import type { OperatingConditions } from '../model/operating-conditions.ts';
import type { AssetRef } from '../search/asset-locator.ts';
import type { CascadeContext } from './cascade-context.ts';
import { runCascade } from './cascade.ts';
import { CascadeState } from './cascade-state.ts';
import type { CascadeResult } from './cascade-types.ts';
import { IncrementalEvaluator } from './incremental-evaluation.ts';

export interface StochasticOptions {
  runs: number;
  seed: number;
  restoration?: boolean;
  /** Asset failure frequencies reported (most frequent first). */
  topAssets?: number;
  /** Called after each run; awaiting it lets a server breathe between runs. */
  onRun?: (done: number) => void | Promise<void>;
}

/** Sample statistics; percentiles interpolate linearly between order statistics. */
export interface Distribution {
  mean: number;
  std: number;
  min: number;
  p05: number;
  p50: number;
  p95: number;
  max: number;
}

export interface StochasticResult {
  scenario: string;
  conditions: OperatingConditions;
  initial: string[];
  runs: number;
  seed: number;
  customers_lost: Distribution;
  critical_customers_lost: Distribution;
  mw_shed: Distribution;
  waves: Distribution;
  assets_failed: Distribution;
  weather_failures: Distribution;
  /** Share of runs in which at least one critical customer lost supply. */
  p_critical_loss: number;
  /** Assets that failed (other than by protection or shedding), with the share of runs. */
  most_frequent_failures: { id: string; table: string; share: number }[];
  /** Seeds of the run at the median and of the worst run by customers lost, to replay. */
  median_run_seed: number;
  worst_run_seed: number;
}

export const STOCHASTIC_DEFAULTS = { restoration: true, topAssets: 20 };

export function distribution(values: readonly number[]): Distribution {
  if (!values.length) throw new Error('stochastic: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = sorted.reduce((a, v) => a + v, 0) / n;
  const variance = n > 1 ? sorted.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1) : 0;
  const q = (p: number) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, n - 1)] ?? sorted[lo]) - sorted[lo]);
  };
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return {
    mean: r(mean),
    std: r(Math.sqrt(variance)),
    min: sorted[0],
    p05: r(q(0.05)),
    p50: r(q(0.5)),
    p95: r(q(0.95)),
    max: sorted[n - 1],
  };
}

export async function runStochastic(
  ctx: CascadeContext,
  initial: AssetRef[],
  options: StochasticOptions,
): Promise<StochasticResult> {
  const { runs, seed, restoration, topAssets, onRun } = { ...STOCHASTIC_DEFAULTS, ...options };
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`stochastic: runs must be ≥ 1 (got ${runs})`);
  if (!Number.isInteger(seed) || seed < 0) throw new RangeError(`stochastic: seed must be an integer ≥ 0`);
  const evaluator = new IncrementalEvaluator(ctx);
  const state = new CascadeState(ctx.model);
  const results: CascadeResult[] = [];
  const failures = new Map<string, { table: string; runs: number }>();
  for (let i = 0; i < runs; i++) {
    const r = runCascade(ctx, initial, { evaluator, state, restoration, stochasticSeed: seed + i });
    results.push(r);
    const seen = new Set<string>();
    for (const w of r.waves)
      for (const f of w.failed) {
        if (f.cause === 'protection_trip' || f.cause === 'load_shed' || seen.has(f.id)) continue;
        seen.add(f.id);
        const entry = failures.get(f.id) ?? { table: f.table, runs: 0 };
        entry.runs++;
        failures.set(f.id, entry);
      }
    await onRun?.(i + 1);
  }
  const of = (f: (r: CascadeResult) => number) => results.map(f);
  const customers = of((r) => r.customers_lost);
  const byCustomers = customers.map((c, i) => [c, i]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    scenario: ctx.scenario.name,
    conditions: ctx.conditions,
    initial: initial.map((ref) => ctx.model.tables[ref.table].ids[ref.index]),
    runs,
    seed,
    customers_lost: distribution(customers),
    critical_customers_lost: distribution(of((r) => r.critical_customers_lost)),
    mw_shed: distribution(of((r) => r.mw_shed)),
    waves: distribution(of((r) => r.waves.length)),
    assets_failed: distribution(of((r) => r.assets_failed)),
    weather_failures: distribution(
      of((r) => r.waves.reduce((n, w) => n + w.failed.filter((f) => f.cause === 'weather').length, 0)),
    ),
    p_critical_loss: results.filter((r) => r.critical_customers_lost > 0).length / runs,
    most_frequent_failures: [...failures]
      .sort((a, b) => b[1].runs - a[1].runs || a[0].localeCompare(b[0]))
      .slice(0, topAssets)
      .map(([id, f]) => ({ id, table: f.table, share: f.runs / runs })),
    median_run_seed: seed + byCustomers[(runs - 1) >> 1][1],
    worst_run_seed: seed + byCustomers[runs - 1][1],
  };
}
