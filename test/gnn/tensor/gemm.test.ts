import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/generator/rng.ts';
import { gemmNN, gemmNT, gemmTN, transposeInto } from '../../../src/gnn/tensor/index.ts';
import { wasmKernels } from '../../../src/gnn/tensor/wasm-kernels.ts';

function random(n: number, rng: Rng): Float32Array {
  return Float32Array.from({ length: n }, () => rng.range(-1, 1));
}

/** Float64 triple loop: the reference. */
function naive(a: Float32Array, b: Float32Array, m: number, k: number, n: number): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * k + p] * b[p * n + j];
      c[i * n + j] = s;
    }
  return c;
}

function maxDiff(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < x.length; i++) d = Math.max(d, Math.abs(x[i] - y[i]));
  return d;
}

describe('gemm kernels', () => {
  it('the WASM SIMD kernels compile on this Node (else the large shapes below test only JS)', () => {
    expect(wasmKernels()).not.toBeNull();
  });

  // Sizes not divisible by the unroll factor of 4 exercise the remainder loops.
  const shapes: [number, number, number][] = [
    [1, 1, 1],
    [7, 5, 3],
    [13, 9, 6],
    [33, 130, 17],
    // Large enough for the WASM SIMD kernels (m·k·n ≥ 2¹⁵, n % 8 = 0), with leftover rows.
    [36, 130, 24],
    [37, 64, 16],
    [203, 33, 8],
  ];
  for (const [m, k, n] of shapes) {
    it(`NN, NT and TN agree with a float64 triple loop at ${m}×${k}·${k}×${n} to 1e-5`, () => {
      const rng = new Rng(7, `${m}-${k}-${n}`);
      const a = random(m * k, rng);
      const b = random(k * n, rng);
      const ref = naive(a, b, m, k, n);
      // Overwrite mode must ignore what C held before.
      const c = new Float32Array(m * n).fill(7);
      gemmNN(a, b, c, m, k, n);
      expect(maxDiff(c, ref)).toBeLessThan(1e-5 * k);

      const bt = transposeInto(b, k, n, new Float32Array(k * n));
      const c2 = new Float32Array(m * n).fill(1);
      gemmNT(a, bt, c2, m, k, n, true);
      expect(
        maxDiff(
          c2,
          Array.from(ref, (v) => v + 1),
        ),
      ).toBeLessThan(1e-5 * k);

      // Aᵀ·B with A = aᵀ stored as [k×m]: compare C[m×n] = (aᵀ)ᵀ·b.
      const at = transposeInto(a, m, k, new Float32Array(m * k));
      const c3 = new Float32Array(m * n).fill(7);
      gemmTN(at, b, c3, k, m, n);
      expect(maxDiff(c3, ref)).toBeLessThan(1e-5 * k);
      const c4 = new Float32Array(m * n).fill(1);
      gemmTN(at, b, c4, k, m, n, true);
      expect(
        maxDiff(
          c4,
          Array.from(ref, (v) => v + 1),
        ),
      ).toBeLessThan(1e-5 * k);
    });
  }
});
