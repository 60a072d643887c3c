/** `flux sweep`: every asset of a dataset (or a chosen set) as patient zero, stored and ranked. */
import { availableParallelism } from 'node:os';
import type { ContingencyKind } from '../../cascade/contingencies.ts';
import { DEFAULT_SWEEP_TABLES, runSweep, SweepError, type SweepProgress } from '../../cascade/sweep.ts';
import { SweepStore, type SweepAssetResult } from '../../storage/sqlite/sweep-store.ts';
import { DatasetError } from '../../storage/index.ts';
import { integerFlag, parseFlags } from '../args.ts';
import { CliError } from '../cli-error.ts';
import { conditionFlagOptions, conditionsFromFlags, CONDITIONS_USAGE } from '../conditions-flags.ts';
import { createProgress } from '../progress.ts';
import { describeConditions } from '../../model/operating-conditions.ts';

const usage = `usage: flux sweep [--data DIR] [--scenario NAME] [--conditions JSON] [condition flags]
                  [--tables T1,T2,...] [--asset ID,...] [--contingency KIND]
                  [--workers N] [--no-restoration]
                  [--fresh] [--top N] [--json] [--quiet]

Runs one cascade per patient zero — every row of the tables given (default:
${DEFAULT_SWEEP_TABLES.join(', ')}), or the assets given — under the scenario, in N worker
threads (default: one per core). Results (customers and critical customers lost, MW shed,
waves, assets failed per patient zero) are stored batch by batch in DIR/sweeps.sqlite: an
interrupted sweep resumes where it stopped when run again with the same flags; a complete one
is shown again without re-running unless --fresh. Prints the N assets whose loss costs most
customers (default 10); --json prints {"sweep": {...}, "top": [...]}.
--contingency single (default): each asset alone; common_mode: each line with the other
circuits on its towers; n-2: every pair of the selection at once; n-1-1: every ordered pair,
the second failing once the cascade of the first has settled.

${CONDITIONS_USAGE}`;

function formatTop(top: SweepAssetResult[]): string[] {
  const lines = ['rank  asset                        customers  critical       MW  waves  failed  beyond'];
  top.forEach((r, i) => {
    lines.push(
      `${String(i + 1).padStart(4)}  ${r.id.padEnd(27)} ${String(r.customers_lost).padStart(10)} ` +
        `${String(r.critical_customers_lost).padStart(9)} ${r.mw_shed.toFixed(2).padStart(8)} ` +
        `${String(r.waves).padStart(6)} ${String(r.assets_failed).padStart(7)}  ${r.beyond_zone ? 'yes' : 'no'}`,
    );
  });
  return lines;
}

export const sweepCommand = {
  summary: 'every asset as patient zero under a scenario: stored, resumable, ranked',
  usage,
  async run(argv: string[]): Promise<number> {
    const flags = parseFlags('sweep', argv, {
      data: { type: 'string' },
      ...conditionFlagOptions,
      tables: { type: 'string' },
      asset: { type: 'string' },
      contingency: { type: 'string' },
      workers: { type: 'string' },
      'no-restoration': { type: 'boolean' },
      fresh: { type: 'boolean' },
      top: { type: 'string' },
      json: { type: 'boolean' },
      quiet: { type: 'boolean' },
    });
    const dataDir = flags.data ?? process.env.FLUX_DATA ?? 'data';
    const setting = conditionsFromFlags('sweep', flags);
    const workers = integerFlag('sweep', 'workers', flags.workers, availableParallelism());
    if (workers < 1) throw new CliError('sweep: --workers must be at least 1');
    const topN = integerFlag('sweep', 'top', flags.top, 10);
    const split = (v?: string) =>
      v
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    const progress = createProgress('sweep', flags.quiet || flags.json);
    const onProgress = (p: SweepProgress) => {
      const detail =
        p.status === 'loading'
          ? `loading the grid in ${workers} worker(s)`
          : `${p.done.toLocaleString('en-US')}/${p.total.toLocaleString('en-US')}` +
            (p.eta_s !== null ? `, ${p.rate_per_s}/s, ${Math.round(p.eta_s)} s left` : '');
      progress.update(p.status === 'loading' ? 'loading' : 'cascades', p.done / p.total, detail);
    };
    let sweep;
    try {
      sweep = await runSweep({
        dataDir,
        scenario: setting.name,
        conditions: setting.conditions,
        tables: split(flags.tables),
        assetIds: split(flags.asset),
        contingency: flags.contingency as ContingencyKind | undefined,
        restoration: !flags['no-restoration'],
        workers,
        fresh: flags.fresh,
        onProgress,
      });
    } catch (err) {
      if (err instanceof SweepError) throw new CliError(err.message);
      if (err instanceof DatasetError) throw new CliError(`sweep: ${err.message}`);
      throw err;
    } finally {
      progress.stop();
    }
    const store = new SweepStore(dataDir);
    const top = store.results(sweep.id, { order: 'customers_lost', limit: topN });
    store.close();
    if (flags.json) {
      console.log(JSON.stringify({ sweep, top }));
      return 0;
    }
    console.log(
      [
        `sweep ${sweep.id} under '${sweep.scenario}'${sweep.conditions ? ` (${describeConditions(sweep.conditions)})` : ''} (${sweep.selection}${sweep.restoration ? '' : ', no restoration'}): ` +
          `${sweep.done.toLocaleString('en-US')} of ${sweep.total.toLocaleString('en-US')} patient zeros, ` +
          `${sweep.status}, ${sweep.elapsed_s.toFixed(1)} s of cascades`,
        ...(sweep.scenario_customers_lost
          ? [
              `the scenario alone (no patient zero) takes out ${sweep.scenario_customers_lost.toLocaleString('en-US')} ` +
                `customers and ${sweep.scenario_mw_shed?.toFixed(2)} MW: every result below includes that`,
            ]
          : []),
        `stored in ${dataDir}/sweeps.sqlite`,
        ...(topN > 0 ? formatTop(top) : []),
      ].join('\n'),
    );
    return 0;
  },
};
