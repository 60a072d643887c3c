/**
 * Finite-difference gradient checking for the tensor tests. The scalar probed is Σ out ⊙ R for a
 * fixed random R (so every output element matters), evaluated in float64 from the float32 outputs;
 * central differences (f(x+h) − f(x−h)) / 2h are compared with the tape's gradient.
 */
import { Rng } from '../../../src/generator/rng.ts';
import { constant, noGrad, mul, sum, type Tensor } from '../../../src/gnn/tensor/index.ts';

export interface GradCheckOptions {
  /** Step of the central difference. */
  step?: number;
  /** Accept |numeric − analytic| ≤ absTol + relTol · |numeric|. */
  absTol?: number;
  relTol?: number;
  /** Elements probed per input (spread evenly); all when the input is smaller. */
  maxProbes?: number;
}

export interface GradCheckResult {
  /** Worst |numeric − analytic| / (absTol + relTol · |numeric|): ≤ 1 passes. */
  worstRatio: number;
  worstAbsError: number;
  probes: number;
}

/** Random tensor with entries uniform in [lo, hi), away from the kinks the caller excludes. */
export function randomTensor(
  rows: number,
  cols: number,
  rng: Rng,
  lo = -1,
  hi = 1,
  requiresGrad = true,
): Tensor {
  const t = constant(rows, cols);
  for (let i = 0; i < t.size; i++) t.data[i] = rng.range(lo, hi);
  t.requiresGrad = requiresGrad;
  return t;
}

export function checkGradients(
  forward: () => Tensor,
  inputs: readonly Tensor[],
  options: GradCheckOptions = {},
): GradCheckResult {
  const { step = 1e-2, absTol = 1e-3, relTol = 1e-2, maxProbes = 40 } = options;
  const probeOut = noGrad(forward);
  const rng = new Rng(12345, 'grad-check');
  const weights = constant(probeOut.rows, probeOut.cols);
  for (let i = 0; i < weights.size; i++) weights.data[i] = rng.range(-1, 1);
  const objective = (): number => {
    const out = noGrad(forward);
    let total = 0;
    for (let i = 0; i < out.size; i++) total += out.data[i] * weights.data[i];
    return total;
  };

  for (const x of inputs) x.grad = null;
  sum(mul(forward(), weights)).backward();

  let worstRatio = 0;
  let worstAbsError = 0;
  let probes = 0;
  for (const x of inputs) {
    const analytic = x.grad ?? new Float32Array(x.size);
    const stride = Math.max(1, Math.floor(x.size / maxProbes));
    for (let i = 0; i < x.size; i += stride) {
      const saved = x.data[i];
      x.data[i] = saved + step;
      const up = objective();
      x.data[i] = saved - step;
      const down = objective();
      x.data[i] = saved;
      // The actual float32 spacing of x ± h, not h itself, divides the difference.
      const numeric = (up - down) / (Math.fround(saved + step) - Math.fround(saved - step));
      const err = Math.abs(numeric - analytic[i]);
      worstAbsError = Math.max(worstAbsError, err);
      worstRatio = Math.max(worstRatio, err / (absTol + relTol * Math.abs(numeric)));
      probes++;
    }
  }
  return { worstRatio, worstAbsError, probes };
}
