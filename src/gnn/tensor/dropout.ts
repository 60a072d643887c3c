/**
 * Inverted dropout: in training each element is zeroed with probability p and survivors are scaled
 * by 1/(1 − p), so evaluation needs no rescaling. The mask comes from the seeded generator passed
 * in, so a training run is reproducible.
 */
import { allocateFloat32 } from './buffer-pool.ts';
import type { UniformSource } from './init.ts';
import { Tensor, opResult } from './tensor.ts';

export function dropout(x: Tensor, p: number, rng: UniformSource, training = true): Tensor {
  if (!(p >= 0 && p < 1)) throw new Error(`gnn/tensor dropout: p must be in [0, 1), got ${p}`);
  if (!training || p === 0) return x;
  const keep = 1 / (1 - p);
  const src = x.data;
  const mask = new Float32Array(src.length);
  const out = allocateFloat32(src.length);
  for (let i = 0; i < out.length; i++) {
    const s = rng.next() >= p ? keep : 0;
    mask[i] = s;
    out[i] = src[i] * s;
  }
  return opResult(x.rows, x.cols, out, [x], (o) => {
    const g = o.grad as Float32Array;
    const gx = x.ensureGrad();
    for (let i = 0; i < g.length; i++) gx[i] += g[i] * mask[i];
  });
}
