/**
 * Sweeps: every asset of the chosen tables (or a chosen set) as the patient zero of its own
 * cascade under one scenario, in parallel worker threads, with progress, stored batch by batch
 * in the dataset's sweep store (DIR/sweeps.sqlite) and resumable: a sweep stopped for any reason
 * picks up where its last stored batch ended when run again with the same grid, scenario,
 * restoration mode and selection.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TableName } from '../model/grid-model.ts';
import { openDataset } from '../storage/index.ts';
import { SweepStore, type SweepAssetResult, type SweepRecord } from '../storage/sqlite/sweep-store.ts';
import { FAILABLE_TABLES } from './cascade.ts';
import { ConditionsError, type ConditionsInput } from '../model/operating-conditions.ts';
import { scenarioWith, type ScenarioSetting } from './scenarios.ts';
import { contingencyItems, CONTINGENCY_KINDS, type ContingencyKind } from './contingencies.ts';
import { CONTINGENCY_TABLE, type PatientZero, type SweepItem } from './sweep/sweep-batch.ts';
import type { FromWorker, SweepWorkerData, ToWorker } from './sweep/sweep-worker.ts';

/** Equipment swept by default: everything whose failure can cascade (not single meters or trees). */
export const DEFAULT_SWEEP_TABLES = [
  'buses',
  'bus_sections',
  'generators',
  'transmission_lines',
  'substations',
  'substation_transformers',
  'feeders',
  'line_sections',
  'protective_devices',
  'switches',
  'transformers',
] as const satisfies readonly TableName[];

export interface SweepSpec {
  dataDir: string;
  /** The preset, and the fields of the operating conditions changed from it. */
  scenario: string;
  conditions?: ConditionsInput;
  /** Tables whose every row is a patient zero (default DEFAULT_SWEEP_TABLES). */
  tables?: readonly string[];
  /** Or exactly these asset ids. */
  assetIds?: readonly string[];
  /**
   * What each cascade starts from (default single): each asset alone; each line with the other
   * circuits on its towers (common_mode); every pair at once (n-2); every ordered pair, the
   * second after the first has settled (n-1-1).
   */
  contingency?: ContingencyKind;
  restoration?: boolean;
  /** Worker threads (default: one per core). */
  workers?: number;
  /** Start over instead of resuming (or reusing a complete sweep). */
  fresh?: boolean;
  onProgress?: (progress: SweepProgress) => void;
  signal?: AbortSignal;
}

export interface SweepProgress {
  sweep_id: number;
  status: SweepRecord['status'] | 'loading';
  done: number;
  total: number;
  elapsed_s: number;
  /** Patient zeros per second since the first batch was stored; null until a second one is. */
  rate_per_s: number | null;
  eta_s: number | null;
}

/** A sweep request that cannot run (unknown scenario, bad conditions, unknown table or asset). */
export class SweepError extends Error {
  override readonly name = 'SweepError';
}

