/**
 * A sweep worker thread: loads the dataset itself (threads share no heap), builds the cascade
 * context for the scenario, says it is ready, then runs every batch of patient zeros it is sent
 * and posts back the results, until told to stop.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDataset } from '../../storage/index.ts';
import type { SweepAssetResult } from '../../storage/sqlite/sweep-store.ts';
import { buildCascadeContext } from '../cascade-context.ts';
import type { ScenarioSetting } from '../scenarios.ts';
import { SweepRunner, type SweepItem } from './sweep-batch.ts';

export interface SweepWorkerData {
  dataDir: string;
  /** The preset's name and the resolved conditions (resolved once, by the parent). */
  setting: ScenarioSetting;
  restoration: boolean;
}

export type ToWorker = { type: 'batch'; batch: number; refs: SweepItem[] } | { type: 'stop' };
export type FromWorker =
  | { type: 'ready'; scenario: { customers_lost: number; mw_shed: number } }
  | { type: 'results'; batch: number; results: SweepAssetResult[] }
  | { type: 'error'; message: string };

const port = parentPort!;
const send = (m: FromWorker) => port.postMessage(m);

try {
  const data = workerData as SweepWorkerData;
  const repo = openDataset(data.dataDir);
  const model = await repo.readModel();
  await repo.close();
  const runner = new SweepRunner(buildCascadeContext(model, data.setting), data.restoration);
  port.on('message', (m: ToWorker) => {
    if (m.type === 'stop') {
      port.close();
      return;
    }
    try {
      send({ type: 'results', batch: m.batch, results: runner.run(m.refs) });
    } catch (err) {
      send({ type: 'error', message: (err as Error).message });
    }
  });
  send({ type: 'ready', scenario: runner.scenarioOnly() });
} catch (err) {
  send({ type: 'error', message: (err as Error).message });
}
