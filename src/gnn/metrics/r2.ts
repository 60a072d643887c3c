/**
 * The coefficient of determination, as sklearn.metrics.r2_score for one output.
 */
import { assertPair } from './check.ts';

/**
 * R² = 1 − SS_res / SS_tot with SS_res = Σ (y − ŷ)² and SS_tot = Σ (y − ȳ)². It is 1 for a
 * perfect prediction, 0 for always predicting the mean of the truth, and negative when worse.
 * Not symmetric: the first argument is the truth.
 *
 * Returns null when SS_tot is 0 (constant or empty truth). sklearn returns 1 or 0 there by
 * convention (`force_finite`); we do not make a number up.
 *
 * @example
 * r2([1, 2, 3], [1, 2, 4]); // 0.5  (SS_res 1, SS_tot 2)
 * r2([2, 2, 2], [1, 2, 3]); // null
 */
export function r2(truth: ArrayLike<number>, pred: ArrayLike<number>): number | null {
  const n = assertPair('r2', 'truth', truth, 'pred', pred);
  if (n === 0) return null;
  let s = 0;
  for (let i = 0; i < n; i++) s += truth[i];
  const mean = s / n;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    const r = truth[i] - pred[i];
    const d = truth[i] - mean;
    ssRes += r * r;
    ssTot += d * d;
  }
  if (ssTot === 0) return null;
  return 1 - ssRes / ssTot;
}
