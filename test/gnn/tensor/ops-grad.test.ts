/**
 * Finite-difference gradient checks for every differentiable op. Inputs are uniform in [−1, 1)
 * from a seeded generator; the central-difference step is 1e-2 and the tolerance
 * |numeric − analytic| ≤ 1e-3 + 1e-2·|numeric| unless stated. Ops with kinks (relu, leaky relu,
 * segment max) get inputs kept at least 0.05 from the kink, more than the step.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/generator/rng.ts';
import {
  add,
  addRowBias,
  concatColumns,
  dropout,
  gatherRows,
  gelu,
  layerNorm,
  leakyRelu,
  linear,
  matmul,
  mean,
  mul,
  neighborAggregationOperator,
  relu,
  scale,
  scatterAddRows,
  segmentMax,
  segmentMean,
  sigmoid,
  sliceColumns,
  softplus,
  sparseMatmul,
  sparseOperator,
  sub,
  sum,
  tanh,
  type Tensor,
} from '../../../src/gnn/tensor/index.ts';
import { checkGradients, randomTensor } from './grad-check.ts';

const rng = new Rng(2024, 'ops-grad');

function expectGradientsMatch(forward: () => Tensor, inputs: Tensor[], options = {}): void {
  const result = checkGradients(forward, inputs, options);
  expect(result.probes).toBeGreaterThan(0);
  expect(result.worstRatio).toBeLessThanOrEqual(1);
}

/** Moves entries within `gap` of 0 out to ±gap, so ± the FD step never crosses the kink. */
function awayFromZero(t: Tensor, gap = 0.05): Tensor {
  for (let i = 0; i < t.size; i++) {
    const v = t.data[i];
    if (Math.abs(v) < gap) t.data[i] = v < 0 ? -gap - Math.abs(v) : gap + v;
  }
  return t;
}

function randomIndex(length: number, bound: number): Int32Array {
  return Int32Array.from({ length }, () => rng.int(bound));
}

