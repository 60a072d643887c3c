/** `flux info`: counts per asset type, invariant checks and loading of a stored dataset. */
import {
  buildDatasetReport,
  formatDatasetReport,
  type DatasetReport,
} from '../../analytics/dataset-report.ts';
import type { GridModel } from '../../model/grid-model.ts';
import { openDataset, type DatasetMeta } from '../../storage/index.ts';
import { parseFlags } from '../args.ts';

const usage = `usage: flux info [--data DIR] [--json]

Reads the dataset in DIR (default ./data or $FLUX_DATA), recomputes its invariant checks and
prints counts per asset type, the checks, and equipment loading. Exits 1 if a check fails.`;

export interface StoredReport extends DatasetReport {
  dataset: { path: string; schema_version: number; content_hash?: string; source: unknown; region: number[] };
}

export interface LoadedDataset {
  model: GridModel;
  meta: DatasetMeta;
  path: string;
}

/** Reads the whole dataset in `dir`; shared with `flux start`. */
export async function loadDataset(dir: string): Promise<LoadedDataset> {
  const repo = openDataset(dir);
  try {
    return { meta: await repo.readMeta(), model: await repo.readModel(), path: repo.location };
  } finally {
    await repo.close();
  }
}

/** The report of a loaded dataset, with where it is stored. */
export function storedReport({ model, meta, path }: LoadedDataset): StoredReport {
  return {
    dataset: {
      path,
      schema_version: meta.schema_version,
      content_hash: meta.content_hash,
      source: meta.source,
      region: meta.region,
    },
    ...buildDatasetReport(model),
  };
}

export const infoCommand = {
  summary: 'show counts, invariant checks and loading of a dataset',
  usage,
  async run(argv: string[]): Promise<number> {
    const flags = parseFlags('info', argv, { data: { type: 'string' }, json: { type: 'boolean' } });
    const dir = flags.data ?? process.env.FLUX_DATA ?? 'data';
    const report = storedReport(await loadDataset(dir));
    if (flags.json) console.log(JSON.stringify(report, null, 2));
    else console.log(`${report.dataset.path}\n${formatDatasetReport(report)}`);
    return report.invariants === 'ok' ? 0 : 1;
  },
};
