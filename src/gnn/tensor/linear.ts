/**
 * The affine layer Y = act(X·W + b), fused into one op so the bias and an optional ReLU cost no
 * extra pass or tensor, and a `Linear` helper that owns W and b as parameters.
 */
import { allocateFloat32 } from './buffer-pool.ts';
import { addColumnSums } from './accumulate.ts';
import { gemmNN, gemmNT, gemmTN } from './gemm.ts';
import { glorotUniform, type UniformSource } from './init.ts';
import { Tensor, opResult, parameter } from './tensor.ts';

/** Applied to X·W + b inside the op; 'relu' equals relu(linear(…)) with one tensor fewer. */
export type LinearActivation = 'none' | 'relu';

/** act(X[m×k] · W[k×n] + bias[1×n]) (bias optional) → [m×n]. */
export function linear(
  x: Tensor,
  weight: Tensor,
  bias: Tensor | null = null,
  activation: LinearActivation = 'none',
): Tensor {
  const m = x.rows;
  const k = x.cols;
  const n = weight.cols;
  if (weight.rows !== k) {
    throw new Error(`gnn/tensor linear: input ${m}×${k} does not fit weight ${weight.rows}×${n}`);
  }
  if (bias && (bias.rows !== 1 || bias.cols !== n)) {
    throw new Error(`gnn/tensor linear: bias must be 1×${n}, got ${bias.rows}×${bias.cols}`);
  }
  const out = allocateFloat32(m * n);
  if (bias) for (let i = 0; i < m; i++) out.set(bias.data, i * n);
  gemmNN(x.data, weight.data, out, m, k, n, bias !== null);
  const withRelu = activation === 'relu';
  if (withRelu) for (let i = 0; i < out.length; i++) if (!(out[i] > 0)) out[i] = 0;
  const parents = bias ? [x, weight, bias] : [x, weight];
  return opResult(m, n, out, parents, (y) => {
    const dy = y.grad as Float32Array;
    // The output's gradient is used only here (the tape frees it next), so mask it in place.
    if (withRelu) for (let i = 0; i < dy.length; i++) if (!(out[i] > 0)) dy[i] = 0;
    if (x.requiresGrad) {
      const accumulate = x.grad !== null; // a first contribution overwrites
      gemmNT(dy, weight.data, x.ensureGrad(), m, n, k, accumulate);
    }
    if (weight.requiresGrad) {
      const accumulate = weight.grad !== null; // a first contribution overwrites
      gemmTN(x.data, dy, weight.ensureGrad(), m, k, n, accumulate);
    }
    if (bias && bias.requiresGrad) addColumnSums(dy, m, n, bias.ensureGrad());
  });
}

/** Weight [in×out] (Glorot uniform) and bias [1×out] (zeros), both parameters. */
export class Linear {
  readonly weight: Tensor;
  readonly bias: Tensor | null;

  constructor(inFeatures: number, outFeatures: number, rng: UniformSource, withBias = true) {
    this.weight = glorotUniform(inFeatures, outFeatures, rng);
    this.bias = withBias ? parameter(1, outFeatures) : null;
  }

  forward(x: Tensor, activation: LinearActivation = 'none'): Tensor {
    return linear(x, this.weight, this.bias, activation);
  }

  /** Named parameters, e.g. for an optimizer or for saving under a prefix. */
  parameters(prefix = ''): Record<string, Tensor> {
    const named: Record<string, Tensor> = { [`${prefix}weight`]: this.weight };
    if (this.bias) named[`${prefix}bias`] = this.bias;
    return named;
  }
}
