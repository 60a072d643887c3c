/**
 * Pointwise nonlinearities. Each backward reads what its forward already computed (the output for
 * relu/sigmoid/tanh, the input for the others), so no second transcendental pass is needed where
 * avoidable.
 */
import { allocateFloat32 } from './buffer-pool.ts';
import { Tensor, opResult } from './tensor.ts';

export function relu(x: Tensor): Tensor {
  return leakyRelu(x, 0);
}

/** max(x, 0) + slope·min(x, 0); the gradient at exactly 0 is taken as `slope`. */
export function leakyRelu(x: Tensor, slope = 0.01): Tensor {
  const src = x.data;
  const out = allocateFloat32(src.length);
  for (let i = 0; i < out.length; i++) {
    const v = src[i];
    out[i] = v > 0 ? v : slope * v;
  }
  return opResult(x.rows, x.cols, out, [x], (o) => {
    const g = o.grad as Float32Array;
    const gx = x.ensureGrad();
    for (let i = 0; i < g.length; i++) gx[i] += src[i] > 0 ? g[i] : slope * g[i];
  });
}

/** 1 / (1 + e^−x), computed without overflow for large |x|. */
export function sigmoid(x: Tensor): Tensor {
  const src = x.data;
  const out = allocateFloat32(src.length);
  for (let i = 0; i < out.length; i++) out[i] = stableSigmoid(src[i]);
  return opResult(x.rows, x.cols, out, [x], (o) => {
    const g = o.grad as Float32Array;
    const gx = x.ensureGrad();
    for (let i = 0; i < g.length; i++) gx[i] += g[i] * out[i] * (1 - out[i]);
  });
}

export function tanh(x: Tensor): Tensor {
  const src = x.data;
  const out = allocateFloat32(src.length);
  for (let i = 0; i < out.length; i++) out[i] = Math.tanh(src[i]);
  return opResult(x.rows, x.cols, out, [x], (o) => {
    const g = o.grad as Float32Array;
    const gx = x.ensureGrad();
    for (let i = 0; i < g.length; i++) gx[i] += g[i] * (1 - out[i] * out[i]);
  });
}

const GELU_C = Math.sqrt(2 / Math.PI);
const GELU_A = 0.044715;

/** GELU, tanh approximation: ½x(1 + tanh(√(2/π)(x + 0.044715x³))). */
export function gelu(x: Tensor): Tensor {
  const src = x.data;
  const out = allocateFloat32(src.length);
  for (let i = 0; i < out.length; i++) {
    const v = src[i];
    out[i] = 0.5 * v * (1 + Math.tanh(GELU_C * (v + GELU_A * v * v * v)));
  }
  return opResult(x.rows, x.cols, out, [x], (o) => {
    const g = o.grad as Float32Array;
    const gx = x.ensureGrad();
    for (let i = 0; i < g.length; i++) {
      const v = src[i];
      const t = Math.tanh(GELU_C * (v + GELU_A * v * v * v));
      const dInner = GELU_C * (1 + 3 * GELU_A * v * v);
      gx[i] += g[i] * (0.5 * (1 + t) + 0.5 * v * (1 - t * t) * dInner);
    }
  });
}

/** log(1 + eˣ) as max(x, 0) + log1p(e^−|x|): no overflow for large x, no loss for small. */
export function softplus(x: Tensor): Tensor {
  const src = x.data;
  const out = allocateFloat32(src.length);
  for (let i = 0; i < out.length; i++) out[i] = stableSoftplus(src[i]);
  return opResult(x.rows, x.cols, out, [x], (o) => {
    const g = o.grad as Float32Array;
    const gx = x.ensureGrad();
    for (let i = 0; i < g.length; i++) gx[i] += g[i] * stableSigmoid(src[i]);
  });
}

export function stableSigmoid(v: number): number {
  if (v >= 0) return 1 / (1 + Math.exp(-v));
  const e = Math.exp(v);
  return e / (1 + e);
}

export function stableSoftplus(v: number): number {
  return Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
}
