/**
 * Elementwise arithmetic of equal-shape tensors, scaling by a constant, and a row-broadcast bias.
 */
import { allocateFloat32 } from './buffer-pool.ts';
import { accumulate, addColumnSums } from './accumulate.ts';
import { Tensor, assertSameShape, opResult } from './tensor.ts';

/** a + b. */
export function add(a: Tensor, b: Tensor): Tensor {
  assertSameShape('add', a, b);
  const x = a.data;
  const y = b.data;
  const out = allocateFloat32(x.length);
  for (let i = 0; i < out.length; i++) out[i] = x[i] + y[i];
  return opResult(a.rows, a.cols, out, [a, b], (o) => {
    const g = o.grad as Float32Array;
    if (a.requiresGrad) accumulate(a.ensureGrad(), g, 1);
    if (b.requiresGrad) accumulate(b.ensureGrad(), g, 1);
  });
}

/** a − b. */
export function sub(a: Tensor, b: Tensor): Tensor {
  assertSameShape('sub', a, b);
  const x = a.data;
  const y = b.data;
  const out = allocateFloat32(x.length);
  for (let i = 0; i < out.length; i++) out[i] = x[i] - y[i];
  return opResult(a.rows, a.cols, out, [a, b], (o) => {
    const g = o.grad as Float32Array;
    if (a.requiresGrad) accumulate(a.ensureGrad(), g, 1);
    if (b.requiresGrad) accumulate(b.ensureGrad(), g, -1);
  });
}

/** a ⊙ b (elementwise product). */
export function mul(a: Tensor, b: Tensor): Tensor {
  assertSameShape('mul', a, b);
  const x = a.data;
  const y = b.data;
  const out = allocateFloat32(x.length);
  for (let i = 0; i < out.length; i++) out[i] = x[i] * y[i];
  return opResult(a.rows, a.cols, out, [a, b], (o) => {
    const g = o.grad as Float32Array;
    if (a.requiresGrad) {
      const ga = a.ensureGrad();
      for (let i = 0; i < g.length; i++) ga[i] += g[i] * y[i];
    }
    if (b.requiresGrad) {
      const gb = b.ensureGrad();
      for (let i = 0; i < g.length; i++) gb[i] += g[i] * x[i];
    }
  });
}

/** factor · a. */
export function scale(a: Tensor, factor: number): Tensor {
  const x = a.data;
  const out = allocateFloat32(x.length);
  for (let i = 0; i < out.length; i++) out[i] = x[i] * factor;
  return opResult(a.rows, a.cols, out, [a], (o) =>
    accumulate(a.ensureGrad(), o.grad as Float32Array, factor),
  );
}

/** x[m×n] + bias[1×n] added to every row. */
export function addRowBias(x: Tensor, bias: Tensor): Tensor {
  const m = x.rows;
  const n = x.cols;
  if (bias.rows !== 1 || bias.cols !== n) {
    throw new Error(`gnn/tensor addRowBias: bias must be 1×${n}, got ${bias.rows}×${bias.cols}`);
  }
  const src = x.data;
  const b = bias.data;
  const out = allocateFloat32(m * n);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) out[row + j] = src[row + j] + b[j];
  }
  return opResult(m, n, out, [x, bias], (o) => {
    const g = o.grad as Float32Array;
    if (x.requiresGrad) accumulate(x.ensureGrad(), g, 1);
    if (bias.requiresGrad) addColumnSums(g, m, n, bias.ensureGrad());
  });
}
