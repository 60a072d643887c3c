/** Precision@k for the riskiest fraction, with both tie rules exercised. */
import { describe, expect, it } from 'vitest';
import {
  inTopFraction,
  precisionAtFraction,
  precisionAtK,
  topFractionK,
  topKIndices,
} from '../../../src/gnn/metrics/index.ts';

describe('topFractionK', () => {
  it('is ⌈fraction · n⌉, at least 1, without floating-point overshoot', () => {
    expect(topFractionK(300, 0.01)).toBe(3); // 0.01 · 300 = 3.0000000000000004 in floating point
    expect(topFractionK(100, 0.07)).toBe(7); // 7.000000000000001
    expect(topFractionK(250, 0.01)).toBe(3); // ⌈2.5⌉
    expect(topFractionK(50, 0.01)).toBe(1); // ⌈0.5⌉
    expect(topFractionK(7, 0.3)).toBe(3); // ⌈2.1⌉
    expect(topFractionK(10, 1)).toBe(10);
    expect(topFractionK(0, 0.01)).toBe(0);
    expect(() => topFractionK(10, 0)).toThrow(/topFractionK: fraction must be in \(0, 1\]/);
    expect(() => topFractionK(10, 1.5)).toThrow(/topFractionK/);
  });
});

describe('topKIndices and inTopFraction', () => {
  it('take the largest first, equal values in index order', () => {
    expect([...topKIndices([5, 9, 5, 1], 2)]).toEqual([1, 0]);
    expect([...topKIndices([5, 9, 5, 1], 3)]).toEqual([1, 0, 2]);
    expect([...topKIndices([2, 2, 2], 2)]).toEqual([0, 1]);
  });

  it('count every item tied with the k-th largest truth as truly top', () => {
    // k = ⌈0.25 · 4⌉ = 1; the largest truth is 7, held by items 1 and 2
    expect([...inTopFraction([3, 7, 7, 1], 0.25)]).toEqual([0, 1, 1, 0]);
    // k = 2; sorted 9 5 3 1 → k-th largest 5 → items 0 and 2
    expect([...inTopFraction([9, 1, 5, 3], 0.5)]).toEqual([1, 0, 1, 0]);
  });
});

describe('precisionAtK', () => {
  it('counts relevant items among the k highest scores', () => {
    // top 2 by score: 0 (0.9, relevant), 1 (0.8, not) → 1/2
    expect(precisionAtK([1, 0, 1, 0], [0.9, 0.8, 0.1, 0.7], 2)).toEqual({
      k: 2,
      hits: 1,
      relevant: 2,
      precision: 0.5,
    });
    expect(precisionAtK([1, 0, 1, 0], [0.9, 0.8, 0.1, 0.7], 0)).toBeNull();
    expect(() => precisionAtK([1, 0], [0.9, 0.8], 3)).toThrow(/precisionAtK: k must be an integer in 0..2/);
  });
});

describe('precisionAtFraction', () => {
  it('matches a hand computation', () => {
    // k = 2; truth sorted 10 7 3 0 → true top {0, 2}; scores top 2 → {0 (0.9), 1 (0.8)} → 1 hit
    expect(precisionAtFraction([10, 0, 7, 3], [0.9, 0.8, 0.1, 0.7], 0.5)).toEqual({
      k: 2,
      hits: 1,
      relevant: 2,
      precision: 0.5,
    });
  });

  it('is 1 for perfect and 0 for inverted predictions', () => {
    const truth = [5, 1, 9, 3, 7, 2, 8, 4, 6, 0];
    const inverted = truth.map((v) => -v);
    // k = ⌈0.3 · 10⌉ = 3: true top {2, 6, 4} (9, 8, 7)
    expect(precisionAtFraction(truth, truth, 0.3)!.precision).toBe(1);
    expect(precisionAtFraction(truth, inverted, 0.3)!.precision).toBe(0);
  });

  it('breaks score ties by index', () => {
    // all scores equal: the predicted top 1 is item 0
    expect(precisionAtFraction([0, 0, 5, 0], [1, 1, 1, 1], 0.25)!.hits).toBe(0);
    expect(precisionAtFraction([5, 0, 0, 0], [1, 1, 1, 1], 0.25)!.hits).toBe(1);
  });

  it('does not penalize breaking a truth tie the other way', () => {
    // k = 1; items 0 and 1 tie for the largest truth; the model picks item 1 → a hit
    expect(precisionAtFraction([4, 4, 1, 0], [0.1, 0.9, 0.5, 0.2], 0.25)).toEqual({
      k: 1,
      hits: 1,
      relevant: 2,
      precision: 1,
    });
  });

  it('reports the degenerate case through relevant', () => {
    // k = 2; sorted truth 3 0 0 0 → k-th largest 0 → every item is "top"; precision 1 trivially
    expect(precisionAtFraction([0, 0, 0, 3], [0.4, 0.3, 0.2, 0.1], 0.5)).toEqual({
      k: 2,
      hits: 2,
      relevant: 4,
      precision: 1,
    });
  });

  it('is null for empty input', () => {
    expect(precisionAtFraction([], [], 0.01)).toBeNull();
  });
});
