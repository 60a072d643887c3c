/**
 * Generates the risk model's labels on one grid: under each condition, a seeded uniform sample
 * of the equipment fails one asset at a time in the real simulator (worker threads, each loading
 * the grid once), and the results become labels (label-set.ts). Each condition's labels are
 * cached in DIR/gnn-labels/ under a key of the grid's content hash, the conditions, the sample
 * and the restoration mode, written atomically, so training and evaluation re-use them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { conditionsKey } from '../../model/operating-conditions.ts';
import type { ScenarioSetting } from '../../cascade/scenarios.ts';
import { PatientZeroPool } from '../../cascade/statistics/patient-zero-pool.ts';
import { samplePatientZeros } from '../../cascade/statistics/patient-zero-sample.ts';
import { openDataset } from '../../storage/index.ts';
import { ASSET_GRAPH_TABLES, type AssetGraphTable } from '../graph/asset-graph.ts';
import { conditionLabels, labelsFromJson, labelsToJson, type ConditionLabels } from './label-set.ts';

export interface LabelSpec {
  dataDir: string;
  settings: readonly ScenarioSetting[];
  /** Assets failed under each condition (default 3,000). */
  perCondition?: number;
  /** Seeds the samples; condition k uses seed + k, so each condition fails other assets. */
  seed?: number;
  /**
   * Tables whose every asset is labelled under every condition, besides the uniform sample
   * (training uses the few high-level assets whose failures escalate most; evaluation sets leave
   * this empty, so their figures describe an asset picked at random).
   */
  alwaysTables?: readonly AssetGraphTable[];
  restoration?: boolean;
  workers?: number;
  onProgress?: (done: number, total: number, cached: boolean) => void;
}

export const LABEL_DEFAULTS = { perCondition: 3000, seed: 1, restoration: true };

export async function generateLabels(spec: LabelSpec): Promise<ConditionLabels[]> {
  const { perCondition, seed, restoration } = { ...LABEL_DEFAULTS, ...spec };
  const always = [...(spec.alwaysTables ?? [])];
  const repo = openDataset(spec.dataDir);
  const meta = await repo.readMeta();
  const counts = await repo.counts();
  await repo.close();
  const offset = {} as Record<AssetGraphTable, number>;
  let total = 0;
  for (const t of ASSET_GRAPH_TABLES) {
    offset[t] = total;
    total += counts[t] ?? 0;
  }
  const cacheDir = join(spec.dataDir, 'gnn-labels');
  mkdirSync(cacheDir, { recursive: true });
  const out: ConditionLabels[] = [];
  let pool: PatientZeroPool | undefined;
  try {
    for (const [k, setting] of spec.settings.entries()) {
      const key = createHash('sha256')
        .update(
          JSON.stringify([
            meta.content_hash,
            conditionsKey(setting.conditions),
            perCondition,
            seed + k,
            restoration,
            ...(always.length ? [always] : []),
          ]),
        )
        .digest('hex')
        .slice(0, 24);
      const file = join(cacheDir, `${key}.json`);
      if (existsSync(file)) {
        out.push(labelsFromJson(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>));
        spec.onProgress?.(k + 1, spec.settings.length, true);
        continue;
      }
      pool ??= await PatientZeroPool.start(Math.max(1, spec.workers ?? availableParallelism()), {
        dataDir: spec.dataDir,
        restoration,
      });
      const items = samplePatientZeros(counts, ASSET_GRAPH_TABLES, perCondition, seed + k);
      const picked = new Set(items.map((i) => `${i.table}:${i.index}`));
      for (const table of always)
        for (let index = 0; index < (counts[table] ?? 0); index++)
          if (!picked.has(`${table}:${index}`)) items.push({ table, index });
      const batch = Math.max(8, Math.min(100, Math.ceil(items.length / (pool.size * 8))));
      const { results, alone } = await pool.run(setting, items, batch);
      const labels = conditionLabels(
        setting,
        alone,
        results,
        (r) => offset[r.table as AssetGraphTable] + r.index,
      );
      writeFileSync(`${file}.tmp`, JSON.stringify(labelsToJson(labels)));
      renameSync(`${file}.tmp`, file);
      out.push(labels);
      spec.onProgress?.(k + 1, spec.settings.length, false);
    }
  } finally {
    pool?.close();
  }
  return out;
}
