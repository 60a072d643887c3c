import { describe, expect, it } from 'vitest';
import { findIslands } from '../../src/powerflow/islands.ts';

describe('findIslands', () => {
  it('labels islands by lowest bus index and counts isolated buses', () => {
    // 0–1–2 and 3–4 connected; 5 isolated; branch 2–3 out of service.
    const from = Int32Array.of(1, 0, 4, 2);
    const to = Int32Array.of(2, 1, 3, 3);
    const inService = Uint8Array.of(1, 1, 1, 0);
    const { label, count, size } = findIslands(6, from, to, inService);
    expect(Array.from(label)).toEqual([0, 0, 0, 1, 1, 2]);
    expect(count).toBe(3);
    expect(Array.from(size)).toEqual([3, 2, 1]);
  });

  it('uses every branch when inService is omitted', () => {
    const { label, count } = findIslands(4, Int32Array.of(0, 2, 3), Int32Array.of(1, 3, 1));
    expect(count).toBe(1);
    expect(Array.from(label)).toEqual([0, 0, 0, 0]);
  });

  it('throws on branches outside the bus range', () => {
    expect(() => findIslands(2, Int32Array.of(0), Int32Array.of(2))).toThrow(/islands: branch 0/);
  });
});
