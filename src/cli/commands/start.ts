/**
 * `flux start` (what `npm start` runs): makes sure a dataset exists — generating the default
 * `city` grid on first run — prints its summary, then serves the map, API and tiles.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatDatasetReport } from '../../analytics/dataset-report.ts';
import { DATASET_FILE } from '../../storage/index.ts';
import { generateDataset } from './generate.ts';
import { loadDataset, storedReport } from './info.ts';
import { serveDataset, serveFlags } from './serve.ts';

const usage = `usage: flux start [--data DIR] [--port N] [--host ADDR] [--no-serve]

Uses the dataset in DIR (default ./data or $FLUX_DATA); on first run generates the default
'city' grid (seed 1) there. Prints the dataset summary, then serves the web app, API and tiles
on http://HOST:PORT (default 127.0.0.1:8080, or $HOST/$PORT).`;

export const DEFAULT_SCALE = 'city';
export const DEFAULT_SEED = 1;

export const startCommand = {
  summary: 'prepare the default dataset (generating it on first run), show its summary and serve it',
  usage,
  async run(argv: string[]): Promise<number> {
    const noServe = argv.includes('--no-serve');
    const { dir, port, host } = serveFlags(
      'start',
      argv.filter((a) => a !== '--no-serve'),
    );
    if (!existsSync(join(dir, DATASET_FILE))) {
      console.log(
        `no dataset in ${dir}: generating the default ${DEFAULT_SCALE} grid (seed ${DEFAULT_SEED})`,
      );
      const result = await generateDataset(DEFAULT_SCALE, DEFAULT_SEED, dir);
      console.log(`generated in ${result.seconds.toFixed(1)} s`);
    }
    const dataset = await loadDataset(dir);
    const report = storedReport(dataset);
    console.log(`${report.dataset.path}\n${formatDatasetReport(report)}`);
    if (report.invariants !== 'ok') return 1;
    if (noServe) return 0;
    await serveDataset(dir, port, host, dataset);
    return await new Promise<number>(() => {});
  },
};