/** Resolves the patient zeros of a spec against the stored dataset. */
async function selectAssets(spec: SweepSpec) {
  const setting = sweepSetting(spec);
  const repo = openDataset(spec.dataDir);
  try {
    const meta = await repo.readMeta();
    const grid_hash = String(meta.content_hash ?? '');
    if (!grid_hash) throw new SweepError(`sweep: ${spec.dataDir} has no content hash; regenerate it`);
    const refs: PatientZero[] = [];
    let selection: string;
    if (spec.assetIds?.length) {
      for (const id of spec.assetIds) {
        const rec = await repo.getAsset(id);
        if (!rec) throw new SweepError(`sweep: no asset '${id}' in the dataset`);
        if (!FAILABLE_TABLES.has(rec.table))
          throw new SweepError(`sweep: ${id} is a ${rec.table} row and cannot fail`);
        refs.push({ table: rec.table, index: rec.index });
      }
      const ids = [...spec.assetIds].sort().join(',');
      selection = `assets=${createHash('sha256').update(ids).digest('hex').slice(0, 16)}`;
    } else {
      const tables = [...(spec.tables ?? DEFAULT_SWEEP_TABLES)].sort();
      const counts = await repo.counts();
      for (const table of tables) {
        if (!FAILABLE_TABLES.has(table as TableName))
          throw new SweepError(
            `sweep: '${table}' is not a table whose assets can fail (one of ${[...FAILABLE_TABLES].join(', ')})`,
          );
        for (let i = 0; i < counts[table as TableName]; i++)
          refs.push({ table: table as TableName, index: i });
      }
      selection = `tables=${tables.join(',')}`;
    }
    if (!refs.length) throw new SweepError('sweep: nothing to sweep (the selection is empty)');
    const kind = spec.contingency ?? 'single';
    if (!CONTINGENCY_KINDS.includes(kind))
      throw new SweepError(
        `sweep: contingency must be one of ${CONTINGENCY_KINDS.join(', ')}, got '${kind}'`,
      );
    if (kind === 'single') return { grid_hash, items: refs as SweepItem[], selection, setting };
    const items = await contingencySweepItems(repo, kind, refs);
    if (!items.length)
      throw new SweepError(
        `sweep: the selection has no ${kind} contingencies (e.g. no lines on shared structures)`,
      );
    return { grid_hash, items, selection: `${selection};contingency=${kind}`, setting };
  } finally {
    await repo.close();
  }
}

/** Multi-asset items, named by the stored ids (only the tables the selection uses are read). */
async function contingencySweepItems(
  repo: ReturnType<typeof openDataset>,
  kind: ContingencyKind,
  refs: PatientZero[],
): Promise<SweepItem[]> {
  const ids = new Map<TableName, string[]>();
  for (const table of new Set(refs.map((r) => r.table))) ids.set(table, (await repo.readTable(table)).ids);
  const structure = (await repo.readTable('transmission_lines')).cols.structure;
  let list;
  try {
    list = contingencyItems({ id: (r) => ids.get(r.table)![r.index], structure }, kind, refs);
  } catch (err) {
    if (err instanceof RangeError) throw new SweepError(`sweep: ${err.message}`);
    throw err;
  }
  return list.map((c, k) => ({ table: CONTINGENCY_TABLE, index: k, stages: c.stages, label: c.label }));
}

/** The preset and conditions a spec asks for; SweepError naming what is wrong. */
function sweepSetting(spec: SweepSpec): ScenarioSetting {
  try {
    return scenarioWith(spec.scenario, spec.conditions);
  } catch (err) {
    if (err instanceof ConditionsError) throw new SweepError(`sweep: ${err.message}`);
    throw err;
  }
}

