/**
 * Spearman's rank correlation, as scipy.stats.spearmanr's statistic.
 */
import { assertPair } from './check.ts';
import { pearsonUnchecked } from './pearson.ts';
import { averageRanksUnchecked } from './ranks.ts';

/**
 * ρ = Pearson correlation of the average ranks (ties share the mean of their positions) of x
 * and of y. O(n log n).
 *
 * Returns null when ρ is undefined: fewer than two pairs, or either side constant (all ranks
 * equal; scipy returns NaN there).
 *
 * @example
 * spearman([1, 2, 3, 4], [10, 30, 20, 40]); // 0.8
 * spearman([1, 2, 3], [5, 5, 5]); // null
 */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = assertPair('spearman', 'x', x, 'y', y);
  if (n < 2) return null;
  return pearsonUnchecked(averageRanksUnchecked(x), averageRanksUnchecked(y), n);
}
