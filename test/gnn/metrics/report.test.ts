/** The two reports and the subset helper. */
import { describe, expect, it } from 'vitest';
import { classificationReport, regressionReport, subset } from '../../../src/gnn/metrics/index.ts';

describe('regressionReport', () => {
  it('collects every regression metric', () => {
    // truth 1 2 3, pred 1 2 4: SS_res 1, SS_tot 2 → R² ½; |e| = 0 0 1 → MAE ⅓, RMSE √⅓;
    // ranks identical → Spearman 1; k = ⌈0.01 · 3⌉ = 1: item 2 on both sides → precision 1
    const r = regressionReport([1, 2, 3], [1, 2, 4]);
    expect(r.n).toBe(3);
    expect(r.r2).toBe(0.5);
    expect(r.mae).toBeCloseTo(1 / 3, 15);
    expect(r.rmse).toBeCloseTo(Math.sqrt(1 / 3), 15);
    expect(r.spearman).toBeCloseTo(1, 15);
    expect(r.pearson).toBeCloseTo(0.9819805060619657, 15); // 3 / √(2 · 14/3)
    expect(r.topFraction).toBe(0.01);
    expect(r.precisionAtTop).toEqual({ k: 1, hits: 1, relevant: 1, precision: 1 });
  });

  it('has nulls where metrics are undefined', () => {
    const r = regressionReport([2, 2, 2], [1, 2, 3], { topFraction: 0.5 });
    expect([r.r2, r.pearson, r.spearman]).toEqual([null, null, null]);
    expect(r.mae).toBeCloseTo(2 / 3, 15);
    // k = 2; every truth ties → all relevant
    expect(r.precisionAtTop).toEqual({ k: 2, hits: 2, relevant: 3, precision: 1 });
    const empty = regressionReport([], []);
    expect(empty).toMatchObject({ n: 0, r2: null, mae: null, rmse: null, precisionAtTop: null });
  });
});

describe('classificationReport', () => {
  it('collects every classification metric', () => {
    const r = classificationReport([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 0.5, { topFraction: 0.25 });
    expect([r.n, r.positives, r.negatives, r.prevalence]).toEqual([4, 2, 2, 0.5]);
    expect(r.auroc).toBe(0.75);
    expect(r.averagePrecision).toBeCloseTo(5 / 6, 15);
    // ≥ 0.5: only 0.8 → TP 1, FN 1, TN 2 → BA (½ + 1)/2
    expect(r.confusion).toEqual({ truePositives: 1, falsePositives: 0, trueNegatives: 2, falseNegatives: 1 });
    expect(r.balancedAccuracy).toBe(0.75);
    // k = 1: 0.8 is a positive
    expect(r.precisionAtTop).toEqual({ k: 1, hits: 1, relevant: 2, precision: 1 });
    expect(r.scoresAreProbabilities).toBe(true);
    // (0.01 + 0.16 + 0.4225 + 0.04) / 4
    expect(r.brier).toBeCloseTo(0.6325 / 4, 15);
    expect(r.reliability!.map((b) => b.count)).toEqual([1, 1, 1, 1]);
    // bins [0.1,0.2): |0.1−0|, [0.3,0.4): |0.35−1|, [0.4,0.5): |0.4−0|, [0.8,0.9): |0.8−1|; ÷4
    expect(r.expectedCalibrationError).toBeCloseTo((0.1 + 0.65 + 0.4 + 0.2) / 4, 15);
    expect([...r.roc!.tpr]).toEqual([0, 0.5, 0.5, 1, 1]);
    expect([...r.precisionRecall!.precision]).toEqual([1, 1, 0.5, 2 / 3, 0.5]);
  });

  it('skips calibration for scores that are not probabilities (baselines)', () => {
    // a baseline scoring by customers downstream
    const r = classificationReport([0, 1, 1, 0], [120, 4500, 800, 800], 500);
    expect(r.scoresAreProbabilities).toBe(false);
    expect([r.brier, r.expectedCalibrationError, r.reliability]).toEqual([null, null, null]);
    // positives 4500, 800 vs negatives 120, 800: 1 + 1 + 1 + ½ = 3.5 of 4
    expect(r.auroc).toBe(0.875);
    expect(r.balancedAccuracy).toBe(0.75); // ≥ 500: TP 2, FP 1 → (1 + ½)/2
  });

  it('has nulls with a single class', () => {
    const r = classificationReport([1, 1, 1], [0.2, 0.5, 0.9], 0.5);
    expect([r.auroc, r.balancedAccuracy, r.roc]).toEqual([null, null, null]);
    expect(r.averagePrecision).toBe(1);
    const none = classificationReport([0, 0], [0.2, 0.5], 0.5);
    expect([none.auroc, none.averagePrecision, none.precisionRecall]).toEqual([null, null, null]);
    expect(none.precisionAtTop).toEqual({ k: 1, hits: 0, relevant: 0, precision: 0 });
  });
});

describe('subset', () => {
  it('picks the masked rows in order, with booleans or numbers', () => {
    const beyond = subset([1, 0, 1, 0]);
    expect([...beyond([5, 6, 7, 8])]).toEqual([5, 7]);
    expect([...beyond.indices]).toEqual([0, 2]);
    expect(beyond.maskLength).toBe(4);
    expect([...subset([false, true, true])(new Float32Array([0.5, 1.5, 2.5]))]).toEqual([1.5, 2.5]);
    expect([...subset(new Uint8Array(3))([1, 2, 3])]).toEqual([]);
  });

  it('runs a report on a subset', () => {
    const truth = [1, 2, 3, 10, 20, 30];
    const pred = [3, 2, 1, 10, 20, 31];
    const big = subset(truth.map((v) => v >= 10));
    const r = regressionReport(big(truth), big(pred));
    expect(r.n).toBe(3);
    expect(r.mae).toBeCloseTo(1 / 3, 15);
    expect(r.spearman).toBeCloseTo(1, 15);
  });

  it('throws on a length mismatch', () => {
    expect(() => subset([1, 0])([1, 2, 3])).toThrow(/subset: values must have the mask's length 2, got 3/);
    expect(() => subset(null as unknown as number[])).toThrow(/subset: mask/);
  });
});
