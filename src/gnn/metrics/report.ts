/**
 * One call, every number: the regression report (customers lost, MW shed) and the
 * classification report (beyond-zone, any shed) as plain objects, null where a metric is
 * undefined. Run them on subsets with subset(mask).
 */
import { auroc } from './auroc.ts';
import { averagePrecision } from './average-precision.ts';
import { brierScore } from './brier.ts';
import { expectedCalibrationError, reliabilityBins } from './calibration.ts';
import type { CalibrationOptions, ReliabilityBin } from './calibration.ts';
import { assertBinary, assertFraction, assertPair, isProbabilities } from './check.ts';
import { balancedAccuracyOf, confusionCounts } from './confusion.ts';
import type { ConfusionCounts } from './confusion.ts';
import { precisionRecallCurve, rocCurve } from './curves.ts';
import type { PrecisionRecallCurve, RocCurve } from './curves.ts';
import { mae, rmse } from './errors.ts';
import { pearson } from './pearson.ts';
import { precisionAtFraction, precisionAtK, topFractionK } from './precision-at-k.ts';
import type { PrecisionAtK } from './precision-at-k.ts';
import { r2 } from './r2.ts';
import { spearman } from './spearman.ts';

export interface RegressionReportOptions {
  /** The riskiest fraction for precision@k. Default 0.01 (1 %). */
  topFraction?: number;
}

export const REGRESSION_REPORT_DEFAULTS: Required<RegressionReportOptions> = { topFraction: 0.01 };

export interface RegressionReport {
  n: number;
  pearson: number | null;
  spearman: number | null;
  r2: number | null;
  mae: number | null;
  rmse: number | null;
  topFraction: number;
  /** precisionAtFraction(truth, pred, topFraction). */
  precisionAtTop: PrecisionAtK | null;
}

/**
 * Pearson, Spearman, R², MAE, RMSE and precision@k for the riskiest fraction of a regression.
 *
 * @example
 * regressionReport([1, 2, 3, 4], [1, 3, 2, 5]).spearman; // 0.8
 */
export function regressionReport(
  truth: ArrayLike<number>,
  pred: ArrayLike<number>,
  options: RegressionReportOptions = {},
): RegressionReport {
  const n = assertPair('regressionReport', 'truth', truth, 'pred', pred);
  const { topFraction } = { ...REGRESSION_REPORT_DEFAULTS, ...options };
  assertFraction('regressionReport', 'topFraction', topFraction);
  return {
    n,
    pearson: pearson(truth, pred),
    spearman: spearman(truth, pred),
    r2: r2(truth, pred),
    mae: mae(truth, pred),
    rmse: rmse(truth, pred),
    topFraction,
    precisionAtTop: precisionAtFraction(truth, pred, topFraction),
  };
}

export interface ClassificationReportOptions {
  /** The riskiest fraction for precision@k. Default 0.01 (1 %). */
  topFraction?: number;
  /** Reliability bins for the calibration plot and ECE. Default 10 equal-width bins. */
  calibration?: CalibrationOptions;
  /** Most points kept on each curve. Default 200. */
  maxCurvePoints?: number;
}

export const CLASSIFICATION_REPORT_DEFAULTS: Required<ClassificationReportOptions> = {
  topFraction: 0.01,
  calibration: {},
  maxCurvePoints: 200,
};

export interface ClassificationReport {
  n: number;
  positives: number;
  negatives: number;
  /** positives / n; null for empty input. */
  prevalence: number | null;
  auroc: number | null;
  averagePrecision: number | null;
  /** The threshold used: predicted positive when score ≥ threshold. */
  threshold: number;
  confusion: ConfusionCounts;
  balancedAccuracy: number | null;
  topFraction: number;
  /** Positives among the ⌈topFraction · n⌉ highest scores (precisionAtK with the labels as relevance). */
  precisionAtTop: PrecisionAtK | null;
  /** Whether every score lies in [0, 1]; when not, the calibration fields are null. */
  scoresAreProbabilities: boolean;
  brier: number | null;
  expectedCalibrationError: number | null;
  reliability: ReliabilityBin[] | null;
  roc: RocCurve | null;
  precisionRecall: PrecisionRecallCurve | null;
}

/**
 * AUROC, average precision, confusion counts and balanced accuracy at `threshold`,
 * precision@k for the riskiest fraction, and — when the scores are probabilities — Brier score,
 * ECE and the reliability bins; plus ROC and PR curve points for plots. Baselines whose scores
 * are not probabilities (e.g. customers downstream) still get every ranking metric.
 *
 * @example
 * const r = classificationReport([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8], 0.5);
 * r.auroc; // 0.75
 * r.balancedAccuracy; // 0.75  (TPR ½, TNR 1)
 */
export function classificationReport(
  truth01: ArrayLike<number>,
  score: ArrayLike<number>,
  threshold: number,
  options: ClassificationReportOptions = {},
): ClassificationReport {
  const n = assertPair('classificationReport', 'truth01', truth01, 'score', score);
  const positives = assertBinary('classificationReport', 'truth01', truth01);
  const { topFraction, calibration, maxCurvePoints } = { ...CLASSIFICATION_REPORT_DEFAULTS, ...options };
  assertFraction('classificationReport', 'topFraction', topFraction);
  const confusion = confusionCounts(truth01, score, threshold);
  const probabilities = isProbabilities(score);
  const curve = { maxPoints: maxCurvePoints };
  return {
    n,
    positives,
    negatives: n - positives,
    prevalence: n === 0 ? null : positives / n,
    auroc: auroc(truth01, score),
    averagePrecision: averagePrecision(truth01, score),
    threshold,
    confusion,
    balancedAccuracy: balancedAccuracyOf(confusion),
    topFraction,
    precisionAtTop: precisionAtK(truth01, score, topFractionK(n, topFraction)),
    scoresAreProbabilities: probabilities,
    brier: probabilities ? brierScore(truth01, score) : null,
    expectedCalibrationError: probabilities ? expectedCalibrationError(truth01, score, calibration) : null,
    reliability: probabilities ? reliabilityBins(truth01, score, calibration) : null,
    roc: rocCurve(truth01, score, curve),
    precisionRecall: precisionRecallCurve(truth01, score, curve),
  };
}
