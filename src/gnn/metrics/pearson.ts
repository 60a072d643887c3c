/**
 * Pearson's product-moment correlation, as scipy.stats.pearsonr's statistic.
 */
import { assertPair } from './check.ts';

/**
 * r = Σ (x − x̄)(y − ȳ) / √(Σ (x − x̄)² · Σ (y − ȳ)²), computed in two passes in float64 and
 * clamped to [−1, 1].
 *
 * Returns null, never a made-up number, when r is undefined: fewer than two pairs, or either
 * side constant (zero variance; scipy returns NaN with a warning there).
 *
 * @example
 * pearson([1, 2, 3], [2, 4, 7]); // 0.9933992677987828
 * pearson([1, 1, 1], [2, 4, 7]); // null
 */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number | null {
  const n = assertPair('pearson', 'x', x, 'y', y);
  return pearsonUnchecked(x, y, n);
}

/** pearson without the input checks. */
export function pearsonUnchecked(x: ArrayLike<number>, y: ArrayLike<number>, n: number): number | null {
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i];
    sy += y[i];
  }
  const mx = sx / n;
  const my = sy / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}
