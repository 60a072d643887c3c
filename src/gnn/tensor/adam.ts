/**
 * Adam with bias correction, and AdamW's decoupled weight decay; gradient clipping by global norm.
 * Moments live in Float32Arrays beside each parameter; the update itself is float64 per element.
 */
import type { Tensor } from './tensor.ts';

export interface AdamOptions {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** L2 penalty. With `decoupled` (AdamW) it shrinks weights directly; otherwise it is added to the gradient. */
  weightDecay: number;
  decoupled: boolean;
}

export const ADAM_DEFAULTS: AdamOptions = {
  learningRate: 1e-3,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  weightDecay: 0,
  decoupled: true,
};

export class Adam {
  readonly options: AdamOptions;
  readonly parameters: readonly Tensor[];
  private readonly firstMoment: Float32Array[];
  private readonly secondMoment: Float32Array[];
  /** Steps taken, for bias correction. */
  stepCount = 0;

  constructor(parameters: readonly Tensor[], options: Partial<AdamOptions> = {}) {
    this.options = { ...ADAM_DEFAULTS, ...options };
    this.parameters = parameters;
    this.firstMoment = parameters.map((p) => new Float32Array(p.size));
    this.secondMoment = parameters.map((p) => new Float32Array(p.size));
  }

  /** One update from the current gradients (parameters without a gradient are left alone). */
  step(): void {
    const { learningRate: lr, beta1, beta2, epsilon, weightDecay, decoupled } = this.options;
    this.stepCount += 1;
    const correction1 = 1 - beta1 ** this.stepCount;
    const correction2 = 1 - beta2 ** this.stepCount;
    for (let k = 0; k < this.parameters.length; k++) {
      const param = this.parameters[k];
      const g = param.grad;
      if (g === null) continue;
      const w = param.data;
      const m1 = this.firstMoment[k];
      const m2 = this.secondMoment[k];
      const l2 = decoupled ? 0 : weightDecay;
      const shrink = decoupled ? 1 - lr * weightDecay : 1;
      for (let i = 0; i < w.length; i++) {
        const gi = g[i] + l2 * w[i];
        const a = beta1 * m1[i] + (1 - beta1) * gi;
        const b = beta2 * m2[i] + (1 - beta2) * gi * gi;
        m1[i] = a;
        m2[i] = b;
        w[i] = w[i] * shrink - (lr * (a / correction1)) / (Math.sqrt(b / correction2) + epsilon);
      }
    }
  }

  zeroGrad(): void {
    zeroGrad(this.parameters);
  }
}

/** Clears the accumulated gradients of parameters. */
export function zeroGrad(parameters: readonly Tensor[]): void {
  for (const p of parameters) p.grad?.fill(0);
}

/** Scales all gradients so their joint L2 norm is at most maxNorm; returns the norm before clipping. */
export function clipGradNorm(parameters: readonly Tensor[], maxNorm: number): number {
  let sq = 0;
  for (const p of parameters) {
    const g = p.grad;
    if (g === null) continue;
    for (let i = 0; i < g.length; i++) sq += g[i] * g[i];
  }
  const norm = Math.sqrt(sq);
  if (norm > maxNorm && norm > 0) {
    const s = maxNorm / norm;
    for (const p of parameters) {
      const g = p.grad;
      if (g !== null) for (let i = 0; i < g.length; i++) g[i] *= s;
    }
  }
  return norm;
}
