/** Confusion counts, balanced accuracy and the best threshold on hand-made cases. */
import { describe, expect, it } from 'vitest';
import {
  balancedAccuracy,
  bestBalancedAccuracyThreshold,
  confusionCounts,
} from '../../../src/gnn/metrics/index.ts';

const T = [0, 0, 1, 1];
const S = [0.1, 0.4, 0.35, 0.8];

describe('confusionCounts', () => {
  it('predicts positive where score ≥ threshold', () => {
    // ≥ 0.4: 0.4 (neg) and 0.8 (pos) → TP 1 FP 1; 0.1 neg → TN 1; 0.35 pos → FN 1
    expect(confusionCounts(T, S, 0.4)).toEqual({
      truePositives: 1,
      falsePositives: 1,
      trueNegatives: 1,
      falseNegatives: 1,
    });
    // +Infinity: nothing predicted positive; −Infinity: everything
    expect(confusionCounts(T, S, Infinity)).toEqual({
      truePositives: 0,
      falsePositives: 0,
      trueNegatives: 2,
      falseNegatives: 2,
    });
    expect(confusionCounts(T, S, -Infinity).truePositives).toBe(2);
  });
});

describe('balancedAccuracy', () => {
  it('is the mean of TPR and TNR', () => {
    // ≥ 0.35: TP 2 FP 1 TN 1 FN 0 → (2/2 + 1/2) / 2 = 0.75
    expect(balancedAccuracy(T, S, 0.35)).toBe(0.75);
    // ≥ 0.5: TP 1 (0.8) FN 1 TN 2 → (½ + 1)/2 = 0.75
    expect(balancedAccuracy(T, S, 0.5)).toBe(0.75);
    // a constant prediction scores 0.5 whatever the prevalence
    expect(balancedAccuracy([1, 0, 0, 0, 0, 0], [1, 1, 1, 1, 1, 1], 0.5)).toBe(0.5);
    expect(balancedAccuracy([1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], 0.5)).toBe(0.5);
    // perfect and inverted
    expect(balancedAccuracy([0, 1], [0.2, 0.9], 0.5)).toBe(1);
    expect(balancedAccuracy([1, 0], [0.2, 0.9], 0.5)).toBe(0);
  });

  it('is null with a single class', () => {
    expect(balancedAccuracy([1, 1], [0.2, 0.9], 0.5)).toBeNull();
    expect(balancedAccuracy([], [], 0.5)).toBeNull();
  });

  it('rejects a NaN threshold', () => {
    expect(() => balancedAccuracy(T, S, NaN)).toThrow(/balancedAccuracy: threshold/);
  });
});

describe('bestBalancedAccuracyThreshold', () => {
  it('takes the best distinct score, the highest on a tie', () => {
    // thresholds 0.8, 0.4, 0.35, 0.1 → BA (½ + 1)/2, (½ + ½)/2, (1 + ½)/2, (1 + 0)/2:
    // 0.8 and 0.35 tie at 0.75; the higher threshold wins
    expect(bestBalancedAccuracyThreshold(T, S)).toEqual({ threshold: 0.8, balancedAccuracy: 0.75 });
    // separable: threshold at the lowest positive score, BA 1
    expect(bestBalancedAccuracyThreshold([0, 1, 0, 1], [0.1, 0.7, 0.3, 0.6])).toEqual({
      threshold: 0.6,
      balancedAccuracy: 1,
    });
  });

  it('handles all-equal scores (BA 0.5) and single classes (null)', () => {
    expect(bestBalancedAccuracyThreshold([0, 1, 1], [2, 2, 2])).toEqual({
      threshold: 2,
      balancedAccuracy: 0.5,
    });
    expect(bestBalancedAccuracyThreshold([1, 1], [0.1, 0.2])).toBeNull();
  });

  it('agrees with balancedAccuracy at the threshold it picks', () => {
    const truth = [0, 1, 1, 0, 1, 0, 0, 1, 0, 0];
    const score = [0.2, 0.9, 0.4, 0.4, 0.7, 0.1, 0.6, 0.3, 0.3, 0.05];
    const best = bestBalancedAccuracyThreshold(truth, score)!;
    expect(balancedAccuracy(truth, score, best.threshold)).toBeCloseTo(best.balancedAccuracy, 15);
    for (const t of new Set(score)) {
      expect(balancedAccuracy(truth, score, t)!).toBeLessThanOrEqual(best.balancedAccuracy + 1e-15);
    }
  });
});
