/**
 * Evaluation metrics for the GNN risk model and its baselines: pure functions over
 * ArrayLike<number> (number[], Float32Array, Float64Array), null where a metric is undefined.
 */
export { auroc } from './auroc.ts';
export { averagePrecision } from './average-precision.ts';
export { bestBalancedAccuracyThreshold, type BestThreshold } from './best-threshold.ts';
export { brierScore } from './brier.ts';
export {
  expectedCalibrationError,
  reliabilityBins,
  CALIBRATION_DEFAULTS,
  type CalibrationOptions,
  type ReliabilityBin,
} from './calibration.ts';
export { balancedAccuracy, balancedAccuracyOf, confusionCounts, type ConfusionCounts } from './confusion.ts';
export {
  downsampleIndices,
  precisionRecallCurve,
  rocCurve,
  CURVE_DEFAULTS,
  type CurveOptions,
  type PrecisionRecallCurve,
  type RocCurve,
} from './curves.ts';
export { mae, rmse } from './errors.ts';
export { pearson } from './pearson.ts';
export {
  inTopFraction,
  precisionAtFraction,
  precisionAtK,
  topFractionK,
  topKIndices,
  type PrecisionAtK,
} from './precision-at-k.ts';
export { r2 } from './r2.ts';
export { averageRanks } from './ranks.ts';
export {
  classificationReport,
  regressionReport,
  CLASSIFICATION_REPORT_DEFAULTS,
  REGRESSION_REPORT_DEFAULTS,
  type ClassificationReport,
  type ClassificationReportOptions,
  type RegressionReport,
  type RegressionReportOptions,
} from './report.ts';
export { argsort } from './sort.ts';
export { spearman } from './spearman.ts';
export { subset, type Subset } from './subset.ts';
export { thresholdSweep, type ThresholdSweep } from './sweep.ts';
