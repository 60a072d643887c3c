/**
 * Worker threads that each load a dataset once and then run batches of single-asset cascades
 * under whichever conditions a batch names (stats-worker.ts). Cascade statistics and the risk
 * model's training labels both run their patient zeros here.
 */
import { Worker } from 'node:worker_threads';
import type { SweepAssetResult } from '../../storage/sqlite/sweep-store.ts';
import type { ScenarioSetting } from '../scenarios.ts';
import type { ConditionsAlone, SweepItem } from '../sweep/sweep-batch.ts';
import type { FromStatsWorker, StatsWorkerData, ToStatsWorker } from './stats-worker.ts';

export interface PointResults {
  results: SweepAssetResult[];
  /** The conditions' own cascade, with no patient zero. */
  alone: ConditionsAlone;
}

export class PatientZeroPool {
  private point = 0;

  private constructor(private readonly workers: Worker[]) {}

  /** Starts `count` workers on the dataset; resolves once every one has loaded it. */
  static async start(count: number, data: StatsWorkerData): Promise<PatientZeroPool> {
    return new PatientZeroPool(await startWorkers(count, data));
  }

  get size(): number {
    return this.workers.length;
  }

  /** Every item under one setting, handed out in batches of `batchSize`; results in completion order. */
  run(setting: ScenarioSetting, items: readonly SweepItem[], batchSize: number): Promise<PointResults> {
    return runPoint(this.workers, this.point++, setting, items, batchSize);
  }

  close(): void {
    for (const w of this.workers) void w.terminate();
  }
}

function startWorkers(count: number, data: StatsWorkerData): Promise<Worker[]> {
  const workers = Array.from(
    { length: count },
    () =>
      new Worker(new URL('./stats-worker-boot.mjs', import.meta.url), {
        workerData: data,
        resourceLimits: { maxOldGenerationSizeMb: 12288 },
      }),
  );
  return Promise.all(
    workers.map(
      (w) =>
        new Promise<Worker>((resolve, reject) => {
          const onMessage = (m: FromStatsWorker) => {
            w.off('message', onMessage);
            if (m.type === 'ready') resolve(w);
            else reject(new Error(`statistics worker: ${m.type === 'error' ? m.message : m.type}`));
          };
          w.on('message', onMessage);
          w.once('error', reject);
        }),
    ),
  ).catch((err) => {
    for (const w of workers) void w.terminate();
    throw err;
  });
}

const NOTHING_ALONE: ConditionsAlone = {
  customers_lost: 0,
  critical_customers_lost: 0,
  mw_shed: 0,
  first_wave: { customers_out: 0, critical_out: 0, mw_out: 0 },
};

/** Hands the items of one condition out in batches; resolves with every result. */
function runPoint(
  workers: Worker[],
  point: number,
  setting: ScenarioSetting,
  items: readonly SweepItem[],
  batchSize: number,
): Promise<PointResults> {
  return new Promise((resolve, reject) => {
    const results: SweepAssetResult[] = [];
    let alone: ConditionsAlone | undefined;
    let next = 0;
    let pending = 0;
    let settled = false;
    const cleanup = () => {
      for (const w of workers) {
        w.off('message', handlers.get(w)!);
        w.off('error', fail);
        w.off('exit', exited);
      }
    };
    const fail = (err: Error) => {
      if (settled) return;
      settled = true;
      cleanup();
      reject(err);
    };
    const exited = (code: number) => fail(new Error(`statistics worker exited (code ${code})`));
    const feed = (w: Worker) => {
      if (next >= items.length) {
        if (pending === 0 && !settled) {
          settled = true;
          cleanup();
          resolve({ results, alone: alone ?? NOTHING_ALONE });
        }
        return;
      }
      const batch = items.slice(next, next + batchSize);
      next += batch.length;
      pending++;
      w.postMessage({ type: 'batch', point, setting, items: batch } satisfies ToStatsWorker);
    };
    const handlers = new Map<Worker, (m: FromStatsWorker) => void>();
    for (const w of workers) {
      const onMessage = (m: FromStatsWorker) => {
        if (settled) return;
        if (m.type === 'error') return fail(new Error(`statistics worker: ${m.message}`));
        if (m.type !== 'results' || m.point !== point) return;
        pending--;
        results.push(...m.results);
        alone = m.weather_alone;
        feed(w);
      };
      handlers.set(w, onMessage);
      w.on('message', onMessage);
      w.on('error', fail);
      w.on('exit', exited);
    }
    for (const w of workers) feed(w);
  });
}
