/** Shared by the power-flow tests: a seeded PRNG and a compact way to write small DC networks. */
import type { DcBranchData } from '../../src/powerflow/make-bdc.ts';

/** Tiny seeded PRNG (mulberry32), uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Branch = [
  from: number,
  to: number,
  x_pu: number,
  extra?: { tap?: number; shift_deg?: number; out?: boolean },
];

/** Branch data of `nBus` buses from [from, to, x_pu, {tap, shift_deg, out}] rows. */
export function grid(nBus: number, branches: Branch[]): DcBranchData {
  return {
    nBus,
    branchFrom: Int32Array.from(branches, (b) => b[0]),
    branchTo: Int32Array.from(branches, (b) => b[1]),
    x_pu: Float64Array.from(branches, (b) => b[2]),
    tap: Float64Array.from(branches, (b) => b[3]?.tap ?? 0),
    shift_deg: Float64Array.from(branches, (b) => b[3]?.shift_deg ?? 0),
    inService: Uint8Array.from(branches, (b) => (b[3]?.out ? 0 : 1)),
  };
}
