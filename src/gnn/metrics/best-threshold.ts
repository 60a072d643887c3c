/**
 * The threshold that maximizes balanced accuracy on a given set: pick it on validation data,
 * then report balanced accuracy on test data at that threshold.
 */
import { thresholdSweepChecked } from './sweep.ts';

export interface BestThreshold {
  /** A score value; predict positive when score ≥ threshold. */
  threshold: number;
  /** Balanced accuracy at that threshold on the set it was picked on. */
  balancedAccuracy: number;
}

/**
 * Among the distinct scores as thresholds (predicted positive ⇔ score ≥ threshold), the one
 * with the highest balanced accuracy (TPR + TNR) / 2; on a tie, the highest such threshold (the
 * fewest alarms). O(n log n). Null when only one class is present.
 *
 * @example
 * bestBalancedAccuracyThreshold([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
 * // { threshold: 0.8, balancedAccuracy: 0.75 }
 * // thresholds 0.8, 0.4, 0.35, 0.1 → BA (½ + 1)/2, (½ + ½)/2, (1 + ½)/2, (1 + 0)/2: 0.8 and
 * // 0.35 tie at 0.75 and the higher one wins
 */
export function bestBalancedAccuracyThreshold(
  truth01: ArrayLike<number>,
  score: ArrayLike<number>,
): BestThreshold | null {
  const sweep = thresholdSweepChecked('bestBalancedAccuracyThreshold', truth01, score);
  const { positives, negatives, thresholds, truePositives, falsePositives } = sweep;
  if (positives === 0 || negatives === 0) return null;
  let best = -1;
  let bestBa = -Infinity;
  for (let j = 0; j < thresholds.length; j++) {
    // Integer arithmetic: TP·n₋ + TN·n₊ compares exactly (counts stay far below 2⁵³).
    const scaled = truePositives[j] * negatives + (negatives - falsePositives[j]) * positives;
    if (scaled > bestBa) {
      bestBa = scaled;
      best = j;
    }
  }
  return { threshold: thresholds[best], balancedAccuracy: bestBa / (2 * positives * negatives) };
}
