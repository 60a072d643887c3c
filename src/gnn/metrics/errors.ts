/**
 * Error magnitudes of a regression, in the units of the target (customers, MW).
 */
import { assertPair } from './check.ts';

/**
 * Mean absolute error: MAE = (1/n) Σ |y − ŷ|. Null for empty input.
 *
 * @example
 * mae([1, 2, 3], [2, 2, 5]); // 1  ((1 + 0 + 2) / 3)
 */
export function mae(truth: ArrayLike<number>, pred: ArrayLike<number>): number | null {
  const n = assertPair('mae', 'truth', truth, 'pred', pred);
  if (n === 0) return null;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.abs(truth[i] - pred[i]);
  return s / n;
}

/**
 * Root-mean-square error: RMSE = √((1/n) Σ (y − ŷ)²). Null for empty input.
 *
 * @example
 * rmse([1, 2, 3], [2, 2, 5]); // 1.2909944487358056  (√((1 + 0 + 4) / 3))
 */
export function rmse(truth: ArrayLike<number>, pred: ArrayLike<number>): number | null {
  const n = assertPair('rmse', 'truth', truth, 'pred', pred);
  if (n === 0) return null;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = truth[i] - pred[i];
    s += d * d;
  }
  return Math.sqrt(s / n);
}
