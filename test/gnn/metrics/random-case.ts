/**
 * The seeded random case shared by the cross-checks against scipy/numpy. The same numbers are
 * drawn by test/fixtures/gnn-metrics/reference.py (mulberry32, reproduced bit for bit), which
 * printed the expected values pasted into the tests.
 */

/** mulberry32: a 32-bit seeded generator, uniform in [0, 1). Small enough to reproduce in Python. */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomCase {
  /** Predictions on a 0.1 grid in [0, 5]: many ties. */
  x: Float64Array;
  /** Truth: x plus uniform noise in [−1.5, 1.5), continuous. */
  y: Float64Array;
  /** Truth in whole units (⌊2y⌋): many ties on the truth side too. */
  yInt: Float64Array;
  /** Labels: 1 with probability x / 5. */
  label: Float64Array;
  /** Probabilities on a 0.01 grid: 0.7 x/5 + 0.3 u, so informative but noisy and tied. */
  prob: Float64Array;
}

export const RANDOM_CASE_SEED = 20240917;
export const RANDOM_CASE_N = 2000;

/** The case: n draws of four uniforms each (x, noise, label, score noise), in that order. */
export function randomCase(n = RANDOM_CASE_N, seed = RANDOM_CASE_SEED): RandomCase {
  const next = mulberry32(seed);
  const c: RandomCase = {
    x: new Float64Array(n),
    y: new Float64Array(n),
    yInt: new Float64Array(n),
    label: new Float64Array(n),
    prob: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const x = Math.floor(next() * 50 + 0.5) / 10;
    const y = x + (next() - 0.5) * 3;
    const p = x / 5;
    c.x[i] = x;
    c.y[i] = y;
    c.yInt[i] = Math.floor(2 * y);
    c.label[i] = next() < p ? 1 : 0;
    c.prob[i] = Math.floor((0.7 * p + 0.3 * next()) * 100 + 0.5) / 100;
  }
  return c;
}
