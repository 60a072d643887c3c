/** argsort: the comparator path (small inputs) and the radix path (≥ RADIX_MIN) give the same order. */
import { describe, expect, it } from 'vitest';
import { argsort } from '../../../src/gnn/metrics/index.ts';
import { RADIX_MIN } from '../../../src/gnn/metrics/sort.ts';
import { mulberry32 } from './random-case.ts';

/** Reference order: Array.prototype.sort (stable) on value, then index. */
function reference(values: ArrayLike<number>, descending: boolean): number[] {
  const idx = Array.from({ length: values.length }, (_, i) => i);
  return idx.sort((a, b) => {
    const d = descending ? values[b] - values[a] : values[a] - values[b];
    return d === 0 || Number.isNaN(d) ? a - b : d;
  });
}

describe('argsort', () => {
  it('sorts small inputs ascending and descending, equal values in index order', () => {
    expect([...argsort([3, 1, 3, 2])]).toEqual([1, 3, 0, 2]);
    expect([...argsort([3, 1, 3, 2], 'descending')]).toEqual([0, 2, 3, 1]);
    expect([...argsort([7, 7, 7])]).toEqual([0, 1, 2]);
    expect([...argsort([7, 7, 7], 'descending')]).toEqual([0, 1, 2]);
    expect([...argsort([0, -0, -1, -Infinity, Infinity])]).toEqual([3, 2, 0, 1, 4]);
    expect([...argsort([])]).toEqual([]);
  });

  it('radix-sorts large inputs to the same order (negatives, −0, infinities, ties, float32)', () => {
    const next = mulberry32(7);
    const n = RADIX_MIN * 3 + 17;
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const u = next();
      // a third tied on a coarse grid, the rest spread over many magnitudes and both signs
      v[i] = u < 0.33 ? Math.floor(u * 30) - 5 : (next() - 0.5) * 10 ** Math.floor(next() * 12 - 6);
    }
    v[5] = -0;
    v[6] = 0;
    v[7] = Infinity;
    v[8] = -Infinity;
    v[9] = Number.MIN_VALUE;
    v[10] = -Number.MAX_VALUE;
    for (const order of ['ascending', 'descending'] as const) {
      const expected = reference(v, order === 'descending');
      expect([...argsort(v, order)]).toEqual(expected);
      const f32 = Float32Array.from(v);
      expect([...argsort(f32, order)]).toEqual(reference(f32, order === 'descending'));
    }
  });

  it('radix-sorts all-equal values to index order', () => {
    const v = new Float64Array(RADIX_MIN + 1).fill(0.25);
    expect([...argsort(v)]).toEqual(reference(v, false));
    expect([...argsort(v, 'descending')]).toEqual(reference(v, false));
  });
});
