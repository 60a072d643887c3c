/**
 * Cascade statistics over a grid of operating conditions: the same seeded sample of patient
 * zeros under every condition, run on worker threads that each load the dataset once, then
 * summarized per condition (point-statistics.ts). `flux stats` and bench/conditions.ts use it.
 */
import { availableParallelism } from 'node:os';
import type { TableName } from '../../model/grid-model.ts';
import type { OperatingConditions } from '../../model/operating-conditions.ts';
import { openDataset } from '../../storage/index.ts';
import { FAILABLE_TABLES } from '../cascade.ts';
import { DEFAULT_SWEEP_TABLES } from '../sweep.ts';
import type { SweepItem } from '../sweep/sweep-batch.ts';
import { samplePatientZeros } from './patient-zero-sample.ts';
import { pointStatistics, type PointStatistics } from './point-statistics.ts';
import { PatientZeroPool } from './patient-zero-pool.ts';

export interface StatisticsSpec {
  dataDir: string;
  conditions: readonly OperatingConditions[];
  /** Label of the preset the conditions grid starts from (results carry it). */
  scenario?: string;
  tables?: readonly TableName[];
  /** Patient zeros sampled (the same ones under every condition); default 2,000. */
  sample?: number;
  seed?: number;
  restoration?: boolean;
  workers?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ConditionStatistics extends PointStatistics {
  conditions: OperatingConditions;
  elapsed_s: number;
}

export interface StatisticsResult {
  dataset: string;
  grid_hash: string;
  /** Customers of the dataset (shares of customers out are of this). */
  customers: number;
  tables: TableName[];
  sample: number;
  seed: number;
  restoration: boolean;
  points: ConditionStatistics[];
}

export const STATISTICS_DEFAULTS = { sample: 2000, seed: 1, restoration: true };

export async function runCascadeStatistics(spec: StatisticsSpec): Promise<StatisticsResult> {
  const { sample, seed, restoration } = { ...STATISTICS_DEFAULTS, ...spec };
  const tables = [...(spec.tables ?? DEFAULT_SWEEP_TABLES)];
  for (const t of tables)
    if (!FAILABLE_TABLES.has(t)) throw new Error(`statistics: '${t}' is not a table whose assets can fail`);
  if (!spec.conditions.length) throw new Error('statistics: no conditions');
  const repo = openDataset(spec.dataDir);
  const meta = await repo.readMeta();
  const counts = await repo.counts();
  await repo.close();
  const items: SweepItem[] = samplePatientZeros(counts, tables, sample, seed);
  if (!items.length) throw new Error('statistics: the tables have no assets');
  const count = Math.max(1, Math.min(spec.workers ?? availableParallelism(), items.length));
  const batchSize = Math.max(8, Math.min(200, Math.ceil(items.length / (count * 8))));
  const points: ConditionStatistics[] = [];
  const pool = await PatientZeroPool.start(count, { dataDir: spec.dataDir, restoration });
  try {
    for (const [k, conditions] of spec.conditions.entries()) {
      const t0 = performance.now();
      const setting = { name: spec.scenario ?? 'summer_peak', conditions };
      const { results, alone } = await pool.run(setting, items, batchSize);
      points.push({
        conditions,
        elapsed_s: Math.round(performance.now() - t0) / 1000,
        ...pointStatistics(results, alone),
      });
      spec.onProgress?.(k + 1, spec.conditions.length);
    }
  } finally {
    pool.close();
  }
  return {
    dataset: meta.name,
    grid_hash: String(meta.content_hash ?? ''),
    customers: counts.customers,
    tables,
    sample: items.length,
    seed,
    restoration,
    points,
  };
}
