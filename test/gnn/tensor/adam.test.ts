/** Adam's update against hand-computed steps; AdamW decay; clipping by global norm. */
import { describe, expect, it } from 'vitest';
import { Adam, clipGradNorm, parameter } from '../../../src/gnn/tensor/index.ts';

describe('Adam', () => {
  it('the first bias-corrected step moves each weight by lr·sign(g)', () => {
    const w = parameter(1, 3, Float32Array.of(1, 1, 1));
    w.grad = Float32Array.of(0.5, -4, 1e-3);
    new Adam([w], { learningRate: 0.1 }).step();
    expect(w.data[0]).toBeCloseTo(0.9, 5);
    expect(w.data[1]).toBeCloseTo(1.1, 5);
    expect(w.data[2]).toBeCloseTo(0.9, 4);
  });

  it('second step with a constant gradient again moves by lr (moments stay at g and g²)', () => {
    const w = parameter(1, 1, Float32Array.of(0));
    const adam = new Adam([w], { learningRate: 0.01 });
    w.grad = Float32Array.of(2);
    adam.step();
    adam.step();
    expect(w.data[0]).toBeCloseTo(-0.02, 6);
  });

  it('AdamW shrinks by lr·decay·w before the step; L2 mode adds decay·w to the gradient', () => {
    const w = parameter(1, 1, Float32Array.of(2));
    w.grad = Float32Array.of(0);
    new Adam([w], { learningRate: 0.1, weightDecay: 0.5 }).step();
    // Zero gradient: only the decoupled shrink, 2·(1 − 0.05).
    expect(w.data[0]).toBeCloseTo(1.9, 6);
    const v = parameter(1, 1, Float32Array.of(2));
    v.grad = Float32Array.of(0);
    new Adam([v], { learningRate: 0.1, weightDecay: 0.5, decoupled: false }).step();
    // Gradient becomes 0.5·2 = 1 > 0: one Adam step of lr.
    expect(v.data[0]).toBeCloseTo(1.9, 5);
  });

  it('a parameter with no gradient is left alone', () => {
    const w = parameter(1, 2, Float32Array.of(3, 4));
    new Adam([w]).step();
    expect(Array.from(w.data)).toEqual([3, 4]);
  });
});

describe('clipGradNorm', () => {
  it('scales a global norm of 5 down to 1 across tensors, and leaves small norms alone', () => {
    const a = parameter(1, 1);
    const b = parameter(1, 1);
    a.grad = Float32Array.of(3);
    b.grad = Float32Array.of(4);
    expect(clipGradNorm([a, b], 1)).toBeCloseTo(5, 6);
    expect(a.grad[0]).toBeCloseTo(0.6, 6);
    expect(b.grad[0]).toBeCloseTo(0.8, 6);
    expect(clipGradNorm([a, b], 10)).toBeCloseTo(1, 6);
    expect(a.grad[0]).toBeCloseTo(0.6, 6);
  });
});
