/** `flux info`: counts per asset type, invariant checks and loading of a stored dataset. */
import {
  buildDatasetReport,
  formatDatasetReport,
  type DatasetReport,
} from '../../analytics/dataset-report.ts';
import { openDataset } from '../../storage/index.ts';
import { parseFlags } from '../args.ts';

const usage = `usage: flux info [--data DIR] [--json]

Reads the dataset in DIR (default ./data or $FLUX_DATA), recomputes its invariant checks and
prints counts per asset type, the checks, and equipment loading. Exits 1 if a check fails.`;

export interface StoredReport extends DatasetReport {
  dataset: { path: string; schema_version: number; content_hash?: string; source: unknown; region: number[] };
}

/** Opens the dataset in `dir` and builds its report; shared with `flux start`. */
export async function readDatasetReport(dir: string): Promise<StoredReport> {
  const repo = await openDataset(dir);
  try {
    const meta = await repo.readMeta();
    const model = await repo.readModel();
    const report = buildDatasetReport(model);
    return {
      dataset: {
        path: repo.location,
        schema_version: meta.schema_version,
        content_hash: meta.content_hash,
        source: meta.source,
        region: meta.region,
      },
      ...report,
    };
  } finally {
    await repo.close();
  }
}

export const infoCommand = {
  summary: 'show counts, invariant checks and loading of a dataset',
  usage,
  async run(argv: string[]): Promise<number> {
    const flags = parseFlags('info', argv, { data: { type: 'string' }, json: { type: 'boolean' } });
    const dir = flags.data ?? process.env.FLUX_DATA ?? 'data';
    const report = await readDatasetReport(dir);
    if (flags.json) console.log(JSON.stringify(report, null, 2));
    else console.log(`${report.dataset.path}\n${formatDatasetReport(report)}`);
    return report.invariants === 'ok' ? 0 : 1;
  },
};
