/** R², MAE and RMSE on hand-made cases. */
import { describe, expect, it } from 'vitest';
import { mae, r2, rmse } from '../../../src/gnn/metrics/index.ts';

describe('r2', () => {
  it('matches 1 − SS_res / SS_tot by hand', () => {
    // truth 1 2 3 (mean 2): SS_tot = 1 + 0 + 1 = 2; pred 1 2 4: SS_res = 0 + 0 + 1 = 1 → 0.5
    expect(r2([1, 2, 3], [1, 2, 4])).toBe(0.5);
    // predicting the mean gives 0; worse than the mean is negative
    expect(r2([1, 2, 3], [2, 2, 2])).toBe(0);
    // pred 3 2 1: SS_res = 4 + 0 + 4 = 8 → 1 − 8/2 = −3
    expect(r2([1, 2, 3], [3, 2, 1])).toBe(-3);
    expect(r2([1, 2, 3], [1, 2, 3])).toBe(1);
  });

  it('is not symmetric: the first argument is the truth', () => {
    // truth 1 2 4 (mean 7/3): SS_tot = 16/9 + 1/9 + 25/9 = 42/9; SS_res = 1 → 1 − 9/42
    expect(r2([1, 2, 4], [1, 2, 3])).toBeCloseTo(1 - 9 / 42, 15);
  });

  it('is null when the truth is constant or empty', () => {
    expect(r2([2, 2, 2], [1, 2, 3])).toBeNull();
    expect(r2([2, 2, 2], [2, 2, 2])).toBeNull();
    expect(r2([], [])).toBeNull();
  });
});

describe('mae and rmse', () => {
  it('match hand computations', () => {
    // |errors| = 1 0 2: MAE = 3/3 = 1; RMSE = √(5/3)
    expect(mae([1, 2, 3], [2, 2, 5])).toBe(1);
    expect(rmse([1, 2, 3], [2, 2, 5])).toBeCloseTo(Math.sqrt(5 / 3), 15);
    // float32 inputs are read exactly: 0.5 and 0.25 are representable
    expect(mae(new Float32Array([0.5, 1]), new Float64Array([0.25, 1.5]))).toBe(0.375);
    expect(rmse([0, 0], [3, 4])).toBeCloseTo(Math.sqrt(12.5), 15);
  });

  it('are 0 for perfect predictions and null for empty input', () => {
    expect(mae([1, 2], [1, 2])).toBe(0);
    expect(rmse([1, 2], [1, 2])).toBe(0);
    expect(mae([], [])).toBeNull();
    expect(rmse([], [])).toBeNull();
  });
});
