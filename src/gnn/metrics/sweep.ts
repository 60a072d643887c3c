/**
 * The threshold sweep behind AP, the ROC and PR curves and the best-threshold search (sklearn's
 * `_binary_clf_curve`): one step per distinct score, from the highest down, with the counts of
 * positives and negatives scored at or above it. A sample is predicted positive when
 * score ≥ threshold, so tied scores always move together.
 */
import { argsort } from './sort.ts';
import { assertBinary, assertPair } from './check.ts';

export interface ThresholdSweep {
  /** The distinct scores, descending. */
  thresholds: Float64Array;
  /** truePositives[j]: positives with score ≥ thresholds[j] (non-decreasing). */
  truePositives: Float64Array;
  /** falsePositives[j]: negatives with score ≥ thresholds[j] (non-decreasing). */
  falsePositives: Float64Array;
  /** Number of positives (labels equal to 1). */
  positives: number;
  /** Number of negatives (labels equal to 0). */
  negatives: number;
}

/**
 * Cumulative true and false positives at every distinct score, highest first. O(n log n).
 *
 * @example
 * thresholdSweep([0, 1, 1, 0], [0.1, 0.4, 0.35, 0.8]);
 * // thresholds [0.8, 0.4, 0.35, 0.1], truePositives [0, 1, 2, 2], falsePositives [1, 1, 1, 2]
 */
export function thresholdSweep(truth01: ArrayLike<number>, score: ArrayLike<number>): ThresholdSweep {
  return thresholdSweepChecked('thresholdSweep', truth01, score);
}

/** thresholdSweep whose input errors name `module`. */
export function thresholdSweepChecked(
  module: string,
  truth01: ArrayLike<number>,
  score: ArrayLike<number>,
): ThresholdSweep {
  const n = assertPair(module, 'truth01', truth01, 'score', score);
  const positives = assertBinary(module, 'truth01', truth01);
  const order = argsort(score, 'descending');
  const thresholds = new Float64Array(n);
  const tp = new Float64Array(n);
  const fp = new Float64Array(n);
  let m = 0;
  let cumTp = 0;
  let cumFp = 0;
  for (let j = 0; j < n; j++) {
    const i = order[j];
    if (truth01[i] === 1) cumTp++;
    else cumFp++;
    // Close a step at the last member of each group of equal scores.
    if (j === n - 1 || score[order[j + 1]] !== score[i]) {
      thresholds[m] = score[i];
      tp[m] = cumTp;
      fp[m] = cumFp;
      m++;
    }
  }
  return {
    thresholds: thresholds.slice(0, m),
    truePositives: tp.slice(0, m),
    falsePositives: fp.slice(0, m),
    positives,
    negatives: n - positives,
  };
}
