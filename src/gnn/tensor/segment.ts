/**
 * Segment reductions of edge rows into destination rows beyond the plain sum: the mean
 * (GraphSAGE's aggregator) and the max. A destination with no incoming rows gets 0.
 */
import { allocateFloat32 } from './buffer-pool.ts';
import { checkIndex, scatterAddInto } from './gather-scatter.ts';
import { Tensor, opResult } from './tensor.ts';

/** 1 / (rows reaching each segment), 0 where none: computed once per graph and reusable. */
export function inverseSegmentCounts(dst: Int32Array, outRows: number): Float32Array {
  const counts = new Float32Array(outRows);
  for (let e = 0; e < dst.length; e++) counts[dst[e]] += 1;
  for (let d = 0; d < outRows; d++) counts[d] = counts[d] > 0 ? 1 / counts[d] : 0;
  return counts;
}

/**
 * out[d] = mean of X[e] over e with dst[e] = d. Pass `inverseCounts` (from inverseSegmentCounts)
 * to skip recounting when the same graph is used every step.
 */
export function segmentMean(
  x: Tensor,
  dst: Int32Array,
  outRows: number,
  inverseCounts: Float32Array = inverseSegmentCounts(dst, outRows),
): Tensor {
  const n = x.cols;
  if (dst.length !== x.rows)
    throw new Error(`gnn/tensor segmentMean: ${dst.length} destinations for ${x.rows} rows`);
  if (inverseCounts.length !== outRows)
    throw new Error('gnn/tensor segmentMean: inverseCounts length ≠ outRows');
  checkIndex('segmentMean', dst, outRows);
  const out = allocateFloat32(outRows * n);
  scatterAddInto(x.data, dst, n, out);
  for (let d = 0; d < outRows; d++) {
    const s = inverseCounts[d];
    const row = d * n;
    for (let j = 0; j < n; j++) out[row + j] *= s;
  }
  return opResult(outRows, n, out, [x], (o) => {
    const g = o.grad as Float32Array;
    const gx = x.ensureGrad();
    for (let e = 0; e < dst.length; e++) {
      const d = dst[e];
      const s = inverseCounts[d];
      const from = d * n;
      const to = e * n;
      for (let j = 0; j < n; j++) gx[to + j] += s * g[from + j];
    }
  });
}

/** out[d, j] = max of X[e, j] over e with dst[e] = d; the gradient goes to the (first) maximal row. */
export function segmentMax(x: Tensor, dst: Int32Array, outRows: number): Tensor {
  const n = x.cols;
  if (dst.length !== x.rows)
    throw new Error(`gnn/tensor segmentMax: ${dst.length} destinations for ${x.rows} rows`);
  checkIndex('segmentMax', dst, outRows);
  const src = x.data;
  const out = allocateFloat32(outRows * n).fill(-Infinity);
  const argmax = new Int32Array(outRows * n).fill(-1);
  for (let e = 0; e < dst.length; e++) {
    const to = dst[e] * n;
    const from = e * n;
    for (let j = 0; j < n; j++) {
      const v = src[from + j];
      if (v > out[to + j]) {
        out[to + j] = v;
        argmax[to + j] = e;
      }
    }
  }
  for (let i = 0; i < out.length; i++) if (argmax[i] < 0) out[i] = 0;
  return opResult(outRows, n, out, [x], (o) => {
    const g = o.grad as Float32Array;
    const gx = x.ensureGrad();
    for (let i = 0; i < g.length; i++) {
      const e = argmax[i];
      if (e >= 0) gx[e * n + (i % n)] += g[i];
    }
  });
}
