/**
 * Trains a transmission-outcome model (any OUTCOME_MODEL_KINDS) on labelled cases: batches of
 * examples stacked into one graph (batch.ts), binary cross-entropy on shedding (positives
 * weighted by their rarity) plus Huber on log1p(MW shed); Adam, gradient clipping, a seeded
 * shuffle each epoch. After every epoch the loss on the validation cases (networks and
 * conditions not trained on); the best epoch's parameters are the ones returned.
 */
import { BestEpoch } from '../train/best-epoch.ts';
import { Rng } from '../../generator/rng.ts';
import {
  Adam,
  add,
  bceWithLogitsLoss,
  clipGradNorm,
  huberLoss,
  noGrad,
  sliceColumns,
  tensorScope,
  type Tensor,
} from '../tensor/index.ts';
import type { InputScalers, OutcomeBatch } from './batch.ts';
import { datasetBatch, fitInputScalers, shedTruth, type OutcomeDataset } from './dataset.ts';
import { OUTCOME_MODEL_DEFAULTS, OutcomeModel, type OutcomeModelKind } from './outcome-model.ts';
import { SHED_TOLERANCE_MW } from './samples.ts';

export interface OutcomeTrainOptions {
  kind: OutcomeModelKind;
  hidden?: number;
  layers?: number;
  epochs?: number;
  /** Examples per step. */
  batchSize?: number;
  learningRate?: number;
  weightDecay?: number;
  seed?: number;
  onEpoch?: (e: OutcomeEpochReport) => void;
}

export const OUTCOME_TRAIN_DEFAULTS = {
  epochs: 20,
  batchSize: 32,
  learningRate: 3e-3,
  weightDecay: 1e-4,
  seed: 1,
  ...OUTCOME_MODEL_DEFAULTS,
};

export interface OutcomeEpochReport {
  epoch: number;
  train_loss: number;
  validation_loss: number;
  seconds: number;
}

export interface TrainedOutcomeModel {
  model: OutcomeModel;
  scalers: InputScalers;
  positiveWeight: number;
  history: OutcomeEpochReport[];
  best_epoch: number;
}

/** Targets of examples `rows`: shed (0/1) and log1p(MW shed). */
function targets(truth: Float64Array, rows: ArrayLike<number>) {
  const shed = new Float32Array(rows.length);
  const mw = new Float32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const v = truth[rows[i]];
    shed[i] = v > SHED_TOLERANCE_MW ? 1 : 0;
    mw[i] = Math.log1p(v);
  }
  return { shed, mw };
}

function batchLoss(
  model: OutcomeModel,
  batch: OutcomeBatch,
  y: ReturnType<typeof targets>,
  positiveWeight: number,
): Tensor {
  const out = model.forward(batch);
  const cls = bceWithLogitsLoss(sliceColumns(out, 0, 1), y.shed, { positiveWeight });
  return add(cls, huberLoss(sliceColumns(out, 1, 2), y.mw));
}

/** Consecutive slices of `order` of at most `size`. */
function* chunks(order: Int32Array, size: number) {
  for (let start = 0; start < order.length; start += size) yield order.subarray(start, start + size);
}

export function trainOutcomeModel(
  train: OutcomeDataset,
  validation: OutcomeDataset,
  options: OutcomeTrainOptions,
): TrainedOutcomeModel {
  const o = { ...OUTCOME_TRAIN_DEFAULTS, ...options };
  if (train.items.length === 0) throw new Error('gnn/transmission train: no training examples');
  const scalers = fitInputScalers(train);
  const truth = shedTruth(train);
  const validationTruth = shedTruth(validation);
  const positives = truth.reduce((s, v) => s + (v > SHED_TOLERANCE_MW ? 1 : 0), 0);
  const positiveWeight = Math.min(20, Math.max(1, (truth.length - positives) / Math.max(1, positives)));

  const rng = new Rng(o.seed, `gnn-transmission-train-${o.kind}`);
  const model = new OutcomeModel({ kind: o.kind, hidden: o.hidden, layers: o.layers }, rng);
  const params = Object.values(model.parameters());
  const adam = new Adam(params, { learningRate: o.learningRate, weightDecay: o.weightDecay });
  const history: OutcomeEpochReport[] = [];
  const best = new BestEpoch(params);
  const order = Int32Array.from(train.items, (_, k) => k);
  const validationRows = Int32Array.from(validation.items, (_, k) => k);
  for (let epoch = 1; epoch <= o.epochs; epoch++) {
    const t0 = performance.now();
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [order[i], order[j]] = [order[j], order[i]];
    }
    let total = 0;
    let steps = 0;
    for (const rows of chunks(order, o.batchSize)) {
      const batch = datasetBatch(train, rows, scalers);
      tensorScope(() => {
        adam.zeroGrad();
        const loss = batchLoss(model, batch, targets(truth, rows), positiveWeight);
        total += loss.item();
        steps++;
        loss.backward();
        clipGradNorm(params, 5);
        adam.step();
      });
    }
    let validationLoss = total / steps;
    if (validation.items.length) {
      let sum = 0;
      let count = 0;
      noGrad(() => {
        for (const rows of chunks(validationRows, 4 * o.batchSize)) {
          const batch = datasetBatch(validation, rows, scalers);
          sum += tensorScope(
            () =>
              batchLoss(model, batch, targets(validationTruth, rows), positiveWeight).item() * rows.length,
          );
          count += rows.length;
        }
      });
      validationLoss = sum / count;
    }
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
  return { model, scalers, positiveWeight, history, best_epoch: best.epoch };
}

/** Probability of shedding and predicted MW shed for every example of `d`, in dataset order. */
export function predictOutcomes(trained: Pick<TrainedOutcomeModel, 'model' | 'scalers'>, d: OutcomeDataset) {
  const p_shed = new Float64Array(d.items.length);
  const shed_mw = new Float64Array(d.items.length);
  const rows = Int32Array.from(d.items, (_, k) => k);
  noGrad(() => {
    for (const chunk of chunks(rows, 128)) {
      const batch = datasetBatch(d, chunk, trained.scalers);
      tensorScope(() => {
        const out = trained.model.forward(batch).data;
        chunk.forEach((k, i) => {
          p_shed[k] = 1 / (1 + Math.exp(-out[2 * i]));
          shed_mw[k] = Math.max(0, Math.expm1(out[2 * i + 1]));
        });
      });
    }
  });
  return { p_shed, shed_mw };
}
