/**
 * The confusion matrix of a thresholded score, and balanced accuracy from it. A sample is
 * predicted positive when score ≥ threshold (sklearn's convention for curve thresholds).
 */
import { assertBinary, assertPair } from './check.ts';

export interface ConfusionCounts {
  /** Positives predicted positive. */
  truePositives: number;
  /** Negatives predicted positive. */
  falsePositives: number;
  /** Negatives predicted negative. */
  trueNegatives: number;
  /** Positives predicted negative. */
  falseNegatives: number;
}

/**
 * Counts of the four outcomes when predicting positive where score ≥ threshold.
 *
 * @example
 * confusionCounts([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 0.4);
 * // { truePositives: 1, falsePositives: 1, trueNegatives: 1, falseNegatives: 1 }
 */
export function confusionCounts(
  truth01: ArrayLike<number>,
  score: ArrayLike<number>,
  threshold: number,
): ConfusionCounts {
  return confusionChecked('confusionCounts', truth01, score, threshold);
}

/**
 * Balanced accuracy = (TPR + TNR) / 2 with TPR = TP / (TP + FN) and TNR = TN / (TN + FP), at
 * predicted positive ⇔ score ≥ threshold. 0.5 for any constant prediction.
 *
 * Returns null when only one class is present (one of the two rates is undefined; sklearn
 * would silently average over the class that is there).
 *
 * @example
 * balancedAccuracy([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 0.35); // 0.75  ((2/2 + 1/2) / 2)
 */
export function balancedAccuracy(
  truth01: ArrayLike<number>,
  score: ArrayLike<number>,
  threshold: number,
): number | null {
  const c = confusionChecked('balancedAccuracy', truth01, score, threshold);
  return balancedAccuracyOf(c);
}

/** Balanced accuracy of given counts; null when a class has no members. */
export function balancedAccuracyOf(c: ConfusionCounts): number | null {
  const p = c.truePositives + c.falseNegatives;
  const n = c.trueNegatives + c.falsePositives;
  if (p === 0 || n === 0) return null;
  return (c.truePositives / p + c.trueNegatives / n) / 2;
}

function confusionChecked(
  module: string,
  truth01: ArrayLike<number>,
  score: ArrayLike<number>,
  threshold: number,
): ConfusionCounts {
  const len = assertPair(module, 'truth01', truth01, 'score', score);
  assertBinary(module, 'truth01', truth01);
  if (typeof threshold !== 'number' || Number.isNaN(threshold)) {
    throw new TypeError(`${module}: threshold must be a number, got ${threshold}`);
  }
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < len; i++) {
    const predicted = score[i] >= threshold;
    if (truth01[i] === 1) {
      if (predicted) tp++;
      else fn++;
    } else if (predicted) fp++;
    else tn++;
  }
  return { truePositives: tp, falsePositives: fp, trueNegatives: tn, falseNegatives: fn };
}
