/**
 * Evaluates transmission-outcome predictions on examples of networks and conditions never
 * trained on: whether load is shed (balanced accuracy at a threshold chosen on validation data
 * with bestBalancedAccuracyThreshold, AUROC, average precision) and how much (Spearman, MAE and
 * R² of MW shed, on the examples that do shed). The same report serves the learned models and
 * the LODF screen (lodf-screen.ts), whose own rule — shed when the first wave overloads a branch
 * or strands load — is reported beside its tuned threshold.
 */
import {
  auroc,
  averagePrecision,
  balancedAccuracy,
  bestBalancedAccuracyThreshold,
  mae,
  r2,
  spearman,
  subset,
} from '../metrics/index.ts';
import { shedTruth, type OutcomeDataset } from './dataset.ts';
import { lodfScreen } from './lodf-screen.ts';

/** One method's predictions in dataset order. */
export interface OutcomePredictions {
  /** Higher = more likely to shed (a probability for the models, a loading ratio for the screen). */
  score: Float64Array;
  /** Predicted MW shed. */
  shed_mw: Float64Array;
}

export interface OutcomeReport {
  n: number;
  positives: number;
  /** Threshold on `score` (picked on validation data; predicted shed when score ≥ it). */
  threshold: number;
  balanced_accuracy: number | null;
  auroc: number | null;
  average_precision: number | null;
  /** MW shed on the examples that shed. */
  mw: { n: number; spearman: number | null; mae_mw: number | null; r2: number | null };
}

/**
 * The threshold with the best balanced accuracy on validation predictions (null: one class only,
 * then 0.5).
 */
export function validationThreshold(validationTruth01: ArrayLike<number>, score: ArrayLike<number>): number {
  return bestBalancedAccuracyThreshold(validationTruth01, score)?.threshold ?? 0.5;
}

/**
 * Every metric of one method's predictions against the truth (MW shed per example).
 *
 * @example
 * outcomeReport(Float64Array.of(0, 5, 0, 9), { score: Float64Array.of(0.1, 0.8, 0.3, 0.9), shed_mw: Float64Array.of(0, 4, 0, 10) }, 0.5);
 * // balanced_accuracy 1, auroc 1, mw.mae_mw 1
 */
export function outcomeReport(
  truth_mw: ArrayLike<number>,
  p: OutcomePredictions,
  threshold: number,
): OutcomeReport {
  const truth01 = Float64Array.from(truth_mw, (v) => (v > 1e-6 ? 1 : 0));
  const positives = truth01.reduce((s, v) => s + v, 0);
  const shedding = subset(truth01);
  const t = shedding(truth_mw);
  const q = shedding(p.shed_mw);
  return {
    n: truth01.length,
    positives,
    threshold,
    balanced_accuracy: balancedAccuracy(truth01, p.score, threshold),
    auroc: auroc(truth01, p.score),
    average_precision: averagePrecision(truth01, p.score),
    mw: { n: t.length, spearman: spearman(t, q), mae_mw: mae(t, q), r2: r2(t, q) },
  };
}

/** The LODF screen's score and first-wave MW (load stranded by islanding) for every example. */
export function screenPredictions(d: OutcomeDataset): OutcomePredictions & { rule: Float64Array } {
  const n = d.items.length;
  const score = new Float64Array(n);
  const shed_mw = new Float64Array(n);
  const rule = new Float64Array(n);
  d.items.forEach(({ set, sample }, k) => {
    const cs = d.cases[set];
    const s = cs.samples[sample];
    const r = lodfScreen(cs.states[s.state], cs.lodf, s.outage);
    score[k] = r.score;
    shed_mw[k] = r.deficit_mw;
    rule[k] = r.shed ? 1 : 0;
  });
  return { score, shed_mw, rule };
}

/**
 * The screen's report at its own physical rule (shed ⇔ overload or deficit), whatever the
 * validation data say.
 */
export function screenRuleReport(d: OutcomeDataset): OutcomeReport {
  const p = screenPredictions(d);
  return outcomeReport(shedTruth(d), { score: p.rule, shed_mw: p.shed_mw }, 0.5);
}
