/**
 * Sparse (CSR) × dense product for GCN-style propagation, Y = Â·X with Â the normalized adjacency.
 * The backward needs Âᵀ·dY; `sparseOperator` builds the transpose once per graph so each step
 * pays only two sparse products.
 */
import { allocateFloat32 } from './buffer-pool.ts';
import { Tensor, opResult } from './tensor.ts';
import { wasmKernels } from './wasm-kernels.ts';

/** Below this many multiply-adds the copy into WASM memory costs more than it saves. */
const WASM_MIN_WORK = 1 << 15;

/** Row i's entries are colIdx/values[rowPtr[i] .. rowPtr[i+1]-1]. */
export interface CsrMatrix {
  rows: number;
  cols: number;
  /** Length rows + 1. */
  rowPtr: Int32Array;
  colIdx: Int32Array;
  values: Float32Array;
}

/** A sparse matrix with its transpose, for forward and backward products. */
export interface SparseOperator {
  matrix: CsrMatrix;
  transpose: CsrMatrix;
}

export function sparseOperator(matrix: CsrMatrix): SparseOperator {
  checkCsr(matrix);
  return { matrix, transpose: csrTranspose(matrix) };
}

/** Âᵀ in CSR, by counting entries per column (a stable O(nnz) bucket pass). */
export function csrTranspose(a: CsrMatrix): CsrMatrix {
  const nnz = a.rowPtr[a.rows];
  const rowPtr = new Int32Array(a.cols + 1);
  for (let p = 0; p < nnz; p++) rowPtr[a.colIdx[p] + 1]++;
  for (let c = 0; c < a.cols; c++) rowPtr[c + 1] += rowPtr[c];
  const next = rowPtr.slice(0, a.cols);
  const colIdx = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  for (let r = 0; r < a.rows; r++) {
    for (let p = a.rowPtr[r]; p < a.rowPtr[r + 1]; p++) {
      const q = next[a.colIdx[p]]++;
      colIdx[q] = r;
      values[q] = a.values[p];
    }
  }
  return { rows: a.cols, cols: a.rows, rowPtr, colIdx, values };
}

/** out[rows×n] += A · X[cols×n]. */
export function csrMultiplyInto(a: CsrMatrix, x: Float32Array, n: number, out: Float32Array): void {
  const { rowPtr, colIdx, values } = a;
  const wasm = wasmKernels();
  if (wasm && n % 32 === 0 && rowPtr[a.rows] * n >= WASM_MIN_WORK) {
    wasm.spmm(rowPtr, colIdx, values, x, a.cols, out, a.rows, n);
    return;
  }
  for (let r = 0; r < a.rows; r++) {
    const to = r * n;
    for (let p = rowPtr[r]; p < rowPtr[r + 1]; p++) {
      const v = values[p];
      const from = colIdx[p] * n;
      for (let j = 0; j < n; j++) out[to + j] += v * x[from + j];
    }
  }
}

/** Â[r×c] · X[c×n] → [r×n]; differentiable in X (Â is a constant of the graph). */
export function sparseMatmul(op: SparseOperator, x: Tensor): Tensor {
  const a = op.matrix;
  if (a.cols !== x.rows) {
    throw new Error(`gnn/tensor sparseMatmul: ${a.rows}×${a.cols} · ${x.rows}×${x.cols} do not chain`);
  }
  const n = x.cols;
  const out = allocateFloat32(a.rows * n);
  csrMultiplyInto(a, x.data, n, out);
  return opResult(a.rows, n, out, [x], (o) => {
    csrMultiplyInto(op.transpose, o.grad as Float32Array, n, x.ensureGrad());
  });
}

function checkCsr(a: CsrMatrix): void {
  const nnz = a.rowPtr[a.rows];
  if (a.rowPtr.length !== a.rows + 1 || a.colIdx.length < nnz || a.values.length < nnz) {
    throw new Error('gnn/tensor sparseOperator: rowPtr/colIdx/values lengths do not match');
  }
  for (let r = 0; r < a.rows; r++) {
    if (a.rowPtr[r + 1] < a.rowPtr[r]) throw new Error(`gnn/tensor sparseOperator: rowPtr decreases at ${r}`);
  }
  for (let p = 0; p < nnz; p++) {
    const c = a.colIdx[p];
    if (c < 0 || c >= a.cols)
      throw new Error(`gnn/tensor sparseOperator: column ${c} outside 0..${a.cols - 1}`);
  }
}
