/** Reliability bins, expected calibration error and Brier score on hand-made cases. */
import { describe, expect, it } from 'vitest';
import { brierScore, expectedCalibrationError, reliabilityBins } from '../../../src/gnn/metrics/index.ts';

describe('reliabilityBins', () => {
  it('equal width: mean prediction and observed frequency per bin', () => {
    // [0, 0.5): 0.1 (0), 0.3 (1) → mean 0.2, freq ½; [0.5, 1]: 0.8 (1), 0.9 (1) → mean 0.85, freq 1
    const bins = reliabilityBins([0, 1, 1, 1], [0.1, 0.3, 0.8, 0.9], { bins: 2 });
    expect(bins).toHaveLength(2);
    expect(bins[0]).toEqual({ lo: 0, hi: 0.5, count: 2, meanPredicted: 0.2, observedFrequency: 0.5 });
    expect(bins[1].count).toBe(2);
    expect(bins[1].meanPredicted).toBeCloseTo(0.85, 15);
    expect(bins[1].observedFrequency).toBe(1);
  });

  it('puts an inner edge in the upper bin, 1 in the last, and leaves empty bins out', () => {
    // 10 bins: 0.3 → [0.3, 0.4); 0.5 → [0.5, 0.6); 1 → [0.9, 1]; 0 → [0, 0.1)
    const bins = reliabilityBins([0, 1, 1, 0], [0.3, 0.5, 1, 0]);
    expect(bins.map((b) => [b.lo, b.hi, b.count])).toEqual([
      [0, 0.1, 1],
      [0.3, 0.4, 1],
      [0.5, 0.6, 1],
      [0.9, 1, 1],
    ]);
  });

  it('equal count: edges at interpolated quantiles', () => {
    // 8 predictions 0.1 … 0.8, 2 bins: median at position 3.5 → 0.4 + ½ · 0.1 = 0.45
    const p = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
    const bins = reliabilityBins([0, 0, 1, 0, 1, 1, 0, 1], p, { bins: 2, strategy: 'quantile' });
    expect(bins.map((b) => b.count)).toEqual([4, 4]);
    expect(bins[0].lo).toBe(0.1);
    expect(bins[0].hi).toBeCloseTo(0.45, 15);
    expect(bins[1].hi).toBe(0.8);
    expect(bins[0].meanPredicted).toBeCloseTo(0.25, 15); // (0.1 + 0.2 + 0.3 + 0.4) / 4
    expect(bins[0].observedFrequency).toBe(0.25);
    expect(bins[1].observedFrequency).toBe(0.75);
  });

  it('equal count with many equal predictions: repeated edges leave empty bins', () => {
    // sorted 0 0 0 0 0 0.5 1 1; 4 bins: positions 0, 1.75, 3.5, 5.25, 7
    // edges 0, 0, 0, 0.5 + ¼ · 0.5 = 0.625, 1 → bins [0,0) and [0,0) empty, [0, 0.625) holds 6, [0.625, 1] 2
    const p = [0, 0, 0, 0, 0, 0.5, 1, 1];
    const bins = reliabilityBins([0, 0, 0, 1, 0, 1, 1, 1], p, { bins: 4, strategy: 'quantile' });
    expect(bins.map((b) => [b.lo, b.hi, b.count])).toEqual([
      [0, 0.625, 6],
      [0.625, 1, 2],
    ]);
  });

  it('is empty for empty input and rejects non-probabilities', () => {
    expect(reliabilityBins([], [])).toEqual([]);
    expect(() => reliabilityBins([0, 1], [0.5, 1.2])).toThrow(
      /reliabilityBins: prob\[1\] must be in \[0, 1\]/,
    );
    expect(() => reliabilityBins([0], [0.5], { bins: 0 })).toThrow(/reliabilityBins: bins/);
  });
});

describe('expectedCalibrationError', () => {
  it('weights each bin gap by its share', () => {
    // 2/4 · |0.2 − 0.5| + 2/4 · |0.85 − 1| = 0.15 + 0.075 = 0.225
    expect(expectedCalibrationError([0, 1, 1, 1], [0.1, 0.3, 0.8, 0.9], { bins: 2 })).toBeCloseTo(0.225, 15);
    // perfectly calibrated bins: 0.5 predicted, half positive
    expect(expectedCalibrationError([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])).toBe(0);
    // confident and wrong: |1 − 0| everywhere
    expect(expectedCalibrationError([0, 0], [1, 1])).toBe(1);
    expect(expectedCalibrationError([], [])).toBeNull();
  });
});

describe('brierScore', () => {
  it('is the mean squared difference', () => {
    // (0.2² + 0.4² + 0²) / 3 = (0.04 + 0.16) / 3
    expect(brierScore([0, 1, 1], [0.2, 0.6, 1])).toBeCloseTo(0.2 / 3, 15);
    expect(brierScore([0, 1], [0.5, 0.5])).toBe(0.25);
    expect(brierScore([0, 1], [0, 1])).toBe(0);
    expect(brierScore([0, 1], [1, 0])).toBe(1);
    expect(brierScore([], [])).toBeNull();
    expect(() => brierScore([0, 1], [0.5, -0.1])).toThrow(/brierScore: prob\[1\]/);
  });
});
