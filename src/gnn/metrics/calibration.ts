/**
 * Calibration of predicted probabilities: reliability bins (the points of a calibration plot)
 * and the expected calibration error over them.
 *
 * Bins are half-open [lo, hi), the last one closed [lo, hi], over edges e₀ < … < e_B:
 * - 'uniform' (equal width): eᵢ = i / B over [0, 1];
 * - 'quantile' (equal count): eᵢ = the i/B quantile of the predictions with linear interpolation
 *   (numpy.percentile's default), so bins hold about n / B predictions each; repeated edges
 *   (many equal predictions) leave empty bins.
 * Empty bins are left out, as sklearn's calibration_curve does. A prediction exactly on an inner
 * edge goes to the upper bin (calibration_curve puts it in the lower one).
 */
import { argsort } from './sort.ts';
import { assertBinary, assertInteger, assertPair, assertProbabilities } from './check.ts';

export interface CalibrationOptions {
  /** Number of bins B (≥ 1). Default 10. */
  bins?: number;
  /** 'uniform' (equal width) or 'quantile' (equal count). Default 'uniform'. */
  strategy?: 'uniform' | 'quantile';
}

export const CALIBRATION_DEFAULTS: Required<CalibrationOptions> = { bins: 10, strategy: 'uniform' };

export interface ReliabilityBin {
  /** Lower edge of the bin. */
  lo: number;
  /** Upper edge of the bin. */
  hi: number;
  /** Predictions in the bin (> 0). */
  count: number;
  /** Mean predicted probability in the bin (x of the calibration plot). */
  meanPredicted: number;
  /** Fraction of positives in the bin (y of the calibration plot). */
  observedFrequency: number;
}

/**
 * Reliability bins of probabilities `prob` against 0/1 outcomes: for each non-empty bin its
 * edges, count, mean prediction and observed frequency of positives. Empty input gives [].
 *
 * @example
 * reliabilityBins([0, 1, 1, 1], [0.1, 0.3, 0.8, 0.9], { bins: 2 });
 * // [{ lo: 0, hi: 0.5, count: 2, meanPredicted: 0.2, observedFrequency: 0.5 },
 * //  { lo: 0.5, hi: 1, count: 2, meanPredicted: 0.85, observedFrequency: 1 }]
 */
export function reliabilityBins(
  truth01: ArrayLike<number>,
  prob: ArrayLike<number>,
  options: CalibrationOptions = {},
): ReliabilityBin[] {
  return reliabilityChecked('reliabilityBins', truth01, prob, options);
}

/**
 * Expected calibration error ECE = Σ_b (n_b / n) |meanPredicted_b − observedFrequency_b| over
 * the reliability bins (default 10 equal-width bins). Null for empty input.
 *
 * @example
 * expectedCalibrationError([0, 1, 1, 1], [0.1, 0.3, 0.8, 0.9], { bins: 2 });
 * // 0.225  (2/4 · |0.2 − 0.5| + 2/4 · |0.85 − 1|)
 */
export function expectedCalibrationError(
  truth01: ArrayLike<number>,
  prob: ArrayLike<number>,
  options: CalibrationOptions = {},
): number | null {
  const bins = reliabilityChecked('expectedCalibrationError', truth01, prob, options);
  const n = prob.length;
  if (n === 0) return null;
  let ece = 0;
  for (const b of bins) ece += (b.count / n) * Math.abs(b.meanPredicted - b.observedFrequency);
  return ece;
}

function reliabilityChecked(
  module: string,
  truth01: ArrayLike<number>,
  prob: ArrayLike<number>,
  options: CalibrationOptions,
): ReliabilityBin[] {
  const n = assertPair(module, 'truth01', truth01, 'prob', prob);
  assertBinary(module, 'truth01', truth01);
  assertProbabilities(module, 'prob', prob);
  const { bins: B, strategy } = { ...CALIBRATION_DEFAULTS, ...options };
  assertInteger(module, 'bins', B, 1, 1_000_000);
  if (strategy !== 'uniform' && strategy !== 'quantile') {
    throw new RangeError(`${module}: strategy must be 'uniform' or 'quantile', got ${strategy}`);
  }
  if (n === 0) return [];
  const edges = strategy === 'uniform' ? uniformEdges(B) : quantileEdges(prob, B);
  const count = new Float64Array(B);
  const sumPred = new Float64Array(B);
  const sumTrue = new Float64Array(B);
  for (let i = 0; i < n; i++) {
    const b = binOf(edges, prob[i]);
    count[b]++;
    sumPred[b] += prob[i];
    sumTrue[b] += truth01[i];
  }
  const out: ReliabilityBin[] = [];
  for (let b = 0; b < B; b++) {
    if (count[b] === 0) continue;
    out.push({
      lo: edges[b],
      hi: edges[b + 1],
      count: count[b],
      meanPredicted: sumPred[b] / count[b],
      observedFrequency: sumTrue[b] / count[b],
    });
  }
  return out;
}

function uniformEdges(B: number): Float64Array {
  const edges = new Float64Array(B + 1);
  for (let i = 0; i <= B; i++) edges[i] = i / B;
  return edges;
}

function quantileEdges(prob: ArrayLike<number>, B: number): Float64Array {
  const n = prob.length;
  const order = argsort(prob);
  const edges = new Float64Array(B + 1);
  for (let i = 0; i <= B; i++) {
    const pos = (i / B) * (n - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(lo + 1, n - 1);
    const a = prob[order[lo]];
    edges[i] = a + (prob[order[hi]] - a) * (pos - lo);
  }
  return edges;
}

/** The bin b with edges[b] ≤ p < edges[b + 1] (the last bin also takes p = edges[B]). */
function binOf(edges: Float64Array, p: number): number {
  // Number of inner edges e₁..e_{B−1} that are ≤ p, by binary search.
  let lo = 1;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (edges[mid] <= p) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
