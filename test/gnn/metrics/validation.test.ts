/** Bad input throws errors that name the function and the problem. */
import { describe, expect, it } from 'vitest';
import {
  auroc,
  averagePrecision,
  averageRanks,
  classificationReport,
  mae,
  pearson,
  precisionAtFraction,
  r2,
  regressionReport,
  rocCurve,
  spearman,
} from '../../../src/gnn/metrics/index.ts';

describe('input checks', () => {
  it('name the function and the lengths on a mismatch', () => {
    expect(() => spearman([1, 2, 3], [1, 2])).toThrow('spearman: x and y differ in length (3 vs 2)');
    expect(() => r2([1], [1, 2])).toThrow('r2: truth and pred differ in length (1 vs 2)');
    expect(() => auroc([0, 1], [0.5])).toThrow('auroc: truth01 and score differ in length (2 vs 1)');
    expect(() => regressionReport([1], [])).toThrow(/^regressionReport: /);
  });

  it('reject NaN and infinities with the index', () => {
    expect(() => pearson([1, NaN], [1, 2])).toThrow('pearson: x[1] must be a finite number, got NaN');
    expect(() => mae([1, 2], [1, Infinity])).toThrow('mae: pred[1] must be a finite number, got Infinity');
    expect(() => averageRanks(new Float32Array([0, NaN]))).toThrow(/averageRanks: values\[1\]/);
  });

  it('reject labels that are not 0 or 1', () => {
    expect(() => auroc([0, 2], [0.1, 0.2])).toThrow('auroc: truth01[1] must be 0 or 1, got 2');
    expect(() => averagePrecision([0.5, 1], [0.1, 0.2])).toThrow(/averagePrecision: truth01\[0\]/);
    expect(() => rocCurve([0, -1], [0.1, 0.2])).toThrow(/rocCurve: truth01\[1\]/);
    expect(() => classificationReport([0, 3], [0.1, 0.2], 0.5)).toThrow(/classificationReport: truth01\[1\]/);
  });

  it('reject things that are not arrays, and bad fractions', () => {
    expect(() => spearman(null as unknown as number[], [1])).toThrow(/spearman: x must be an array/);
    expect(() => precisionAtFraction([1, 2], [1, 2], 0)).toThrow(/precisionAtFraction: fraction/);
    expect(() => regressionReport([1], [1], { topFraction: 2 })).toThrow(/regressionReport: topFraction/);
  });
});
