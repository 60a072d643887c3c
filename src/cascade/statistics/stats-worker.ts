/**
 * A statistics worker thread: loads the dataset once, then runs batches of single-asset
 * cascades under whichever conditions each batch names, keeping the cascade context of the
 * latest conditions (batches of one condition arrive together).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { conditionsKey } from '../../model/operating-conditions.ts';
import { openDataset } from '../../storage/index.ts';
import type { SweepAssetResult } from '../../storage/sqlite/sweep-store.ts';
import { buildCascadeContext } from '../cascade-context.ts';
import type { ScenarioSetting } from '../scenarios.ts';
import { SweepRunner, type ConditionsAlone, type SweepItem } from '../sweep/sweep-batch.ts';

export interface StatsWorkerData {
  dataDir: string;
  restoration: boolean;
}

export type ToStatsWorker =
  { type: 'batch'; point: number; setting: ScenarioSetting; items: SweepItem[] } | { type: 'stop' };
export type FromStatsWorker =
  | { type: 'ready' }
  | {
      type: 'results';
      point: number;
      results: SweepAssetResult[];
      weather_alone: ConditionsAlone;
    }
  | { type: 'error'; message: string };

const port = parentPort!;
const send = (m: FromStatsWorker) => port.postMessage(m);

try {
  const data = workerData as StatsWorkerData;
  const repo = openDataset(data.dataDir);
  const model = await repo.readModel();
  await repo.close();
  let current: { key: string; runner: SweepRunner; alone: ConditionsAlone } | undefined;
  port.on('message', (m: ToStatsWorker) => {
    if (m.type === 'stop') {
      port.close();
      return;
    }
    try {
      const key = conditionsKey(m.setting.conditions);
      if (current?.key !== key) {
        const runner = new SweepRunner(buildCascadeContext(model, m.setting), data.restoration);
        current = { key, runner, alone: runner.scenarioOnly() };
      }
      send({
        type: 'results',
        point: m.point,
        results: current.runner.run(m.items),
        weather_alone: current.alone,
      });
    } catch (err) {
      send({ type: 'error', message: (err as Error).message });
    }
  });
  send({ type: 'ready' });
} catch (err) {
  send({ type: 'error', message: (err as Error).message });
}
