/**
 * Row gather and scatter over edge lists, the message-passing primitives: gather the source row of
 * every edge (out[e] = X[src[e]]), and sum edge rows into their destination (out[dst[e]] += X[e]).
 * Each is the other's backward.
 */
import { allocateFloat32 } from './buffer-pool.ts';
import { Tensor, opResult } from './tensor.ts';

/** out[i] = X[index[i]] for every i; out has index.length rows. */
export function gatherRows(x: Tensor, index: Int32Array): Tensor {
  const n = x.cols;
  checkIndex('gatherRows', index, x.rows);
  const out = allocateFloat32(index.length * n);
  gatherInto(x.data, index, n, out);
  return opResult(index.length, n, out, [x], (o) => {
    scatterAddInto(o.grad as Float32Array, index, n, x.ensureGrad());
  });
}

/** Segment sum: out[dst[e]] += X[e] over rows e of X; out has `outRows` rows (unreached rows are 0). */
export function scatterAddRows(x: Tensor, dst: Int32Array, outRows: number): Tensor {
  const n = x.cols;
  if (dst.length !== x.rows) {
    throw new Error(`gnn/tensor scatterAddRows: ${dst.length} destinations for ${x.rows} rows`);
  }
  checkIndex('scatterAddRows', dst, outRows);
  const out = allocateFloat32(outRows * n);
  scatterAddInto(x.data, dst, n, out);
  return opResult(outRows, n, out, [x], (o) => {
    const g = o.grad as Float32Array;
    const gx = x.ensureGrad();
    for (let e = 0; e < dst.length; e++) {
      const from = dst[e] * n;
      const to = e * n;
      for (let j = 0; j < n; j++) gx[to + j] += g[from + j];
    }
  });
}

/** out[i] = src[index[i]] for rows of width n. */
export function gatherInto(src: Float32Array, index: Int32Array, n: number, out: Float32Array): void {
  // A plain loop: a subarray per row would allocate an object per row.
  for (let i = 0; i < index.length; i++) {
    const from = index[i] * n;
    const to = i * n;
    for (let j = 0; j < n; j++) out[to + j] = src[from + j];
  }
}

/** acc[index[i]] += src[i] for rows of width n. */
export function scatterAddInto(src: Float32Array, index: Int32Array, n: number, acc: Float32Array): void {
  for (let i = 0; i < index.length; i++) {
    const to = index[i] * n;
    const from = i * n;
    for (let j = 0; j < n; j++) acc[to + j] += src[from + j];
  }
}

/** Throws unless every index is in [0, bound). Checked once per op, outside the hot loops. */
export function checkIndex(op: string, index: Int32Array, bound: number): void {
  for (let i = 0; i < index.length; i++) {
    const v = index[i];
    if (v < 0 || v >= bound) throw new Error(`gnn/tensor ${op}: index ${v} at ${i} outside 0..${bound - 1}`);
  }
}