/** Runs (or resumes) a sweep; resolves with its final record. */
export async function runSweep(spec: SweepSpec): Promise<SweepRecord> {
  const { grid_hash, items, selection, setting } = await selectAssets(spec);
  const restoration = spec.restoration ?? true;
  const store = new SweepStore(spec.dataDir);
  try {
    const key = { grid_hash, scenario: setting.name, conditions: setting.conditions, restoration, selection };
    let sweep = store.find(key);
    if (sweep && spec.fresh) {
      store.delete(sweep.id);
      sweep = undefined;
    }
    if (sweep?.status === 'complete') return sweep;
    if (sweep?.status === 'running' && sweep.pid !== process.pid)
      throw new SweepError(`sweep: sweep ${sweep.id} is already running in process ${sweep.pid}`);
    sweep ??= store.create({ ...key, total: items.length });
    const done = store.doneKeys(sweep.id);
    const remaining = items.filter((r) => !done.has(`${r.table}:${r.index}`));
    const id = sweep.id;
    const elapsedBefore = sweep.elapsed_s;
    const t0 = performance.now();
    const elapsed = () => elapsedBefore + (performance.now() - t0) / 1000;
    store.setStatus(id, 'running', elapsedBefore);
    let stored = done.size;
    let storedNow = 0;
    // The rate counts from the first stored batch, so the workers' loading does not skew the ETA.
    let first: { at: number; count: number } | undefined;
    const report = (status: SweepProgress['status']) => {
      const since_s = first ? (performance.now() - first.at) / 1000 : 0;
      const rate =
        first && storedNow > first.count && since_s > 0 ? (storedNow - first.count) / since_s : null;
      spec.onProgress?.({
        sweep_id: id,
        status,
        done: stored,
        total: items.length,
        elapsed_s: round(elapsed()),
        rate_per_s: rate === null ? null : round(rate),
        eta_s: rate === null ? null : round((items.length - stored) / rate),
      });
    };
    report('loading');
    try {
      await runOnWorkers(
        spec,
        setting,
        restoration,
        remaining,
        (results) => {
          store.record(id, results, round(elapsed()));
          stored += results.length;
          storedNow += results.length;
          first ??= { at: performance.now(), count: storedNow };
          report('running');
        },
        (scenario) => store.setScenarioBaseline(id, scenario.customers_lost, scenario.mw_shed),
      );
      store.setStatus(id, 'complete', round(elapsed()));
      report('complete');
    } catch (err) {
      const cancelled = spec.signal?.aborted === true;
      store.setStatus(id, cancelled ? 'cancelled' : 'failed', round(elapsed()), (err as Error).message);
      report(cancelled ? 'cancelled' : 'failed');
      throw err;
    }
    return store.get(id)!;
  } finally {
    store.close();
  }
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** Hands out batches to worker threads until every patient zero has a result. */
function runOnWorkers(
  spec: SweepSpec,
  setting: ScenarioSetting,
  restoration: boolean,
  refs: SweepItem[],
  onResults: (results: SweepAssetResult[]) => void,
  onScenario: (scenario: { customers_lost: number; mw_shed: number }) => void,
): Promise<void> {
  if (!refs.length) return Promise.resolve();
  const count = Math.max(1, Math.min(spec.workers ?? availableParallelism(), refs.length));
  // Cascades differ in cost by orders of magnitude (a bus can black out a region, a transformer
  // only its customers): small batches keep every worker busy to the end; messaging is cheap.
  const batchSize = Math.max(4, Math.min(100, Math.ceil(refs.length / (count * 200))));
  const data: SweepWorkerData = { dataDir: spec.dataDir, setting, restoration };
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let batches = 0;
    let pendingBatches = 0;
    let settled = false;
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      spec.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      if (err) reject(err);
      else resolve();
    };
    const onAbort = () => finish(new SweepError('sweep: cancelled'));
    if (spec.signal?.aborted) return onAbort();
    spec.signal?.addEventListener('abort', onAbort);
    const feed = (w: Worker) => {
      if (next >= refs.length) {
        if (pendingBatches === 0) finish();
        return;
      }
      const slice = refs.slice(next, next + batchSize);
      next += slice.length;
      pendingBatches++;
      w.postMessage({ type: 'batch', batch: batches++, refs: slice } satisfies ToWorker);
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(new URL('./sweep/sweep-worker-boot.mjs', import.meta.url), {
        workerData: data,
        resourceLimits: { maxOldGenerationSizeMb: 12288 },
      });
      workers.push(w);
      w.on('message', (m: FromWorker) => {
        if (settled) return;
        if (m.type === 'error') return finish(new Error(`sweep worker: ${m.message}`));
        if (m.type === 'ready' && i === 0) onScenario(m.scenario);
        if (m.type === 'results') {
          pendingBatches--;
          try {
            onResults(m.results);
          } catch (err) {
            return finish(err as Error);
          }
        }
        feed(w);
      });
      w.on('error', (err) => finish(err));
      w.on('exit', (code) => {
        if (!settled) finish(new Error(`sweep worker exited (code ${code}) before the sweep finished`));
      });
    }
  });
}
