/**
 * The Brier score of predicted probabilities, as sklearn.metrics.brier_score_loss.
 */
import { assertBinary, assertPair, assertProbabilities } from './check.ts';

/**
 * Brier = (1/n) Σ (p − y)², 0 for perfect confident predictions, 0.25 for always 0.5. Lower is
 * better. Null for empty input.
 *
 * @example
 * brierScore([0, 1, 1], [0.2, 0.6, 1]); // 0.06666666666666667  ((0.04 + 0.16 + 0) / 3)
 */
export function brierScore(truth01: ArrayLike<number>, prob: ArrayLike<number>): number | null {
  const n = assertPair('brierScore', 'truth01', truth01, 'prob', prob);
  assertBinary('brierScore', 'truth01', truth01);
  assertProbabilities('brierScore', 'prob', prob);
  if (n === 0) return null;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = prob[i] - truth01[i];
    s += d * d;
  }
  return s / n;
}
