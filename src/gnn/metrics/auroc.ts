/**
 * Area under the ROC curve, through the Mann–Whitney U statistic.
 */
import { assertBinary, assertPair } from './check.ts';
import { averageRanksUnchecked } from './ranks.ts';

/**
 * AUROC = U / (n₊ n₋) with U = R₊ − n₊ (n₊ + 1) / 2, where R₊ is the sum of the average ranks
 * (ascending, ties share the mean rank) of the positives' scores. Equivalently the probability
 * that a random positive scores above a random negative, counting ties as one half — the same
 * value as sklearn's roc_auc_score (trapezoids under the ROC curve). O(n log n).
 *
 * Returns null when only one class is present (the area is undefined).
 *
 * @example
 * auroc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]); // 0.75
 * auroc([0, 1], [0.5, 0.5]); // 0.5
 * auroc([1, 1], [0.2, 0.9]); // null
 */
export function auroc(truth01: ArrayLike<number>, score: ArrayLike<number>): number | null {
  const n = assertPair('auroc', 'truth01', truth01, 'score', score);
  const positives = assertBinary('auroc', 'truth01', truth01);
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  const ranks = averageRanksUnchecked(score);
  let rankSum = 0;
  for (let i = 0; i < n; i++) if (truth01[i] === 1) rankSum += ranks[i];
  const u = rankSum - (positives * (positives + 1)) / 2;
  return u / (positives * negatives);
}
