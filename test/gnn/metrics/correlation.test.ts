/** Ranks, Pearson and Spearman on hand-made cases (arithmetic in the comments). */
import { describe, expect, it } from 'vitest';
import { averageRanks, pearson, spearman } from '../../../src/gnn/metrics/index.ts';

describe('averageRanks', () => {
  it('gives ties the mean of their positions', () => {
    // sorted: 5 (pos 1), 10 (pos 2), 20 20 (pos 3, 4 → 3.5)
    expect([...averageRanks([10, 20, 20, 5])]).toEqual([2, 3.5, 3.5, 1]);
    // all equal: positions 1..4 → 2.5 each
    expect([...averageRanks(new Float32Array([0.5, 0.5, 0.5, 0.5]))]).toEqual([2.5, 2.5, 2.5, 2.5]);
    // three-way tie in the middle: 1 | 2 2 2 (pos 2..4 → 3) | 9
    expect([...averageRanks([2, 1, 2, 9, 2])]).toEqual([3, 1, 3, 5, 3]);
    expect([...averageRanks([])]).toEqual([]);
  });

  it('sums to n (n + 1) / 2 and treats −0 and 0 as equal', () => {
    const r = averageRanks([0, -0, 3, -1]);
    expect([...r]).toEqual([2.5, 2.5, 4, 1]);
    expect(r.reduce((a, b) => a + b, 0)).toBe(10);
  });
});

describe('pearson', () => {
  it('matches a hand computation', () => {
    // x̄ = 2, ȳ = 13/3; dx = −1, 0, 1; dy = −7/3, −1/3, 8/3
    // Σ dx dy = 7/3 + 8/3 = 5; Σ dx² = 2; Σ dy² = (49 + 1 + 64)/9 = 38/3; r = 5 / √(76/3)
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(5 / Math.sqrt(76 / 3), 15);
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(0.9933992677987828, 15); // scipy pearsonr
  });

  it('is ±1 for exact linear relations and null when a side is constant or n < 2', () => {
    expect(pearson([1, 2, 3, 4], [3, 5, 7, 9])).toBe(1);
    expect(pearson([1, 2, 3, 4], [9, 7, 5, 3])).toBe(-1);
    expect(pearson([1, 1, 1], [2, 4, 7])).toBeNull();
    expect(pearson([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(pearson([1], [2])).toBeNull();
    expect(pearson([], [])).toBeNull();
    // n = 2 is defined (scipy gives ±1)
    expect(pearson([1, 2], [5, 3])).toBe(-1);
  });
});

describe('spearman', () => {
  it('is Pearson of the average ranks (ties on both sides)', () => {
    // x = 1 2 2 3 5 → ranks 1 2.5 2.5 4 5; y = 2 1 4 4 9 → ranks 2 1 3.5 3.5 5; mean rank 3
    // dx = −2 −½ −½ 1 2; dy = −1 −2 ½ ½ 2
    // Σ dx dy = 2 + 1 − ¼ + ½ + 4 = 7.25; Σ dx² = Σ dy² = 9.5; ρ = 7.25 / 9.5
    expect(spearman([1, 2, 2, 3, 5], [2, 1, 4, 4, 9])).toBeCloseTo(7.25 / 9.5, 15);
    expect(spearman([1, 2, 2, 3, 5], [2, 1, 4, 4, 9])).toBeCloseTo(0.7631578947368421, 15); // scipy
  });

  it('without ties is 1 − 6 Σ d² / (n (n² − 1))', () => {
    // ranks y = 1 3 2 4; d² = 0 1 1 0; ρ = 1 − 12/60 = 0.8
    expect(spearman([1, 2, 3, 4], [10, 30, 20, 40])).toBeCloseTo(0.8, 15);
  });

  it('is 1 for any increasing map and −1 for any decreasing one', () => {
    const x = [0.3, 5, -2, 8, 1];
    expect(
      spearman(
        x,
        x.map((v) => Math.exp(v)),
      ),
    ).toBeCloseTo(1, 15);
    expect(
      spearman(
        x,
        x.map((v) => -(v ** 3)),
      ),
    ).toBeCloseTo(-1, 15);
  });

  it('is null, never a made-up number, when a side is constant or n < 2', () => {
    expect(spearman([1, 2, 3], [5, 5, 5])).toBeNull();
    expect(spearman(new Float32Array([2, 2]), new Float32Array([1, 3]))).toBeNull();
    expect(spearman([1], [1])).toBeNull();
    expect(spearman([], [])).toBeNull();
  });
});
