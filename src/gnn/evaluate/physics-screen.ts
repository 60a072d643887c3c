/**
 * The physics screen for "will this failure cascade beyond its protection zone", read from the
 * same inputs the model gets: a transmission outage that the LODF screen says overloads another
 * branch (worst post-outage loading ÷ limit above 1), a unit whose loss leaves its island short
 * of capacity (under-frequency shedding), and a distribution failure whose load the ties can
 * take at normal demand but not at its cold-load demand (the transfer goes ahead and trips what
 * picked it up). The score is how far past its limit the worst of these goes; 0 when none.
 */
import { FEATURE_NAMES } from '../features/asset-features.ts';

const col = (name: string) => {
  const k = FEATURE_NAMES.indexOf(name);
  if (k < 0) throw new Error(`physics screen: no feature ${name}`);
  return k;
};

export function physicsScreenScores(x: Float32Array, featureCount: number, nodes: Int32Array): Float32Array {
  const worst = col('outage_worst_ratio');
  const reserve = col('unit_loss_reserve');
  const isGenerator = col('is_generators');
  const cover = col('tie_cover');
  const cold = col('log_cold_load_ratio');
  const out = new Float32Array(nodes.length);
  nodes.forEach((v, i) => {
    const r = v * featureCount;
    let score = Math.max(0, x[r + worst] - 1);
    if (x[r + isGenerator] > 0 && x[r + reserve] < 0) score = Math.max(score, -x[r + reserve]);
    // Invert the feature scaling (asset-features.ts): tie_cover/5, ln(cold ratio)/3.
    const tieCover = 5 * x[r + cover];
    const coldRatio = Math.exp(3 * x[r + cold]);
    if (tieCover < 1 && tieCover * coldRatio >= 1) score = Math.max(score, 1 - tieCover);
    out[i] = score;
  });
  return out;
}
