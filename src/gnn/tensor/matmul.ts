/**
 * Dense matrix product as a differentiable op: Y = A·B, dA = dY·Bᵀ, dB = Aᵀ·dY.
 */
import { allocateFloat32 } from './buffer-pool.ts';
import { gemmNN, gemmNT, gemmTN } from './gemm.ts';
import { Tensor, opResult } from './tensor.ts';

/** A[m×k] · B[k×n] → [m×n]. */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.cols !== b.rows) {
    throw new Error(`gnn/tensor matmul: ${a.rows}×${a.cols} · ${b.rows}×${b.cols} do not chain`);
  }
  const m = a.rows;
  const k = a.cols;
  const n = b.cols;
  const out = allocateFloat32(m * n);
  gemmNN(a.data, b.data, out, m, k, n);
  return opResult(m, n, out, [a, b], (y) => {
    const dy = y.grad as Float32Array;
    if (a.requiresGrad) {
      const accumulate = a.grad !== null; // a first contribution overwrites
      gemmNT(dy, b.data, a.ensureGrad(), m, n, k, accumulate);
    }
    if (b.requiresGrad) {
      const accumulate = b.grad !== null; // a first contribution overwrites
      gemmTN(a.data, dy, b.ensureGrad(), m, k, n, accumulate);
    }
  });
}
