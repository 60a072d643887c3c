/** `flux cascade --data DIR --asset ID --scenario NAME`: the coupled T&D cascade on a stored grid. */
import { buildCascadeContext } from '../../cascade/cascade-context.ts';
import { FAILABLE_TABLES, runCascade } from '../../cascade/cascade.ts';
import type { CascadeResult } from '../../cascade/cascade-types.ts';
import { SCENARIOS, scenario } from '../../cascade/scenarios.ts';
import { AssetLocator } from '../../search/asset-locator.ts';
import { integerFlag } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { loadDataset } from './info.ts';

export interface GridCascadeFlags {
  data?: string;
  asset?: string;
  scenario?: string;
  seed?: string;
  'no-restoration'?: boolean;
  json?: boolean;
}

function formatResult(r: CascadeResult): string {
  const lines = [`cascade from ${r.initial.join(', ')} under '${r.scenario}'`];
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

export async function runGridCascadeCommand(flags: GridCascadeFlags): Promise<number> {
  if (!flags.asset)
    throw new CliError("cascade: --asset ID[,ID2,...] is required with --data (see 'flux cascade --help')");
  const name = flags.scenario ?? 'base';
  if (!SCENARIOS[name])
    throw new CliError(
      `cascade: --scenario must be one of ${Object.keys(SCENARIOS).join(', ')}, got '${name}'`,
    );
  const seed = flags.seed === undefined ? undefined : integerFlag('cascade', 'seed', flags.seed, 0);
  const { model } = await loadDataset(flags.data ?? process.env.FLUX_DATA ?? 'data');
  const locator = new AssetLocator(model);
  const refs = flags.asset.split(',').map((text) => {
    const id = text.trim();
    const ref = AssetLocator.isWellFormed(id) ? locator.locate(id) : undefined;
    if (!ref) throw new CliError(`cascade: no asset '${id}' in the dataset`, 1);
    if (!FAILABLE_TABLES.has(ref.table))
      throw new CliError(`cascade: ${id} is a ${ref.table} row and cannot fail`);
    return ref;
  });
  const result = runCascade(buildCascadeContext(model, scenario(name)), refs, {
    restoration: !flags['no-restoration'],
    stochasticSeed: seed,
  });
  console.log(flags.json ? JSON.stringify(result) : formatResult(result));
  return 0;
}
