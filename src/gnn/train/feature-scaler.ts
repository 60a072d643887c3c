/**
 * Standardizes input columns with the training data's mean and standard deviation (a column
 * that never varies keeps scale 1), so no feature dominates the first layer by its units. The
 * statistics are saved with the model and applied unchanged at prediction.
 */
export interface FeatureScaler {
  mean: number[];
  std: number[];
}

/** Column statistics over the rows of every matrix (row-major, `featureCount` columns). */
export function fitScaler(matrices: readonly Float32Array[], featureCount: number): FeatureScaler {
  const sum = new Float64Array(featureCount);
  const sq = new Float64Array(featureCount);
  let rows = 0;
  for (const x of matrices) {
    const n = x.length / featureCount;
    rows += n;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < featureCount; j++) {
        const v = x[i * featureCount + j];
        sum[j] += v;
        sq[j] += v * v;
      }
  }
  const mean = Array.from(sum, (s) => s / Math.max(1, rows));
  const std = Array.from(sq, (s, j) => {
    const variance = s / Math.max(1, rows) - mean[j] * mean[j];
    return variance > 1e-12 ? Math.sqrt(variance) : 1;
  });
  return { mean, std };
}

/** (x − mean) / std, into a new array. */
export function applyScaler(x: Float32Array, scaler: FeatureScaler): Float32Array {
  const f = scaler.mean.length;
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const j = i % f;
    out[i] = (x[i] - scaler.mean[j]) / scaler.std[j];
  }
  return out;
}
