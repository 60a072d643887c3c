/**
 * What the model is trained to output, and back: counts and MW on a log scale (a failure costs
 * from nothing to tens of thousands of customers; squared errors on raw counts would learn only
 * the largest), and the beyond-zone flag as a logit.
 */
import type { ConditionLabels } from '../labels/label-set.ts';
import { OUTPUTS } from '../model/risk-model.ts';

export const TARGET_COUNT = OUTPUTS.length;

/** [labelled assets × 4]: log1p customers, log1p critical, log1p(10 × MW), beyond (0/1). */
export function targetMatrix(l: ConditionLabels): Float32Array {
  const n = l.nodes.length;
  const y = new Float32Array(n * TARGET_COUNT);
  for (let i = 0; i < n; i++) {
    y[i * 4] = Math.log1p(l.customers_lost[i]);
    y[i * 4 + 1] = Math.log1p(l.critical_customers_lost[i]);
    y[i * 4 + 2] = Math.log1p(10 * l.mw_shed[i]);
    y[i * 4 + 3] = l.beyond_zone[i];
  }
  return y;
}

/** A prediction row back in customers, critical customers, MW and probability. */
export interface AssetPrediction {
  customers_lost: number;
  critical_customers_lost: number;
  mw_shed: number;
  p_beyond_zone: number;
}

export function fromOutputs(out: ArrayLike<number>, row: number): AssetPrediction {
  const k = row * TARGET_COUNT;
  return {
    customers_lost: Math.max(0, Math.expm1(out[k])),
    critical_customers_lost: Math.max(0, Math.expm1(out[k + 1])),
    mw_shed: Math.max(0, Math.expm1(out[k + 2]) / 10),
    p_beyond_zone: 1 / (1 + Math.exp(-out[k + 3])),
  };
}
