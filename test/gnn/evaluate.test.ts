/** Evaluation of the risk models: the physics screen's rule and the report on hand-made predictions. */
import { describe, expect, it } from 'vitest';
import { methodReport, type MethodPredictions, type PooledTruth } from '../../src/gnn/evaluate/evaluate.ts';
import { physicsScreenScores } from '../../src/gnn/evaluate/physics-screen.ts';
import { FEATURE_NAMES } from '../../src/gnn/features/asset-features.ts';

const F = FEATURE_NAMES.length;
const col = (name: string) => FEATURE_NAMES.indexOf(name);

describe('physics screen', () => {
  it('flags an LODF overload, a unit loss below reserve and a transfer that only cold load breaks', () => {
    const x = new Float32Array(5 * F);
    // 0: a line whose outage loads another to 130 % of its limit.
    x[0 * F + col('outage_worst_ratio')] = 1.3;
    // 1: a unit whose loss leaves its island 5 % short.
    x[1 * F + col('is_generators')] = 1;
    x[1 * F + col('unit_loss_reserve')] = -0.05;
    // 2: ties cover 80 % of the cold load, which is 1.5 × normal: normal fits (1.2), cold does not.
    x[2 * F + col('tie_cover')] = 0.8 / 5;
    x[2 * F + col('log_cold_load_ratio')] = Math.log(1.5) / 3;
    // 3: ties cover 50 % of a cold load 1.5 × normal: even normal load does not fit, no transfer.
    x[3 * F + col('tie_cover')] = 0.5 / 5;
    x[3 * F + col('log_cold_load_ratio')] = Math.log(1.5) / 3;
    // 4: nothing.
    x[4 * F + col('tie_cover')] = 1;
    const s = physicsScreenScores(x, F, Int32Array.from([0, 1, 2, 3, 4]));
    expect(s[0]).toBeCloseTo(0.3, 5);
    expect(s[1]).toBeCloseTo(0.05, 5);
    expect(s[2]).toBeCloseTo(0.2, 5);
    expect(s[3]).toBe(0);
    expect(s[4]).toBe(0);
  });
});

describe('method report', () => {
  const truth: PooledTruth = {
    customers_lost: Float64Array.from([0, 10, 20, 500, 1000]),
    critical_customers_lost: Float64Array.from([0, 0, 1, 2, 3]),
    mw_shed: Float64Array.from([0, 0.1, 0.2, 5, 10]),
    beyond_zone: Float64Array.from([0, 0, 0, 1, 1]),
  };

  it('gives exact figures for a perfect method and known ones for a partial one', () => {
    const perfect: MethodPredictions = {
      ...truth,
      beyond_score: Float64Array.from([0.1, 0.2, 0.1, 0.9, 0.8]),
    };
    const r = methodReport(truth, perfect, 0.5);
    expect(r.customers.spearman).toBe(1);
    expect(r.customers.mae).toBe(0);
    expect(r.beyond?.auroc).toBe(1);
    expect(r.beyond?.balancedAccuracy).toBe(1);
    expect(r.beyond_subset?.customers.n).toBe(2);
    // A zone-like method: right below the zone, 100 customers on both escalations.
    const zone: MethodPredictions = {
      customers_lost: Float64Array.from([0, 10, 20, 100, 100]),
      critical_customers_lost: truth.critical_customers_lost,
      mw_shed: truth.mw_shed,
      beyond_score: new Float64Array(5),
    };
    const z = methodReport(truth, zone, Number.MIN_VALUE);
    expect(z.customers.mae).toBe((400 + 900) / 5);
    expect(z.beyond_subset?.customers.mae).toBe(650);
    expect(z.beyond?.auroc).toBe(0.5);
    expect(z.beyond?.balancedAccuracy).toBe(0.5);
  });
});
