/**
 * `flux cascade`: the quasi-steady-state DC overload cascade on a MATPOWER case (--matpower), or
 * the coupled transmission–distribution cascade on a stored Flux grid (--data).
 */
import {
  cascadeReport,
  runMatpowerCascade,
  type MatpowerCascadeReport,
} from '../../cascade/transmission/matpower-cascade.ts';
import type { MatpowerCase } from '../../importers/matpower/case-format.ts';
import { parseFlags } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { conditionFlagOptions, CONDITIONS_USAGE } from '../conditions-flags.ts';
import { runGridCascadeCommand } from './grid-cascade.ts';
import { readCaseFlag } from './powerflow.ts';

const usage = `usage: flux cascade --matpower FILE --outage-branch K[,K2,...] [--json]
       flux cascade --data DIR --asset ID[,ID2,...] [--then ID[,...]] [--common-mode]
                    [--scenario NAME] [--conditions JSON] [condition flags]
                    [--no-restoration] [--seed N] [--runs N] [--json]

With --data: fails the assets of the Flux dataset in DIR and follows the coupled cascade wave by
wave (protection, fault isolation and tie transfers, DC power flow per transmission island,
overload trips); --seed draws weather failures instead of the deterministic threshold.
Several --asset ids fail together (N-2); --then fails more once the cascade has settled (N-1-1,
after re-dispatch); --common-mode fails each line with the other circuits on its towers.
--runs N runs N cascades with weather drawn with seeds S..S+N-1 (S = --seed, default 1) and
prints the distribution of customers and MW lost, waves and failures, and the assets that fail
most often; --asset may then be left out to see what the weather alone does.

${CONDITIONS_USAGE}

Opens the given branches (1-based rows of mpc.branch) of a MATPOWER version-2 case and follows
the cascade wave by wave: in each island, load without a generator is shed, load above the
island's total Pmax is scaled down to it, generators are re-dispatched in proportion (slack:
the largest Pmax), a DC power flow is solved, and every branch above its RATE_A trips in the
next wave. Prints the waves, the MW shed, each trip's loading and the islands at the end.
With --json: {"waves": [[K], ...], "shed_mw": x, "initial_load_mw", "served_mw", "tripped",
"islands"}.`;

const MAX_ISLANDS_SHOWN = 20;

/** Parses "K[,K2,...]" into 1-based branch rows of the case, naming any bad K. */
export function outageBranchFlag(value: string, mpc: MatpowerCase): number[] {
  const m = mpc.branch.count;
  return value.split(',').map((text) => {
    const k = text.trim();
    if (!/^\d+$/.test(k) || Number(k) < 1 || Number(k) > m) {
      throw new CliError(`cascade: --outage-branch '${k}' is not a branch row of ${mpc.name} (1..${m})`);
    }
    return Number(k);
  });
}

function formatReport(mpc: MatpowerCase, r: MatpowerCascadeReport): string {
  const loading = new Map(r.tripped.map((t) => [t.branch, t]));
  const mw = (v: number) => `${v.toFixed(1)} MW`;
  const lines = [`${mpc.name}: cascade after opening branch ${r.waves[0].join(', ')}`];
  r.waves.forEach((wave, w) => {
    const what = wave.map((k) => {
      const t = loading.get(k);
      const ends = `${mpc.branch.f_bus[k - 1]}–${mpc.branch.t_bus[k - 1]}`;
      return t ? `${k} (${ends}, ${t.loading_pct.toFixed(1)} %)` : `${k} (${ends})`;
    });
    lines.push(`wave ${w + 1}: ${what.join(', ')}${w === 0 ? ' — initial outage' : ''}`);
  });
  lines.push(
    `load: ${mw(r.initial_load_mw)} before, ${mw(r.served_mw)} served, ${mw(r.shed_mw)} shed`,
    `islands at the end: ${r.islands.length}`,
  );
  const shown = [...r.islands].sort((a, b) => b.shed_mw - a.shed_mw || b.buses.length - a.buses.length);
  for (const island of shown.slice(0, MAX_ISLANDS_SHOWN)) {
    const buses =
      island.buses.length <= 8 ? island.buses.join(', ') : `${island.buses.slice(0, 8).join(', ')}, …`;
    lines.push(
      `  ${island.buses.length} bus(es) [${buses}]: generation ${mw(island.generation_mw)}, ` +
        `served ${mw(island.served_mw)}, shed ${mw(island.shed_mw)}`,
    );
  }
  if (shown.length > MAX_ISLANDS_SHOWN) lines.push(`  … ${shown.length - MAX_ISLANDS_SHOWN} more`);
  return lines.join('\n');
}

export const cascadeCommand = {
  summary: 'cascade after an outage: on a MATPOWER case, or on a Flux grid from any asset',
  usage,
  async run(argv: string[]): Promise<number> {
    const flags = parseFlags('cascade', argv, {
      matpower: { type: 'string' },
      'outage-branch': { type: 'string' },
      data: { type: 'string' },
      asset: { type: 'string' },
      then: { type: 'string' },
      'common-mode': { type: 'boolean' },
      ...conditionFlagOptions,
      seed: { type: 'string' },
      runs: { type: 'string' },
      'no-restoration': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (
      flags.matpower === undefined &&
      (flags.data !== undefined || flags.asset !== undefined || flags.runs !== undefined)
    ) {
      return runGridCascadeCommand(flags);
    }
    const outage = flags['outage-branch'];
    if (outage === undefined) {
      throw new CliError("cascade: --outage-branch K[,K2,...] is required (see 'flux cascade --help')");
    }
    const mpc = readCaseFlag('cascade', flags.matpower);
    const rows = outageBranchFlag(outage, mpc);
    const report = cascadeReport(runMatpowerCascade(mpc, rows));
    console.log(flags.json ? JSON.stringify(report) : formatReport(mpc, report));
    return 0;
  },
};
