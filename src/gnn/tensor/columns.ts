/**
 * Column concatenation and slicing: joining a node's own features with its aggregated neighbour
 * features, and splitting a fused projection back into parts.
 */
import { allocateFloat32 } from './buffer-pool.ts';
import { Tensor, opResult } from './tensor.ts';

/** [X₁ | X₂ | …] along columns; all parts have the same number of rows. */
export function concatColumns(parts: readonly Tensor[]): Tensor {
  if (parts.length === 0) throw new Error('gnn/tensor concatColumns: no tensors');
  const m = parts[0].rows;
  let n = 0;
  for (const p of parts) {
    if (p.rows !== m) throw new Error(`gnn/tensor concatColumns: rows ${p.rows} ≠ ${m}`);
    n += p.cols;
  }
  const out = allocateFloat32(m * n);
  let offset = 0;
  for (const p of parts) {
    const w = p.cols;
    const src = p.data;
    // Plain loops: a subarray per row would allocate an object per row.
    for (let i = 0; i < m; i++) {
      const from = i * w;
      const to = i * n + offset;
      for (let j = 0; j < w; j++) out[to + j] = src[from + j];
    }
    offset += w;
  }
  return opResult(m, n, out, parts, (o) => {
    const g = o.grad as Float32Array;
    let start = 0;
    for (const p of parts) {
      const w = p.cols;
      if (p.requiresGrad) {
        const gp = p.ensureGrad();
        for (let i = 0; i < m; i++) {
          const from = i * n + start;
          const to = i * w;
          for (let j = 0; j < w; j++) gp[to + j] += g[from + j];
        }
      }
      start += w;
    }
  });
}

/** Columns [start, end) of x. */
export function sliceColumns(x: Tensor, start: number, end: number): Tensor {
  const m = x.rows;
  const n = x.cols;
  if (!(0 <= start && start <= end && end <= n)) {
    throw new Error(`gnn/tensor sliceColumns: [${start}, ${end}) outside 0..${n}`);
  }
  const w = end - start;
  const src = x.data;
  const out = allocateFloat32(m * w);
  for (let i = 0; i < m; i++) {
    const from = i * n + start;
    const to = i * w;
    for (let j = 0; j < w; j++) out[to + j] = src[from + j];
  }
  return opResult(m, w, out, [x], (o) => {
    const g = o.grad as Float32Array;
    const gx = x.ensureGrad();
    for (let i = 0; i < m; i++) {
      const to = i * n + start;
      const from = i * w;
      for (let j = 0; j < w; j++) gx[to + j] += g[from + j];
    }
  });
}
