/**
 * ROC and precision–recall curve points for plots, one point per distinct score (as sklearn's
 * roc_curve with drop_intermediate=False and precision_recall_curve), thinned to at most
 * `maxPoints` points for drawing.
 */
import { assertInteger } from './check.ts';
import { thresholdSweepChecked } from './sweep.ts';

export interface CurveOptions {
  /** Keep at most this many points (≥ 2), first and last always among them. Default 200. */
  maxPoints?: number;
}

export const CURVE_DEFAULTS: Required<CurveOptions> = { maxPoints: 200 };

export interface RocCurve {
  /** False positive rate FP / n₋ at each point, non-decreasing from 0 to 1. */
  fpr: Float64Array;
  /** True positive rate TP / n₊ at each point, non-decreasing from 0 to 1. */
  tpr: Float64Array;
  /** Threshold of each point (predicted positive when score ≥ threshold); the first is +Infinity. */
  thresholds: Float64Array;
}

export interface PrecisionRecallCurve {
  /** Recall TP / n₊ at each point, non-decreasing from 0 to 1. */
  recall: Float64Array;
  /** Precision TP / (TP + FP) at each point; the first point is (recall 0, precision 1). */
  precision: Float64Array;
  /** Threshold of each point, descending; the first is +Infinity. */
  thresholds: Float64Array;
}

/**
 * ROC curve: the point (0, 0) at threshold +Infinity, then (FP/n₋, TP/n₊) at each distinct score
 * from the highest down. Null when only one class is present.
 *
 * @example
 * rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // fpr [0, 0, 0.5, 0.5, 1], tpr [0, 0.5, 0.5, 1, 1], thresholds [Infinity, 0.8, 0.4, 0.35, 0.1]
 */
export function rocCurve(
  truth01: ArrayLike<number>,
  score: ArrayLike<number>,
  options: CurveOptions = {},
): RocCurve | null {
  const { maxPoints } = { ...CURVE_DEFAULTS, ...options };
  assertInteger('rocCurve', 'maxPoints', maxPoints, 2, 2 ** 31 - 1);
  const sweep = thresholdSweepChecked('rocCurve', truth01, score);
  const { positives, negatives } = sweep;
  if (positives === 0 || negatives === 0) return null;
  const m = sweep.thresholds.length + 1;
  const fpr = new Float64Array(m);
  const tpr = new Float64Array(m);
  const thresholds = new Float64Array(m);
  thresholds[0] = Infinity;
  for (let j = 1; j < m; j++) {
    fpr[j] = sweep.falsePositives[j - 1] / negatives;
    tpr[j] = sweep.truePositives[j - 1] / positives;
    thresholds[j] = sweep.thresholds[j - 1];
  }
  const keep = downsampleIndices(m, maxPoints);
  return { fpr: pick(fpr, keep), tpr: pick(tpr, keep), thresholds: pick(thresholds, keep) };
}

/**
 * Precision–recall curve: the point (recall 0, precision 1) at threshold +Infinity, then
 * (TP/n₊, TP/(TP + FP)) at each distinct score from the highest down. Null when there are no
 * positives. sklearn lists the same points in the opposite order.
 *
 * @example
 * precisionRecallCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // recall [0, 0.5, 0.5, 1, 1], precision [1, 1, 0.5, 2/3, 0.5]
 */
export function precisionRecallCurve(
  truth01: ArrayLike<number>,
  score: ArrayLike<number>,
  options: CurveOptions = {},
): PrecisionRecallCurve | null {
  const { maxPoints } = { ...CURVE_DEFAULTS, ...options };
  assertInteger('precisionRecallCurve', 'maxPoints', maxPoints, 2, 2 ** 31 - 1);
  const sweep = thresholdSweepChecked('precisionRecallCurve', truth01, score);
  if (sweep.positives === 0) return null;
  const m = sweep.thresholds.length + 1;
  const recall = new Float64Array(m);
  const precision = new Float64Array(m);
  const thresholds = new Float64Array(m);
  precision[0] = 1;
  thresholds[0] = Infinity;
  for (let j = 1; j < m; j++) {
    const tp = sweep.truePositives[j - 1];
    recall[j] = tp / sweep.positives;
    precision[j] = tp / (tp + sweep.falsePositives[j - 1]);
    thresholds[j] = sweep.thresholds[j - 1];
  }
  const keep = downsampleIndices(m, maxPoints);
  return { recall: pick(recall, keep), precision: pick(precision, keep), thresholds: pick(thresholds, keep) };
}

/**
 * At most `maxPoints` indices of 0..length−1, evenly spaced, always including the first and
 * the last: round(i (length − 1) / (maxPoints − 1)) for i = 0..maxPoints−1 (all of them when
 * length ≤ maxPoints).
 *
 * @example
 * downsampleIndices(10, 4); // Int32Array [0, 3, 6, 9]
 */
export function downsampleIndices(length: number, maxPoints: number): Int32Array {
  assertInteger('downsampleIndices', 'length', length, 0, 2 ** 31 - 1);
  assertInteger('downsampleIndices', 'maxPoints', maxPoints, 2, 2 ** 31 - 1);
  if (length <= maxPoints) return Int32Array.from({ length }, (_, i) => i);
  const out = new Int32Array(maxPoints);
  // The step (length − 1)/(maxPoints − 1) exceeds 1, so the rounded indices are strictly increasing.
  for (let i = 0; i < maxPoints; i++) out[i] = Math.round((i * (length - 1)) / (maxPoints - 1));
  return out;
}

function pick(values: Float64Array, keep: Int32Array): Float64Array {
  if (keep.length === values.length) return values;
  const out = new Float64Array(keep.length);
  for (let i = 0; i < keep.length; i++) out[i] = values[keep[i]];
  return out;
}
