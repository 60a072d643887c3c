/**
 * Losses returning 1×1 tensors. Each takes an optional per-row weight (a mask is a weight of 0 or
 * 1): loss = Σᵢ wᵢ Σⱼ ℓᵢⱼ / (cols · Σᵢ wᵢ), the plain mean when no weight is given, and 0 when every
 * weight is 0. The forward computes dℓ/dpred alongside ℓ, so the backward is one scaled
 * copy. A masked-out row (weight 0) adds nothing, even if its prediction or target is NaN
 * (unlabelled rows).
 */
import { stableSigmoid, stableSoftplus } from './activations.ts';
import { Tensor, opResult } from './tensor.ts';

/** Per-row weights, or nothing for a plain mean. */
export interface LossOptions {
  rowWeight?: Float32Array;
}

export interface BceOptions extends LossOptions {
  /** Weight of the positive-class term (PyTorch's pos_weight), for rare positives. Default 1. */
  positiveWeight?: number;
}

type Target = Tensor | Float32Array;

/** Mean squared error: ℓ = (pred − target)². */
export function mseLoss(pred: Tensor, target: Target, options: LossOptions = {}): Tensor {
  const { p, t, loss, dPred } = lossBuffers('mseLoss', pred, target);
  for (let i = 0; i < p.length; i++) {
    const d = p[i] - t[i];
    dPred[i] = 2 * d;
    loss[i] = d * d;
  }
  return weightedMeanLoss('mseLoss', pred, loss, dPred, options.rowWeight);
}

/** Huber: ½d² for |d| ≤ δ, δ(|d| − ½δ) beyond, d = pred − target (PyTorch's HuberLoss). */
export function huberLoss(pred: Tensor, target: Target, delta = 1, options: LossOptions = {}): Tensor {
  if (!(delta > 0)) throw new Error(`gnn/tensor huberLoss: delta must be > 0, got ${delta}`);
  const { p, t, loss, dPred } = lossBuffers('huberLoss', pred, target);
  for (let i = 0; i < p.length; i++) {
    const d = p[i] - t[i];
    const a = Math.abs(d);
    if (a <= delta) {
      dPred[i] = d;
      loss[i] = 0.5 * d * d;
    } else {
      dPred[i] = d > 0 ? delta : -delta;
      loss[i] = delta * (a - 0.5 * delta);
    }
  }
  return weightedMeanLoss('huberLoss', pred, loss, dPred, options.rowWeight);
}

/**
 * Binary cross-entropy on logits x with targets y ∈ [0, 1]:
 * ℓ = w₊·y·softplus(−x) + (1 − y)·softplus(x), which never takes the log of a rounded sigmoid.
 */
export function bceWithLogitsLoss(logits: Tensor, target: Target, options: BceOptions = {}): Tensor {
  const wPos = options.positiveWeight ?? 1;
  const { p, t, loss, dPred } = lossBuffers('bceWithLogitsLoss', logits, target);
  for (let i = 0; i < p.length; i++) {
    const x = p[i];
    const y = t[i];
    const s = stableSigmoid(x);
    dPred[i] = -wPos * y * (1 - s) + (1 - y) * s;
    loss[i] = wPos * y * stableSoftplus(-x) + (1 - y) * stableSoftplus(x);
  }
  return weightedMeanLoss('bceWithLogitsLoss', logits, loss, dPred, options.rowWeight);
}

function lossBuffers(op: string, pred: Tensor, target: Target) {
  const t = target instanceof Tensor ? target.data : target;
  if (t.length !== pred.size) {
    throw new Error(`gnn/tensor ${op}: target has ${t.length} values for ${pred.rows}×${pred.cols}`);
  }
  // Per-element loss in float64 so the sum of many small terms keeps its digits.
  return { p: pred.data, t, loss: new Float64Array(pred.size), dPred: new Float32Array(pred.size) };
}

/** Reduces per-element ℓ to the weighted mean and scales dℓ/dp in place into d(loss)/dp. */
function weightedMeanLoss(
  op: string,
  pred: Tensor,
  loss: Float64Array,
  dPred: Float32Array,
  rowWeight: Float32Array | undefined,
): Tensor {
  const m = pred.rows;
  const n = pred.cols;
  if (rowWeight && rowWeight.length !== m) {
    throw new Error(`gnn/tensor ${op}: rowWeight has ${rowWeight.length} values for ${m} rows`);
  }
  let weightTotal = 0;
  let total = 0;
  for (let i = 0; i < m; i++) {
    const w = rowWeight ? rowWeight[i] : 1;
    if (w === 0) continue;
    weightTotal += w;
    let rowTotal = 0;
    for (let j = i * n; j < i * n + n; j++) rowTotal += loss[j];
    total += w * rowTotal;
  }
  const norm = weightTotal > 0 ? 1 / (weightTotal * n) : 0;
  for (let i = 0; i < m; i++) {
    const s = (rowWeight ? rowWeight[i] : 1) * norm;
    if (s === 0) dPred.fill(0, i * n, i * n + n);
    else for (let j = i * n; j < i * n + n; j++) dPred[j] *= s;
  }
  return opResult(1, 1, Float32Array.of(total * norm), [pred], (o) => {
    const g = (o.grad as Float32Array)[0];
    const gp = pred.ensureGrad();
    for (let i = 0; i < gp.length; i++) gp[i] += g * dPred[i];
  });
}
