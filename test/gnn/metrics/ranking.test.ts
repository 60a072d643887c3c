/** AUROC, average precision, the threshold sweep and the curves on hand-made cases. */
import { describe, expect, it } from 'vitest';
import {
  auroc,
  averagePrecision,
  downsampleIndices,
  precisionRecallCurve,
  rocCurve,
  thresholdSweep,
} from '../../../src/gnn/metrics/index.ts';

// sklearn's documentation example: truth 0 0 1 1, scores 0.1 0.4 0.35 0.8.
const T = [0, 0, 1, 1];
const S = [0.1, 0.4, 0.35, 0.8];

// Ties across classes: truth 1 0 1 0 1, scores 0.9 0.9 0.5 0.5 0.1.
const TT = [1, 0, 1, 0, 1];
const ST = [0.9, 0.9, 0.5, 0.5, 0.1];

describe('thresholdSweep', () => {
  it('steps once per distinct score, highest first, ties together', () => {
    const s = thresholdSweep(TT, ST);
    expect([...s.thresholds]).toEqual([0.9, 0.5, 0.1]);
    expect([...s.truePositives]).toEqual([1, 2, 3]);
    expect([...s.falsePositives]).toEqual([1, 2, 2]);
    expect([s.positives, s.negatives]).toEqual([3, 2]);
  });
});

describe('auroc', () => {
  it('is the Mann–Whitney U over n₊ n₋', () => {
    // positives 0.35, 0.8; negatives 0.1, 0.4: pairs won 0.35>0.1, 0.8>0.1, 0.8>0.4 → 3/4
    expect(auroc(T, S)).toBe(0.75);
  });

  it('counts tied pairs as one half', () => {
    // positives 0.9 0.5 0.1 vs negatives 0.9 0.5:
    // 0.9: ½ + 1; 0.5: 0 + ½; 0.1: 0 + 0 → 2 of 6 pairs
    expect(auroc(TT, ST)).toBeCloseTo(1 / 3, 15);
    // ranks asc: 0.1→1, 0.5 0.5→2.5, 0.9 0.9→4.5; R₊ = 4.5 + 2.5 + 1 = 8; U = 8 − 6 = 2 ✓
  });

  it('is 0.5 for all-equal scores, 1 for perfect and 0 for inverted ranking', () => {
    expect(auroc([1, 0, 0, 1, 0], [0.3, 0.3, 0.3, 0.3, 0.3])).toBe(0.5);
    expect(auroc([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBe(1);
    expect(auroc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9])).toBe(0);
    expect(auroc(new Uint8Array([0, 1]), new Float32Array([2, 7]))).toBe(1);
  });

  it('is null with a single class or no data', () => {
    expect(auroc([1, 1, 1], [0.2, 0.5, 0.9])).toBeNull();
    expect(auroc([0, 0], [0.2, 0.5])).toBeNull();
    expect(auroc([], [])).toBeNull();
  });
});

describe('averagePrecision', () => {
  it("matches sklearn's documented example", () => {
    // thresholds 0.8, 0.4, 0.35, 0.1 → (R, P) = (½, 1), (½, ½), (1, ⅔), (1, ½)
    // AP = ½·1 + 0·½ + ½·⅔ + 0·½ = 5/6 (sklearn: 0.83)
    expect(averagePrecision(T, S)).toBeCloseTo(5 / 6, 15);
  });

  it('takes tied scores as one threshold', () => {
    // 0.9: TP 1 FP 1 → (⅓, ½); 0.5: TP 2 FP 2 → (⅔, ½); 0.1: TP 3 FP 2 → (1, ⅗)
    // AP = ⅓·½ + ⅓·½ + ⅓·⅗ = 8/15
    expect(averagePrecision(TT, ST)).toBeCloseTo(8 / 15, 15);
  });

  it('is the prevalence for all-equal scores, 1 when perfect, and low when inverted', () => {
    // one threshold: R = 1, P = 2/5
    expect(averagePrecision([1, 0, 0, 1, 0], [0.3, 0.3, 0.3, 0.3, 0.3])).toBeCloseTo(0.4, 15);
    expect(averagePrecision([0, 0, 1, 1], [0.1, 0.2, 0.8, 0.9])).toBe(1);
    // inverted: 0.9, 0.8 negatives (R 0); 0.2 → (½, ⅓); 0.1 → (1, ½): AP = ⅙ + ¼ = 5/12
    expect(averagePrecision([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9])).toBeCloseTo(5 / 12, 15);
  });

  it('is null without positives and 1 without negatives', () => {
    expect(averagePrecision([0, 0, 0], [0.1, 0.2, 0.3])).toBeNull();
    expect(averagePrecision([1, 1], [0.1, 0.2])).toBe(1);
    expect(averagePrecision([], [])).toBeNull();
  });
});

describe('rocCurve and precisionRecallCurve', () => {
  it('give one point per distinct score after the start point', () => {
    const roc = rocCurve(T, S)!;
    expect([...roc.fpr]).toEqual([0, 0, 0.5, 0.5, 1]);
    expect([...roc.tpr]).toEqual([0, 0.5, 0.5, 1, 1]);
    expect([...roc.thresholds]).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
    const pr = precisionRecallCurve(T, S)!;
    expect([...pr.recall]).toEqual([0, 0.5, 0.5, 1, 1]);
    expect([...pr.precision]).toEqual([1, 1, 0.5, 2 / 3, 0.5]);
    expect([...pr.thresholds]).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
  });

  it('trapezoids under the ROC points give the AUROC', () => {
    const roc = rocCurve(TT, ST)!;
    let area = 0;
    for (let j = 1; j < roc.fpr.length; j++) {
      area += ((roc.fpr[j] - roc.fpr[j - 1]) * (roc.tpr[j] + roc.tpr[j - 1])) / 2;
    }
    expect(area).toBeCloseTo(auroc(TT, ST)!, 15);
  });

  it('are null where undefined', () => {
    expect(rocCurve([1, 1], [0.1, 0.2])).toBeNull();
    expect(precisionRecallCurve([0, 0], [0.1, 0.2])).toBeNull();
    expect(precisionRecallCurve([1, 1], [0.1, 0.2])).not.toBeNull();
  });

  it('are thinned to at most maxPoints, keeping both ends', () => {
    const n = 1000;
    const truth = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const score = Array.from({ length: n }, (_, i) => i / n);
    const roc = rocCurve(truth, score, { maxPoints: 50 })!;
    expect(roc.fpr.length).toBe(50);
    expect([roc.fpr[0], roc.tpr[0], roc.fpr[49], roc.tpr[49]]).toEqual([0, 0, 1, 1]);
    expect(roc.thresholds[0]).toBe(Infinity);
    expect(rocCurve(truth, score)!.fpr.length).toBe(200);
    const pr = precisionRecallCurve(truth, score, { maxPoints: 7 })!;
    expect(pr.recall.length).toBe(7);
    expect([pr.recall[0], pr.precision[0], pr.recall[6]]).toEqual([0, 1, 1]);
  });

  it('downsampleIndices spaces indices evenly', () => {
    // round(i · 9/3) = 0 3 6 9
    expect([...downsampleIndices(10, 4)]).toEqual([0, 3, 6, 9]);
    // round(i · 4/2) = 0 2 4
    expect([...downsampleIndices(5, 3)]).toEqual([0, 2, 4]);
    expect([...downsampleIndices(3, 10)]).toEqual([0, 1, 2]);
    expect(() => downsampleIndices(10, 1)).toThrow(/downsampleIndices: maxPoints/);
  });
});
