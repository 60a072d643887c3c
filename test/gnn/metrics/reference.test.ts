/**
 * The seeded random case (random-case.ts, n = 2000, with ties on both sides) against values from
 * scipy 1.10.1 / numpy 1.24.2, printed by test/fixtures/gnn-metrics/reference.py and pasted here:
 * pearsonr, spearmanr and rankdata from scipy; AUROC from scipy's mannwhitneyu U / (n₊ n₋); AP,
 * R², MAE, RMSE, Brier and the reliability bins from sklearn's formulas written out in numpy.
 * Tolerance 1e-9; float32 inputs are read exactly, so they meet it too (1e-6 was the allowance).
 */
import { describe, expect, it } from 'vitest';
import {
  auroc,
  averagePrecision,
  averageRanks,
  balancedAccuracy,
  bestBalancedAccuracyThreshold,
  brierScore,
  classificationReport,
  expectedCalibrationError,
  mae,
  pearson,
  precisionAtFraction,
  precisionAtK,
  r2,
  regressionReport,
  reliabilityBins,
  rmse,
  spearman,
} from '../../../src/gnn/metrics/index.ts';
import { randomCase } from './random-case.ts';

const TOL = 1e-9;
const c = randomCase();

function close(actual: number | null, expected: number, tol = TOL): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(tol);
}

describe('seeded random case against scipy/numpy', () => {
  it('draws the same numbers as reference.py', () => {
    const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);
    expect(sum(c.label)).toBe(1023);
    close(sum(c.x), 5062.1, 1e-8);
    close(sum(c.prob), 1007.18, 1e-8);
    expect([...averageRanks(c.x).slice(0, 5)]).toEqual([983.5, 1727.5, 936, 1411.5, 983.5]); // rankdata
  });

  it('Pearson and Spearman (scipy pearsonr, spearmanr)', () => {
    close(pearson(c.x, c.y), 0.8584495844608295);
    close(spearman(c.x, c.y), 0.8633296676027018);
    close(pearson(c.x, c.yInt), 0.856918671715464);
    close(spearman(c.x, c.yInt), 0.8620540048389754);
  });

  it('Pearson and Spearman of float32 inputs', () => {
    const x32 = Float32Array.from(c.x);
    const y32 = Float32Array.from(c.y);
    close(pearson(x32, y32), 0.8584495848846885);
    close(spearman(x32, y32), 0.8633296676027018);
  });

  it('R², MAE, RMSE (truth y, prediction x)', () => {
    close(r2(c.y, c.x), 0.7367381212442443);
    close(mae(c.y, c.x), 0.7523239203421399);
    close(rmse(c.y, c.x), 0.8676805917801436);
  });

  it('AUROC (mannwhitneyu) and average precision (sklearn formula)', () => {
    close(auroc(c.label, c.prob), 0.8047712239774841);
    close(auroc(c.label, c.x), 0.8257047978380563);
    close(averagePrecision(c.label, c.prob), 0.7967270455212881);
    close(averagePrecision(c.label, c.x), 0.8207629607744324);
  });

  it('Brier, ECE and ten equal-width reliability bins', () => {
    close(brierScore(c.label, c.prob), 0.1829164);
    close(expectedCalibrationError(c.label, c.prob), 0.052530000000000035);
    const expected = [
      [38, 0.061052631578947365, 0.02631578947368421],
      [131, 0.15053435114503816, 0.13740458015267176],
      [243, 0.24518518518518517, 0.19753086419753085],
      [282, 0.3466666666666667, 0.2730496453900709],
      [277, 0.4449097472924188, 0.41155234657039713],
      [286, 0.5463286713286714, 0.5874125874125874],
      [282, 0.645177304964539, 0.7304964539007093],
      [251, 0.7403585657370517, 0.8207171314741036],
      [164, 0.8403048780487803, 0.8658536585365854],
      [46, 0.9289130434782606, 0.9347826086956522],
    ];
    const bins = reliabilityBins(c.label, c.prob);
    expect(bins.map((b) => b.count)).toEqual(expected.map((e) => e[0]));
    bins.forEach((b, i) => {
      close(b.meanPredicted, expected[i][1]);
      close(b.observedFrequency, expected[i][2]);
    });
  });

  it('balanced accuracy at 0.5 and the best threshold (brute force over distinct scores)', () => {
    close(balancedAccuracy(c.label, c.prob, 0.5), 0.7387928214025219);
    const best = bestBalancedAccuracyThreshold(c.label, c.prob)!;
    expect(best.threshold).toBe(0.5);
    close(best.balancedAccuracy, 0.7387928214025219);
  });

  it('precision@k with the documented tie rules (numpy lexsort)', () => {
    expect(precisionAtFraction(c.y, c.x, 0.01)).toEqual({ k: 20, hits: 2, relevant: 20, precision: 0.1 });
    expect(precisionAtFraction(c.yInt, c.x, 0.05)).toEqual({
      k: 100,
      hits: 46,
      relevant: 144,
      precision: 0.46,
    });
    expect(precisionAtK(c.label, c.prob, 20)!.hits).toBe(20);
  });

  it('the reports carry the same numbers', () => {
    const reg = regressionReport(c.y, c.x);
    close(reg.spearman, 0.8633296676027018);
    close(reg.r2, 0.7367381212442443);
    expect(reg.precisionAtTop!.hits).toBe(2);
    const cls = classificationReport(c.label, c.prob, 0.5);
    close(cls.auroc, 0.8047712239774841);
    close(cls.averagePrecision, 0.7967270455212881);
    close(cls.balancedAccuracy, 0.7387928214025219);
    close(cls.expectedCalibrationError, 0.052530000000000035);
    expect(cls.roc!.fpr.length).toBeLessThanOrEqual(200);
  });
});
