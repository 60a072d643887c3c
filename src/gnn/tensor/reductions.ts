/** Reductions of a whole tensor to a 1×1 tensor, summed in float64. */
import { Tensor, opResult } from './tensor.ts';

/** Σ of all elements → 1×1. */
export function sum(x: Tensor): Tensor {
  return scaledSum(x, 1);
}

/** Mean of all elements → 1×1 (0 for an empty tensor). */
export function mean(x: Tensor): Tensor {
  return scaledSum(x, x.size > 0 ? 1 / x.size : 0);
}

function scaledSum(x: Tensor, factor: number): Tensor {
  const src = x.data;
  let total = 0;
  for (let i = 0; i < src.length; i++) total += src[i];
  return opResult(1, 1, Float32Array.of(total * factor), [x], (o) => {
    const g = (o.grad as Float32Array)[0] * factor;
    const gx = x.ensureGrad();
    for (let i = 0; i < gx.length; i++) gx[i] += g;
  });
}
