import { describe, expect, it } from 'vitest';
import { boundedAllocate, systematicAllocate } from '../../src/generator/allocation.ts';
import { Rng } from '../../src/generator/rng.ts';

const sum = (a: Int32Array) => a.reduce((s, v) => s + v, 0);

describe('systematicAllocate', () => {
  it('places exactly the total, each bin within one of its exact share', () => {
    const weights = [0, 3.5, 1, 0, 7.25, 0.1, 2];
    const total = 977;
    const out = systematicAllocate(weights, total, new Rng(4));
    expect(sum(out)).toBe(total);
    const wsum = weights.reduce((a, b) => a + b, 0);
    weights.forEach((w, i) => expect(Math.abs(out[i] - (total * w) / wsum)).toBeLessThanOrEqual(1));
    expect(out[0]).toBe(0);
    expect(out[3]).toBe(0);
  });

  it('throws when there is nowhere to place anything', () => {
    expect(() => systematicAllocate([0, 0], 3, new Rng(1))).toThrow(/all weights are zero/);
  });
});

describe('boundedAllocate', () => {
  it('respects the minimum, the caps and the total', () => {
    const out = boundedAllocate([10, 1, 1, 0, 5], 20, 1, [8, 20, 20, 20, 3]);
    expect(sum(out)).toBe(20);
    expect(out[3]).toBe(0);
    expect(out[0]).toBeLessThanOrEqual(8);
    expect(out[4]).toBeLessThanOrEqual(3);
    for (const i of [0, 1, 2, 4]) expect(out[i]).toBeGreaterThanOrEqual(1);
  });

  it('fails clearly when the caps cannot hold the total', () => {
    expect(() => boundedAllocate([1, 1], 10, 1, [2, 2])).toThrow(/cannot place/);
  });
});

describe('Rng', () => {
  it('repeats for the same seed and label, and forks independent streams', () => {
    const a = new Rng(5);
    const b = new Rng(5);
    expect([a.next(), a.next(), a.next()]).toEqual([b.next(), b.next(), b.next()]);
    const f1 = new Rng(5).fork('x');
    const f2 = new Rng(5).fork('y');
    expect(f1.next()).not.toBe(f2.next());
  });

  it('draws uniform numbers with the right mean', () => {
    const r = new Rng(123);
    let s = 0;
    for (let i = 0; i < 20000; i++) s += r.next();
    expect(s / 20000).toBeCloseTo(0.5, 1);
  });
});
