/** The manifest of a freshly trained model: what it is, what it read and what it learned from. */
import { createHash } from 'node:crypto';
import { conditionsKey, CONDITION_RANGES } from '../../model/operating-conditions.ts';
import { FEATURE_NAMES } from '../features/asset-features.ts';
import { MODEL_FORMAT, MODEL_FORMAT_VERSION, type RiskModelManifest } from '../model/model-file.ts';
import { OUTPUTS } from '../model/risk-model.ts';
import type { TrainedRiskModel } from './train.ts';
import type { GridExamples } from './training-data.ts';

export function trainingManifest(
  trained: TrainedRiskModel,
  grids: readonly GridExamples[],
  seconds: number,
  metrics: Record<string, unknown> | null = null,
): RiskModelManifest {
  const hash = createHash('sha256');
  let conditions = 0;
  let labels = 0;
  let beyond = 0;
  for (const g of grids) {
    hash.update(g.grid_hash);
    for (const e of g.examples) {
      conditions++;
      labels += e.labels.nodes.length;
      for (const b of e.labels.beyond_zone) beyond += b;
      hash.update(conditionsKey(e.labels.setting.conditions));
      hash.update(Buffer.from(e.labels.nodes.buffer, e.labels.nodes.byteOffset, e.labels.nodes.byteLength));
    }
  }
  const c = trained.model.config;
  return {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    kind: c.kind,
    hidden: c.hidden,
    layers: c.layers,
    feature_names: [...FEATURE_NAMES],
    outputs: [...OUTPUTS],
    scaler: trained.scaler,
    condition_ranges: CONDITION_RANGES,
    training: {
      grids: grids.map((g) => ({ name: g.name, grid_hash: g.grid_hash })),
      conditions,
      labels,
      beyond_zone: beyond,
      data_hash: hash.digest('hex'),
      epochs: trained.history.length,
      best_epoch: trained.best_epoch,
      seconds: Math.round(seconds * 10) / 10,
    },
    metrics,
    created_at: new Date().toISOString(),
  };
}
