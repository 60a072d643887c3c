/**
 * Evaluates risk models and the baselines on labelled examples (grids and conditions the models
 * never saw): customers lost, critical customers lost and MW shed as regressions, reaching
 * beyond the protection zone as a classification, pooled over every (condition, asset) pair,
 * overall and on the pairs whose cascade did reach beyond the zone. Baselines:
 *  - `zone`: the simulator's first wave — the failure, protection, isolation and tie transfers,
 *    no overload trip — which is the exact protection-zone outcome;
 *  - `screen`: the physics screen (physics-screen.ts) for the beyond-zone question.
 */
import {
  classificationReport,
  regressionReport,
  subset,
  type ClassificationReport,
  type RegressionReport,
} from '../metrics/index.ts';
import { constant, noGrad } from '../tensor/index.ts';
import type { RiskModel } from '../model/risk-model.ts';
import { applyScaler, type FeatureScaler } from '../train/feature-scaler.ts';
import { fromOutputs, TARGET_COUNT } from '../train/targets.ts';
import type { GridExamples } from '../train/training-data.ts';
import { physicsScreenScores } from './physics-screen.ts';

export interface MethodPredictions {
  customers_lost: Float64Array;
  critical_customers_lost: Float64Array;
  mw_shed: Float64Array;
  /** Probability (models) or screen score (baseline) of reaching beyond the zone. */
  beyond_score: Float64Array;
}

export interface PooledTruth {
  customers_lost: Float64Array;
  critical_customers_lost: Float64Array;
  mw_shed: Float64Array;
  beyond_zone: Float64Array;
}

export interface MethodReport {
  customers: RegressionReport;
  critical: RegressionReport;
  mw: RegressionReport;
  beyond: Omit<ClassificationReport, 'roc' | 'precisionRecall' | 'reliability'> | null;
  beyond_subset: { customers: RegressionReport; mw: RegressionReport } | null;
}

/** Truth pooled over every example of every grid, in example then asset order. */
export function pooledTruth(grids: readonly GridExamples[]): PooledTruth {
  const pick = (f: (l: GridExamples['examples'][number]['labels']) => ArrayLike<number>) =>
    Float64Array.from(grids.flatMap((g) => g.examples.flatMap((e) => Array.from(f(e.labels)))));
  return {
    customers_lost: pick((l) => l.customers_lost),
    critical_customers_lost: pick((l) => l.critical_customers_lost),
    mw_shed: pick((l) => l.mw_shed),
    beyond_zone: pick((l) => l.beyond_zone),
  };
}

/** A model's predictions in the same order as pooledTruth. */
export function modelPredictions(
  model: RiskModel,
  scaler: FeatureScaler,
  grids: readonly GridExamples[],
): MethodPredictions {
  const rows: ReturnType<typeof fromOutputs>[] = [];
  noGrad(() => {
    for (const g of grids)
      for (const e of g.examples) {
        const out = model.forward(
          constant(g.inputs.nodeCount, g.featureCount, applyScaler(e.x, scaler)),
          g.inputs,
        ).data;
        for (const v of e.labels.nodes)
          rows.push(fromOutputs(out.subarray(v * TARGET_COUNT, v * TARGET_COUNT + TARGET_COUNT), 0));
      }
  });
  return {
    customers_lost: Float64Array.from(rows, (r) => r.customers_lost),
    critical_customers_lost: Float64Array.from(rows, (r) => r.critical_customers_lost),
    mw_shed: Float64Array.from(rows, (r) => r.mw_shed),
    beyond_score: Float64Array.from(rows, (r) => r.p_beyond_zone),
  };
}

/** The zone baseline's consequences and the physics screen's beyond-zone score. */
export function baselinePredictions(grids: readonly GridExamples[]): MethodPredictions {
  const pick = (f: (e: GridExamples['examples'][number], g: GridExamples) => ArrayLike<number>) =>
    Float64Array.from(grids.flatMap((g) => g.examples.flatMap((e) => Array.from(f(e, g)))));
  return {
    customers_lost: pick((e) => e.labels.zone_customers),
    critical_customers_lost: pick((e) => e.labels.zone_critical),
    mw_shed: pick((e) => e.labels.zone_mw),
    beyond_score: pick((e, g) => physicsScreenScores(e.x, g.featureCount, e.labels.nodes)),
  };
}

/** Every metric of one method against the pooled truth; `threshold` for its beyond score. */
export function methodReport(truth: PooledTruth, p: MethodPredictions, threshold: number): MethodReport {
  const beyond = classificationReport(truth.beyond_zone, p.beyond_score, threshold);
  // Curves and bins are for plots; the summary keeps the numbers.
  const beyondSummary: Partial<ClassificationReport> = { ...beyond };
  delete beyondSummary.roc;
  delete beyondSummary.precisionRecall;
  delete beyondSummary.reliability;
  const mask = Uint8Array.from(truth.beyond_zone, (b) => (b ? 1 : 0));
  const pickBeyond = subset(mask);
  return {
    customers: regressionReport(truth.customers_lost, p.customers_lost),
    critical: regressionReport(truth.critical_customers_lost, p.critical_customers_lost),
    mw: regressionReport(truth.mw_shed, p.mw_shed),
    beyond: beyond.positives > 0 ? (beyondSummary as MethodReport['beyond']) : null,
    beyond_subset:
      pickBeyond.indices.length > 1
        ? {
            customers: regressionReport(pickBeyond(truth.customers_lost), pickBeyond(p.customers_lost)),
            mw: regressionReport(pickBeyond(truth.mw_shed), pickBeyond(p.mw_shed)),
          }
        : null,
  };
}
