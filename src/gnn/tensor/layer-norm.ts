/**
 * Row-wise layer normalization with learnable gain and bias: y = (x − μ)/σ · gain + bias, μ and σ²
 * over each row's columns. Statistics accumulate in float64 so wide rows lose no precision.
 */
import { allocateFloat32 } from './buffer-pool.ts';
import { addColumnSums } from './accumulate.ts';
import { Tensor, opResult } from './tensor.ts';

export function layerNorm(x: Tensor, gain: Tensor, bias: Tensor, epsilon = 1e-5): Tensor {
  const m = x.rows;
  const n = x.cols;
  if (gain.rows !== 1 || gain.cols !== n || bias.rows !== 1 || bias.cols !== n) {
    throw new Error(`gnn/tensor layerNorm: gain and bias must be 1×${n}`);
  }
  const src = x.data;
  const g = gain.data;
  const b = bias.data;
  const normalized = new Float32Array(m * n);
  const invStd = new Float32Array(m);
  const out = allocateFloat32(m * n);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    let sum = 0;
    for (let j = 0; j < n; j++) sum += src[row + j];
    const mean = sum / n;
    let sq = 0;
    for (let j = 0; j < n; j++) {
      const d = src[row + j] - mean;
      sq += d * d;
    }
    const r = 1 / Math.sqrt(sq / n + epsilon);
    invStd[i] = r;
    for (let j = 0; j < n; j++) {
      const h = (src[row + j] - mean) * r;
      normalized[row + j] = h;
      out[row + j] = h * g[j] + b[j];
    }
  }
  return opResult(m, n, out, [x, gain, bias], (o) => {
    const dy = o.grad as Float32Array;
    if (gain.requiresGrad) {
      const dg = gain.ensureGrad();
      for (let i = 0; i < m * n; i++) dg[i % n] += dy[i] * normalized[i];
    }
    if (bias.requiresGrad) addColumnSums(dy, m, n, bias.ensureGrad());
    if (!x.requiresGrad) return;
    // dx = σ⁻¹ (dĥ − mean(dĥ) − ĥ · mean(dĥ ⊙ ĥ)) with dĥ = dy ⊙ gain.
    const dx = x.ensureGrad();
    for (let i = 0; i < m; i++) {
      const row = i * n;
      let meanDh = 0;
      let meanDhH = 0;
      for (let j = 0; j < n; j++) {
        const dh = dy[row + j] * g[j];
        meanDh += dh;
        meanDhH += dh * normalized[row + j];
      }
      meanDh /= n;
      meanDhH /= n;
      const r = invStd[i];
      for (let j = 0; j < n; j++) {
        const dh = dy[row + j] * g[j];
        dx[row + j] += r * (dh - meanDh - normalized[row + j] * meanDhH);
      }
    }
  });
}
