/** Loss values against hand-computed figures, and their gradients against central differences. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/generator/rng.ts';
import { bceWithLogitsLoss, fromRows, huberLoss, mseLoss } from '../../../src/gnn/tensor/index.ts';
import { checkGradients, randomTensor } from './grad-check.ts';

const rng = new Rng(99, 'losses');

describe('loss values', () => {
  it('mse is the mean of squared differences; a row weight of 0 masks a row, even a NaN target', () => {
    const pred = fromRows([[1], [2], [4]]);
    expect(mseLoss(pred, Float32Array.of(0, 0, 0)).item()).toBeCloseTo((1 + 4 + 16) / 3, 6);
    const masked = mseLoss(pred, Float32Array.of(0, NaN, 0), { rowWeight: Float32Array.of(1, 0, 3) });
    expect(masked.item()).toBeCloseTo((1 * 1 + 3 * 16) / 4, 6);
  });

  it('huber is quadratic inside delta and linear beyond (delta 1: d = 0.5 → 0.125, d = 3 → 2.5)', () => {
    const pred = fromRows([[0.5], [3]]);
    expect(huberLoss(pred, Float32Array.of(0, 0), 1).item()).toBeCloseTo((0.125 + 2.5) / 2, 6);
    // delta 2, d = −3: 2·(3 − 1) = 4
    expect(huberLoss(fromRows([[-3]]), Float32Array.of(0), 2).item()).toBeCloseTo(4, 6);
  });

  it('bce with logits: log 2 at 0, finite at ±100, positive weight scales the positive term', () => {
    expect(bceWithLogitsLoss(fromRows([[0]]), Float32Array.of(1)).item()).toBeCloseTo(Math.LN2, 6);
    expect(bceWithLogitsLoss(fromRows([[100]]), Float32Array.of(1)).item()).toBeCloseTo(0, 6);
    expect(bceWithLogitsLoss(fromRows([[-100]]), Float32Array.of(1)).item()).toBeCloseTo(100, 3);
    expect(bceWithLogitsLoss(fromRows([[100]]), Float32Array.of(0)).item()).toBeCloseTo(100, 3);
    // x = 1, y = 1, w₊ = 3: 3·log(1 + e^−1) = 0.939785…
    const weighted = bceWithLogitsLoss(fromRows([[1]]), Float32Array.of(1), { positiveWeight: 3 });
    expect(weighted.item()).toBeCloseTo(3 * Math.log1p(Math.exp(-1)), 6);
  });

  it('all-zero weights give a loss of 0 and zero gradients', () => {
    const pred = randomTensor(3, 2, rng);
    const loss = mseLoss(pred, new Float32Array(6), { rowWeight: new Float32Array(3) });
    expect(loss.item()).toBe(0);
    loss.backward();
    expect(Array.from(pred.grad ?? [])).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('loss gradients against central differences (step 1e-2, tol 1e-3 + 1e-2·|numeric|)', () => {
  const target = Float32Array.from({ length: 12 }, () => rng.range(-1, 1));
  const labels = Float32Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? 1 : 0));
  const weights = Float32Array.of(1, 0, 2.5, 0.5, 1, 3);

  it('mse, weighted', () => {
    const pred = randomTensor(6, 2, rng);
    expect(
      checkGradients(() => mseLoss(pred, target, { rowWeight: weights }), [pred]).worstRatio,
    ).toBeLessThanOrEqual(1);
  });

  it('huber on both sides of delta, weighted (no difference within the step of |d| = delta)', () => {
    const pred = randomTensor(6, 2, rng, -2, 2);
    for (let i = 0; i < 12; i++)
      if (Math.abs(Math.abs(pred.data[i] - target[i]) - 0.5) < 0.05) pred.data[i] += 0.2;
    const r = checkGradients(() => huberLoss(pred, target, 0.5, { rowWeight: weights }), [pred]);
    expect(r.worstRatio).toBeLessThanOrEqual(1);
  });

  it('bce with logits, positive weight 4 and row weights', () => {
    const logits = randomTensor(6, 2, rng, -4, 4);
    const r = checkGradients(
      () => bceWithLogitsLoss(logits, labels, { positiveWeight: 4, rowWeight: weights }),
      [logits],
    );
    expect(r.worstRatio).toBeLessThanOrEqual(1);
  });
});
