/** The tape's semantics: accumulation, zeroGrad, noGrad, freed intermediates, shape errors. */
import { describe, expect, it } from 'vitest';
import {
  Adam,
  add,
  fromRows,
  matmul,
  mul,
  noGrad,
  parameter,
  scale,
  sum,
  isGradEnabled,
} from '../../../src/gnn/tensor/index.ts';

describe('tape', () => {
  it('d/dw Σ (w·x) = x, accumulated over two backward passes until zeroGrad', () => {
    const w = parameter(1, 2, Float32Array.of(0.5, -1));
    const x = fromRows([[2], [3]]);
    sum(matmul(w, x)).backward();
    expect(Array.from(w.grad ?? [])).toEqual([2, 3]);
    sum(matmul(w, x)).backward();
    expect(Array.from(w.grad ?? [])).toEqual([4, 6]);
    new Adam([w]).zeroGrad();
    expect(Array.from(w.grad ?? [])).toEqual([0, 0]);
  });

  it('a diamond (y = a + a·a) gets both paths: dy/da = 1 + 2a', () => {
    const a = parameter(1, 3, Float32Array.of(1, -2, 0.5));
    sum(add(a, mul(a, a))).backward();
    expect(Array.from(a.grad ?? [])).toEqual([3, -3, 2]);
  });

  it('intermediate gradients and links are freed after backward; leaves keep theirs', () => {
    const a = parameter(2, 2, Float32Array.of(1, 2, 3, 4));
    const hidden = scale(a, 2);
    sum(hidden).backward();
    expect(hidden.grad).toBeNull();
    expect(hidden.parents).toHaveLength(0);
    expect(Array.from(a.grad ?? [])).toEqual([2, 2, 2, 2]);
  });

  it('noGrad builds no graph and restores the mode after a throw', () => {
    const a = parameter(1, 1, Float32Array.of(1));
    const out = noGrad(() => scale(a, 3));
    expect(out.requiresGrad).toBe(false);
    expect(out.parents).toHaveLength(0);
    expect(out.item()).toBe(3);
    expect(() =>
      noGrad(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(isGradEnabled()).toBe(true);
  });

  it('backward needs a 1×1 loss that depends on a parameter', () => {
    const a = parameter(2, 1);
    expect(() => scale(a, 1).backward()).toThrow(/1×1/);
    expect(() => sum(fromRows([[1]])).backward()).toThrow(/parameter/);
    expect(() => matmul(a, a)).toThrow(/do not chain/);
  });
});
