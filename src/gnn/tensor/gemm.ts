/**
 * Dense matrix-product kernels over row-major Float32Arrays, the hot loops of training. Large
 * products whose shapes fit go to the WASM SIMD kernels (wasm-gemm.ts); the rest, and the leftover
 * rows, run the JavaScript loops below, which stream rows of the big operand contiguously (i-k-j
 * order) and unroll the reduction by four so each output row is loaded and stored a quarter as
 * often.
 */
import { NN_ROWS, wasmKernels } from './wasm-kernels.ts';

/** Below this many multiply-adds the copy into WASM memory costs more than it saves. */
const WASM_MIN_WORK = 1 << 15;

/** C[m×n] (+)= A[m×k] · B[k×n]. With `accumulate` false, C is overwritten. */
export function gemmNN(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  m: number,
  k: number,
  n: number,
  accumulate = false,
): void {
  const wasm = wasmKernels();
  let first = 0;
  if (wasm && n % 8 === 0 && m >= NN_ROWS && m * k * n >= WASM_MIN_WORK) {
    first = m - (m % NN_ROWS);
    wasm.gemmNN(a, b, c, first, k, n, accumulate);
  }
  if (!accumulate) c.fill(0, first * n, m * n);
  jsGemmNN(a, b, c, first, m, k, n);
}

/** Rows [first, m) of C += A·B in JavaScript. */
function jsGemmNN(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  first: number,
  m: number,
  k: number,
  n: number,
): void {
  const k4 = k - (k % 4);
  for (let i = first; i < m; i++) {
    const aRow = i * k;
    const cRow = i * n;
    let p = 0;
    for (; p < k4; p += 4) {
      const a0 = a[aRow + p];
      const a1 = a[aRow + p + 1];
      const a2 = a[aRow + p + 2];
      const a3 = a[aRow + p + 3];
      const b0 = p * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      for (let j = 0; j < n; j++) {
        c[cRow + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
      }
    }
    for (; p < k; p++) {
      const ap = a[aRow + p];
      const bRow = p * n;
      for (let j = 0; j < n; j++) c[cRow + j] += ap * b[bRow + j];
    }
  }
}

/**
 * C[m×n] (+)= A[m×k] · B[n×k]ᵀ (the input gradient dX = dY·Wᵀ). B is transposed once into a
 * scratch k×n copy (cheap: B is the small weight) so the product runs in the streaming NN form.
 */
export function gemmNT(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  m: number,
  k: number,
  n: number,
  accumulate = false,
): void {
  const bt = transposeInto(b, n, k, new Float32Array(k * n));
  gemmNN(a, bt, c, m, k, n, accumulate);
}

/**
 * C[k×n] (+)= A[m×k]ᵀ · B[m×n] (the weight gradient dW = Xᵀ·dY): a sum of m outer products of
 * row i of A with row i of B, four rows at a time. C is small and stays in cache.
 */
export function gemmTN(
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  m: number,
  k: number,
  n: number,
  accumulate = false,
): void {
  const m4 = m - (m % 4);
  let i = 0;
  const wasm = wasmKernels();
  if (wasm && n % 4 === 0 && m4 > 0 && m * k * n >= WASM_MIN_WORK) {
    wasm.gemmTN(a, b, c, m4, k, n, accumulate);
    i = m4;
  } else if (!accumulate) c.fill(0, 0, k * n);
  for (; i < m4; i += 4) {
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    const b0 = i * n;
    const b1 = b0 + n;
    const b2 = b1 + n;
    const b3 = b2 + n;
    for (let p = 0; p < k; p++) {
      const x0 = a[a0 + p];
      const x1 = a[a1 + p];
      const x2 = a[a2 + p];
      const x3 = a[a3 + p];
      const cRow = p * n;
      for (let j = 0; j < n; j++) {
        c[cRow + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
      }
    }
  }
  for (; i < m; i++) {
    const aRow = i * k;
    const bRow = i * n;
    for (let p = 0; p < k; p++) {
      const x = a[aRow + p];
      const cRow = p * n;
      for (let j = 0; j < n; j++) c[cRow + j] += x * b[bRow + j];
    }
  }
}

/** out[cols×rows] = src[rows×cols]ᵀ. */
export function transposeInto(
  src: Float32Array,
  rows: number,
  cols: number,
  out: Float32Array,
): Float32Array {
  for (let i = 0; i < rows; i++) {
    const row = i * cols;
    for (let j = 0; j < cols; j++) out[j * rows + i] = src[row + j];
  }
  return out;
}
