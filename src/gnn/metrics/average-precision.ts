/**
 * Average precision, as sklearn.metrics.average_precision_score (no interpolation).
 */
import { thresholdSweepChecked } from './sweep.ts';

/**
 * AP = Σₙ (Rₙ − Rₙ₋₁) Pₙ over the distinct scores taken as thresholds from the highest down
 * (predicted positive when score ≥ threshold), with Pₙ = TPₙ / (TPₙ + FPₙ), Rₙ = TPₙ / n₊ and
 * R₀ = 0. Tied scores enter together as one threshold, as in sklearn. O(n log n).
 *
 * Returns null when there are no positives (recall is undefined). With no negatives AP is 1.
 *
 * @example
 * averagePrecision([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.8333333333333333
 * // thresholds 0.8, 0.4, 0.35, 0.1 → (R, P) = (½, 1), (½, ½), (1, ⅔), (1, ½)
 * // AP = ½·1 + 0·½ + ½·⅔ + 0·½ = 5/6
 */
export function averagePrecision(truth01: ArrayLike<number>, score: ArrayLike<number>): number | null {
  const {
    truePositives: tp,
    falsePositives: fp,
    positives,
  } = thresholdSweepChecked('averagePrecision', truth01, score);
  if (positives === 0) return null;
  let ap = 0;
  let prevRecall = 0;
  for (let j = 0; j < tp.length; j++) {
    const recall = tp[j] / positives;
    if (recall !== prevRecall) ap += (recall - prevRecall) * (tp[j] / (tp[j] + fp[j]));
    prevRecall = recall;
  }
  return ap;
}
