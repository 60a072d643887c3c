/** Integer allocation of a total over weighted bins, deterministic given the RNG. */
import type { Rng } from './rng.ts';

/**
 * Systematic sampling: bin i gets floor or ceil of total·w_i/Σw, and the counts sum to exactly
 * `total`. Bins with weight 0 get nothing.
 */
export function systematicAllocate(weights: ArrayLike<number>, total: number, rng: Rng): Int32Array {
  const out = new Int32Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i];
  if (total <= 0) return out;
  if (!(sum > 0)) throw new Error('allocation: all weights are zero');
  const step = sum / total;
  let next = rng.next() * step;
  let cumulative = 0;
  let placed = 0;
  for (let i = 0; i < weights.length && placed < total; i++) {
    cumulative += weights[i];
    while (next < cumulative && placed < total) {
      out[i]++;
      placed++;
      next += step;
    }
  }
  // Floating-point round-off can leave the last point unplaced: give it to the heaviest bin.
  if (placed < total) {
    let best = 0;
    for (let i = 1; i < weights.length; i++) if (weights[i] > weights[best]) best = i;
    out[best] += total - placed;
  }
  return out;
}

/**
 * Largest-remainder allocation with a per-bin minimum and maximum: every bin with weight > 0 gets
 * at least `min` (and at most max[i]), the counts sum to `total`.
 */
export function boundedAllocate(
  weights: ArrayLike<number>,
  total: number,
  min: number,
  max?: ArrayLike<number>,
): Int32Array {
  const n = weights.length;
  const out = new Int32Array(n);
  const cap = (i: number) => (max ? max[i] : Infinity);
  let remaining = total;
  for (let i = 0; i < n; i++) {
    if (weights[i] > 0) {
      out[i] = Math.min(min, cap(i));
      remaining -= out[i];
    }
  }
  if (remaining < 0)
    throw new Error(`allocation: total ${total} is below the minimum of ${total - remaining}`);
  // Repeatedly hand out the remainder in proportion to weight among bins below their cap.
  while (remaining > 0) {
    let open = 0;
    for (let i = 0; i < n; i++) if (weights[i] > 0 && out[i] < cap(i)) open += weights[i];
    if (open <= 0) throw new Error(`allocation: cannot place ${remaining} more within the bin limits`);
    const share = new Float64Array(n);
    let given = 0;
    for (let i = 0; i < n; i++) {
      if (!(weights[i] > 0) || out[i] >= cap(i)) continue;
      const exact = (remaining * weights[i]) / open;
      const whole = Math.min(Math.floor(exact), cap(i) - out[i]);
      out[i] += whole;
      given += whole;
      share[i] = exact - whole;
    }
    remaining -= given;
    if (given === 0) {
      // Every exact share was fractional: give one each to the largest remainders.
      const order = Array.from({ length: n }, (_, i) => i).filter((i) => weights[i] > 0 && out[i] < cap(i));
      order.sort((a, b) => share[b] - share[a] || a - b);
      for (const i of order) {
        if (remaining === 0) break;
        out[i]++;
        remaining--;
      }
    }
  }
  return out;
}
