/**
 * Trains a risk model (any MODEL_KINDS) on examples from several grids: each step takes a batch
 * of the assets the simulator labelled on one grid under one condition, runs their exact L-hop
 * subgraph and takes the loss on them — Huber on the three log-scale consequences, binary cross-entropy (positives weighted by
 * their rarity) on reaching beyond the zone. Adam, gradient clipping, a seeded shuffle of the
 * examples each epoch; after every epoch the loss on validation examples (other conditions,
 * another grid), and the parameters of the best epoch are the ones returned.
 */
import { BestEpoch } from './best-epoch.ts';
import { Rng } from '../../generator/rng.ts';
import {
  Adam,
  add,
  bceWithLogitsLoss,
  clipGradNorm,
  constant,
  gatherRows,
  huberLoss,
  noGrad,
  scale,
  sliceColumns,
  tensorScope,
  type Tensor,
} from '../tensor/index.ts';
import { hopSubgraph } from '../model/graph-inputs.ts';
import { RiskModel, RISK_MODEL_DEFAULTS, type ModelKind } from '../model/risk-model.ts';
import { applyScaler, fitScaler, type FeatureScaler } from './feature-scaler.ts';
import { TARGET_COUNT, targetMatrix } from './targets.ts';
import type { GridExamples } from './training-data.ts';

export interface TrainOptions {
  kind: ModelKind;
  hidden?: number;
  layers?: number;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  weightDecay?: number;
  seed?: number;
  onEpoch?: (e: EpochReport) => void;
}

export const TRAIN_DEFAULTS = {
  epochs: 30,
  learningRate: 3e-3,
  weightDecay: 1e-4,
  seed: 1,
  /** Labelled assets per step. */
  batchSize: 256,
  ...RISK_MODEL_DEFAULTS,
};

export interface EpochReport {
  epoch: number;
  train_loss: number;
  validation_loss: number;
  seconds: number;
}

export interface TrainedRiskModel {
  model: RiskModel;
  scaler: FeatureScaler;
  positiveWeight: number;
  history: EpochReport[];
  best_epoch: number;
}

/** One example ready for steps: scaled inputs and its targets split for the two losses. */
interface Prepared {
  grid: GridExamples;
  x: Float32Array;
  nodes: Int32Array;
  regression: Float32Array;
  beyond: Float32Array;
}

export function prepare(grids: readonly GridExamples[], scaler: FeatureScaler): Prepared[] {
  const out: Prepared[] = [];
  for (const grid of grids)
    for (const ex of grid.examples) {
      const y = targetMatrix(ex.labels);
      const k = ex.labels.nodes.length;
      const regression = new Float32Array(k * 3);
      const beyond = new Float32Array(k);
      for (let i = 0; i < k; i++) {
        regression.set(y.subarray(i * TARGET_COUNT, i * TARGET_COUNT + 3), i * 3);
        beyond[i] = y[i * TARGET_COUNT + 3];
      }
      out.push({ grid, x: applyScaler(ex.x, scaler), nodes: ex.labels.nodes, regression, beyond });
    }
  return out;
}

/** The loss on labelled rows `rows` of an example, through their exact L-hop subgraph. */
function batchLoss(model: RiskModel, p: Prepared, rows: Int32Array, positiveWeight: number): Tensor {
  const hops = model.config.kind === 'mlp' ? 0 : model.config.layers;
  const seeds = Int32Array.from(rows, (i) => p.nodes[i]);
  const sub = hopSubgraph(p.grid.inputs, p.grid.builder.graph, seeds, hops);
  const F = p.grid.featureCount;
  const x = new Float32Array(sub.inputs.nodeCount * F);
  sub.inputs.nodes.forEach((v, i) => x.set(p.x.subarray(v * F, v * F + F), i * F));
  const out = gatherRows(model.forward(constant(sub.inputs.nodeCount, F, x), sub.inputs), sub.seedLocal);
  const regression = new Float32Array(rows.length * 3);
  const beyond = new Float32Array(rows.length);
  rows.forEach((r, i) => {
    regression.set(p.regression.subarray(r * 3, r * 3 + 3), i * 3);
    beyond[i] = p.beyond[r];
  });
  const reg = huberLoss(sliceColumns(out, 0, 3), regression);
  const cls = bceWithLogitsLoss(sliceColumns(out, 3, 4), beyond, { positiveWeight });
  return add(scale(reg, 3), cls);
}

const allRows = (p: Prepared) => Int32Array.from({ length: p.nodes.length }, (_, i) => i);

export function trainRiskModel(
  train: readonly GridExamples[],
  validation: readonly GridExamples[],
  options: TrainOptions,
): TrainedRiskModel {
  const o = { ...TRAIN_DEFAULTS, ...options };
  const featureCount = train[0]?.featureCount;
  if (!featureCount) throw new Error('gnn train: no training examples');
  const scaler = fitScaler(
    train.flatMap((g) => g.examples.map((e) => e.x)),
    featureCount,
  );
  const trainSet = prepare(train, scaler);
  const validationSet = prepare(validation, scaler);
  let positives = 0;
  let labelled = 0;
  for (const p of trainSet) {
    labelled += p.beyond.length;
    for (const b of p.beyond) positives += b;
  }
  const positiveWeight = Math.min(50, Math.max(1, (labelled - positives) / Math.max(1, positives)));

  const rng = new Rng(o.seed, `gnn-train-${o.kind}`);
  const model = new RiskModel({ kind: o.kind, featureCount, hidden: o.hidden, layers: o.layers }, rng);
  const params = Object.values(model.parameters());
  const adam = new Adam(params, { learningRate: o.learningRate, weightDecay: o.weightDecay });
  const history: EpochReport[] = [];
  const best = new BestEpoch(params);
  const order = trainSet.map((_, i) => i);
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const t0 = performance.now();
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    let total = 0;
    let steps = 0;
    for (const i of order) {
      const p = trainSet[i];
      const rows = allRows(p);
      for (let k = rows.length - 1; k > 0; k--) {
        const j = rng.int(k + 1);
        [rows[k], rows[j]] = [rows[j], rows[k]];
      }
      for (let start = 0; start < rows.length; start += o.batchSize) {
        tensorScope(() => {
          adam.zeroGrad();
          const loss = batchLoss(model, p, rows.subarray(start, start + o.batchSize), positiveWeight);
          total += loss.item();
          steps++;
          loss.backward();
          clipGradNorm(params, 5);
          adam.step();
        });
      }
    }
    const validationLoss = validationSet.length
      ? noGrad(() =>
          validationSet.reduce(
            (s, p) => s + tensorScope(() => batchLoss(model, p, allRows(p), positiveWeight).item()),
            0,
          ),
        ) / validationSet.length
      : total / steps;
    const report = {
      epoch,
      train_loss: total / steps,
      validation_loss: validationLoss,
      seconds: (performance.now() - t0) / 1000,
    };
    history.push(report);
    o.onEpoch?.(report);
    best.offer(validationLoss, epoch);
  }
  best.restore();
  return { model, scaler, positiveWeight, history, best_epoch: best.epoch };
}