describe('op gradients against central differences', () => {
  it('matmul (A and B)', () => {
    const a = randomTensor(5, 7, rng);
    const b = randomTensor(7, 3, rng);
    expectGradientsMatch(() => matmul(a, b), [a, b]);
  });

  it('linear with and without bias', () => {
    const x = randomTensor(9, 6, rng);
    const w = randomTensor(6, 4, rng);
    const b = randomTensor(1, 4, rng);
    expectGradientsMatch(() => linear(x, w, b), [x, w, b]);
    expectGradientsMatch(() => linear(x, w), [x, w]);
  });

  it('linear with fused relu equals relu(linear) in value, and its gradients check (pre-activations ≥ 0.05 from 0)', () => {
    const x = randomTensor(9, 6, rng);
    const w = randomTensor(6, 4, rng);
    const b = randomTensor(1, 4, rng);
    // Nudge bias columns until no pre-activation sits within the FD reach of the kink.
    for (let tries = 0; tries < 20; tries++) {
      const pre = linear(x, w, b);
      const near = pre.data.findIndex((v) => Math.abs(v) < 0.05);
      if (near < 0) break;
      b.data[near % 4] += 0.07;
    }
    expect(linear(x, w, b).data.every((v) => Math.abs(v) >= 0.05)).toBe(true);
    const fused = linear(x, w, b, 'relu');
    const separate = relu(linear(x, w, b));
    // + 0 turns relu's −0 into 0.
    expect(Array.from(fused.data, (v) => v + 0)).toEqual(Array.from(separate.data, (v) => v + 0));
    expectGradientsMatch(() => linear(x, w, b, 'relu'), [x, w, b], { step: 1e-3, absTol: 2e-3 });
  });

  it('add, sub, mul, scale, addRowBias', () => {
    const a = randomTensor(4, 5, rng);
    const b = randomTensor(4, 5, rng);
    const bias = randomTensor(1, 5, rng);
    expectGradientsMatch(() => add(a, b), [a, b]);
    expectGradientsMatch(() => sub(a, b), [a, b]);
    expectGradientsMatch(() => mul(a, b), [a, b]);
    expectGradientsMatch(() => scale(a, -2.5), [a]);
    expectGradientsMatch(() => addRowBias(a, bias), [a, bias]);
  });

  it('a tensor used twice sums both paths (a ⊙ a)', () => {
    const a = randomTensor(3, 3, rng);
    expectGradientsMatch(() => mul(a, a), [a]);
  });

  it('relu and leaky relu away from 0', () => {
    const x = awayFromZero(randomTensor(6, 6, rng));
    expectGradientsMatch(() => relu(x), [x]);
    expectGradientsMatch(() => leakyRelu(x, 0.1), [x]);
  });

  it('sigmoid, tanh, gelu, softplus (also at large |x|)', () => {
    const x = randomTensor(6, 6, rng, -3, 3);
    x.data[0] = 30;
    x.data[1] = -30;
    expectGradientsMatch(() => sigmoid(x), [x]);
    expectGradientsMatch(() => tanh(x), [x]);
    expectGradientsMatch(() => gelu(x), [x]);
    expectGradientsMatch(() => softplus(x), [x]);
  });

  it('concatColumns of three tensors and sliceColumns', () => {
    const a = randomTensor(4, 2, rng);
    const b = randomTensor(4, 3, rng);
    const c = randomTensor(4, 1, rng);
    expectGradientsMatch(() => concatColumns([a, b, c]), [a, b, c]);
    const x = randomTensor(4, 6, rng);
    expectGradientsMatch(() => sliceColumns(x, 1, 4), [x]);
  });

  it('gatherRows with repeated indices, scatterAddRows with an unreached row', () => {
    const x = randomTensor(6, 3, rng);
    const idx = Int32Array.from([0, 2, 2, 5, 1, 0, 3]);
    expectGradientsMatch(() => gatherRows(x, idx), [x]);
    const edges = randomTensor(7, 3, rng);
    const dst = Int32Array.from([0, 1, 1, 3, 3, 3, 0]);
    expectGradientsMatch(() => scatterAddRows(edges, dst, 5), [edges]);
  });

  it('segmentMean and segmentMax (distinct values per segment)', () => {
    const edges = randomTensor(9, 4, rng);
    const dst = Int32Array.from([2, 0, 2, 1, 0, 2, 4, 1, 2]);
    expectGradientsMatch(() => segmentMean(edges, dst, 5), [edges]);
    // Spread values on a 0.1 grid per column so no two rows of a segment tie within the step.
    for (let e = 0; e < 9; e++)
      for (let j = 0; j < 4; j++) edges.data[e * 4 + j] = ((e * 7 + j * 3) % 9) * 0.1;
    expectGradientsMatch(() => segmentMax(edges, dst, 5), [edges]);
  });

  it('gather → segment mean → linear (a message-passing layer)', () => {
    const x = randomTensor(8, 3, rng);
    const w = randomTensor(6, 2, rng);
    const src = randomIndex(20, 8);
    const dst = randomIndex(20, 8);
    expectGradientsMatch(
      () => linear(concatColumns([segmentMean(gatherRows(x, src), dst, 8), x]), w),
      [x, w],
    );
  });

  it('sparseMatmul (CSR with an empty row)', () => {
    const op = sparseOperator({
      rows: 4,
      cols: 5,
      rowPtr: Int32Array.from([0, 2, 2, 5, 6]),
      colIdx: Int32Array.from([0, 3, 1, 3, 4, 2]),
      values: Float32Array.from([0.5, -1, 2, 0.25, 1.5, -0.75]),
    });
    const x = randomTensor(5, 3, rng);
    expectGradientsMatch(() => sparseMatmul(op, x), [x]);
  });

  it('neighbour mean through the CSR operator equals gather → segmentMean, values and gradients', () => {
    const x = randomTensor(8, 3, rng);
    const src = randomIndex(20, 8);
    const dst = randomIndex(20, 8);
    const op = neighborAggregationOperator(src, dst, 8);
    const fused = sparseMatmul(op, x);
    const unfused = segmentMean(gatherRows(x, src), dst, 8);
    for (let i = 0; i < fused.size; i++) expect(fused.data[i]).toBeCloseTo(unfused.data[i], 6);
    expectGradientsMatch(() => sparseMatmul(op, x), [x]);
    const sumOp = neighborAggregationOperator(src, dst, 8, 'sum');
    const summed = sparseMatmul(sumOp, x);
    const scattered = scatterAddRows(gatherRows(x, src), dst, 8);
    for (let i = 0; i < summed.size; i++) expect(summed.data[i]).toBeCloseTo(scattered.data[i], 5);
  });

  it('layerNorm (input, gain, bias)', () => {
    const x = randomTensor(5, 8, rng, -2, 2);
    const gain = randomTensor(1, 8, rng, 0.5, 1.5);
    const bias = randomTensor(1, 8, rng);
    // Normalization amplifies float32 rounding of (x ± h); a 3e-3 absolute floor covers it.
    expectGradientsMatch(() => layerNorm(x, gain, bias), [x, gain, bias], { absTol: 3e-3 });
  });

  it('dropout with a fixed seed (same mask every evaluation)', () => {
    const x = randomTensor(6, 5, rng);
    expectGradientsMatch(() => dropout(x, 0.3, new Rng(5, 'dropout')), [x]);
  });

  it('sum and mean', () => {
    const x = randomTensor(4, 6, rng);
    expectGradientsMatch(() => sum(x), [x]);
    expectGradientsMatch(() => mean(x), [x]);
  });
});
