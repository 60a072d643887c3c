/** `flux cascade --data DIR --asset ID --scenario NAME`: the coupled T&D cascade on a stored grid. */
import { buildCascadeContext } from '../../cascade/cascade-context.ts';
import { FAILABLE_TABLES, runCascade } from '../../cascade/cascade.ts';
import { withCommonMode } from '../../cascade/contingencies.ts';
import type { CascadeResult } from '../../cascade/cascade-types.ts';
import { describeConditions } from '../../model/operating-conditions.ts';
import { runStochastic, type Distribution, type StochasticResult } from '../../cascade/stochastic.ts';
import { AssetLocator } from '../../search/asset-locator.ts';
import { integerFlag } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { conditionsFromFlags, type conditionFlagOptions } from '../conditions-flags.ts';
import { loadDataset } from './info.ts';

export type GridCascadeFlags = Partial<Record<keyof typeof conditionFlagOptions, string>> & {
  data?: string;
  asset?: string;
  then?: string;
  'common-mode'?: boolean;
  seed?: string;
  runs?: string;
  'no-restoration'?: boolean;
  json?: boolean;
};

function formatResult(r: CascadeResult): string {
  const then = r.then.map((stage) => `, then ${stage.join(', ')}`).join('');
  const lines = [
    `cascade from ${r.initial.join(', ')}${then} under '${r.scenario}' (${describeConditions(r.conditions)})`,
  ];
  for (const w of r.waves) {
    const causes = new Map<string, number>();
    for (const f of w.failed) causes.set(f.cause, (causes.get(f.cause) ?? 0) + 1);
    const what = [...causes].map(([c, n]) => `${n} ${c.replace('_', ' ')}`).join(', ');
    lines.push(
      `wave ${w.wave}: ${what}; ${w.customers_out.toLocaleString('en-US')} customers and ${w.mw_out.toFixed(2)} MW out`,
    );
  }
  lines.push(
    `customers lost ${r.customers_lost.toLocaleString('en-US')} (critical ${r.critical_customers_lost}), ` +
      `${r.mw_shed.toFixed(2)} MW shed, ${r.assets_failed} assets failed, ` +
      `${r.ties_closed.length} ties closed restoring ${r.customers_restored.toLocaleString('en-US')} customers`,
  );
  return lines.join('\n');
}

function formatStochastic(r: StochasticResult): string {
  const row = (name: string, d: Distribution, digits = 0) =>
    `  ${name.padEnd(24)} ${[d.mean, d.p05, d.p50, d.p95, d.max].map((v) => v.toFixed(digits).padStart(10)).join('')}`;
  const lines = [
    `${r.runs} stochastic cascades from ${r.initial.length ? r.initial.join(', ') : 'the weather alone'} ` +
      `under '${r.scenario}' (${describeConditions(r.conditions)}; seeds ${r.seed}..${r.seed + r.runs - 1})`,
    `  ${''.padEnd(24)} ${['mean', 'p5', 'median', 'p95', 'max'].map((h) => h.padStart(10)).join('')}`,
    row('customers lost', r.customers_lost),
    row('critical customers lost', r.critical_customers_lost),
    row('MW shed', r.mw_shed, 2),
    row('waves', r.waves, 1),
    row('assets failed', r.assets_failed, 1),
    row('weather failures', r.weather_failures, 1),
    `critical customers lost in ${(100 * r.p_critical_loss).toFixed(1)} % of runs; ` +
      `replay the median run with --seed ${r.median_run_seed}, the worst with --seed ${r.worst_run_seed}`,
  ];
  if (r.most_frequent_failures.length) {
    lines.push('most frequent failures:');
    for (const f of r.most_frequent_failures.slice(0, 10))
      lines.push(`  ${f.id.padEnd(24)} ${(100 * f.share).toFixed(1).padStart(5)} % of runs`);
  }
  return lines.join('\n');
}

export async function runGridCascadeCommand(flags: GridCascadeFlags): Promise<number> {
  const runs = flags.runs === undefined ? undefined : integerFlag('cascade', 'runs', flags.runs, 1);
  if (runs !== undefined && runs < 1) throw new CliError('cascade: --runs must be at least 1');
  if (!flags.asset && runs === undefined)
    throw new CliError("cascade: --asset ID[,ID2,...] is required with --data (see 'flux cascade --help')");
  const setting = conditionsFromFlags('cascade', flags);
  const seed = flags.seed === undefined ? undefined : integerFlag('cascade', 'seed', flags.seed, 0);
  const { model } = await loadDataset(flags.data ?? process.env.FLUX_DATA ?? 'data');
  const locator = new AssetLocator(model);
  const locate = (list: string | undefined) => {
    const refs = (list ? list.split(',') : []).map((text) => {
      const id = text.trim();
      const ref = AssetLocator.isWellFormed(id) ? locator.locate(id) : undefined;
      if (!ref) throw new CliError(`cascade: no asset '${id}' in the dataset`, 1);
      if (!FAILABLE_TABLES.has(ref.table))
        throw new CliError(`cascade: ${id} is a ${ref.table} row and cannot fail`);
      return ref;
    });
    return flags['common-mode'] ? withCommonMode(model, refs) : refs;
  };
  const refs = locate(flags.asset);
  const then = flags.then ? [locate(flags.then)] : [];
  if (runs !== undefined) {
    if (then.length) throw new CliError('cascade: --then is for one cascade, not with --runs');
    const result = await runStochastic(buildCascadeContext(model, setting), refs, {
      runs,
      seed: seed ?? 1,
      restoration: !flags['no-restoration'],
    });
    console.log(flags.json ? JSON.stringify(result) : formatStochastic(result));
    return 0;
  }
  const result = runCascade(buildCascadeContext(model, setting), refs, {
    restoration: !flags['no-restoration'],
    stochasticSeed: seed,
    then,
  });
  console.log(flags.json ? JSON.stringify(result) : formatResult(result));
  return 0;
}
