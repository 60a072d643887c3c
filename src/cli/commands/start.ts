/**
 * `flux start` (what `npm start` runs): makes sure a dataset exists — generating the default
 * `city` grid on first run — and prints its summary.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatDatasetReport } from '../../analytics/dataset-report.ts';
import { DATASET_FILE } from '../../storage/index.ts';
import { parseFlags } from '../args.ts';
import { generateDataset } from './generate.ts';
import { readDatasetReport } from './info.ts';

const usage = `usage: flux start [--data DIR]

Uses the dataset in DIR (default ./data or $FLUX_DATA); on first run generates the default
'city' grid (seed 1) there. Prints the dataset summary.`;

export const DEFAULT_SCALE = 'city';
export const DEFAULT_SEED = 1;

export const startCommand = {
  summary: 'prepare the default dataset (generating it on first run) and show its summary',
  usage,
  async run(argv: string[]): Promise<number> {
    const flags = parseFlags('start', argv, { data: { type: 'string' } });
    const dir = flags.data ?? process.env.FLUX_DATA ?? 'data';
    if (!existsSync(join(dir, DATASET_FILE))) {
      console.log(
        `no dataset in ${dir}: generating the default ${DEFAULT_SCALE} grid (seed ${DEFAULT_SEED})`,
      );
      const result = await generateDataset(DEFAULT_SCALE, DEFAULT_SEED, dir);
      console.log(`generated in ${result.seconds.toFixed(1)} s`);
    }
    const report = await readDatasetReport(dir);
    console.log(`${report.dataset.path}\n${formatDatasetReport(report)}`);
    return report.invariants === 'ok' ? 0 : 1;
  },
};
