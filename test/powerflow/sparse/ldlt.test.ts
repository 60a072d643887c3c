import { describe, expect, it } from 'vitest';
import { amdOrder, invertPermutation } from '../../../src/powerflow/sparse/amd.ts';
import { csrMultiply, SymmetricCsrBuilder, type CsrMatrix } from '../../../src/powerflow/sparse/csr.ts';
import { factorLdlt, numericLdlt, symbolicLdlt } from '../../../src/powerflow/sparse/ldlt.ts';
import { mulberry32 } from '../test-networks.ts';

function toDense(A: CsrMatrix): Float64Array[] {
  const D = Array.from({ length: A.n }, () => new Float64Array(A.n));
  for (let i = 0; i < A.n; i++) {
    for (let q = A.rowPtr[i]; q < A.rowPtr[i + 1]; q++) D[i][A.colIdx[q]] = A.values[q];
  }
  return D;
}

/** Dense Gaussian elimination with partial pivoting (reference solver). */
function denseSolve(M: Float64Array[], b: Float64Array): Float64Array {
  const n = b.length;
  const a = M.map((row) => Float64Array.from(row));
  const x = Float64Array.from(b);
  for (let k = 0; k < n; k++) {
    let piv = k;
    for (let i = k + 1; i < n; i++) if (Math.abs(a[i][k]) > Math.abs(a[piv][k])) piv = i;
    [a[k], a[piv]] = [a[piv], a[k]];
    [x[k], x[piv]] = [x[piv], x[k]];
    for (let i = k + 1; i < n; i++) {
      const f = a[i][k] / a[k][k];
      if (f === 0) continue;
      for (let j = k; j < n; j++) a[i][j] -= f * a[k][j];
      x[i] -= f * x[k];
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i];
    for (let j = i + 1; j < n; j++) s -= a[i][j] * x[j];
    x[i] = s / a[i][i];
  }
  return x;
}

/** Random sparse SPD matrix: diagonally dominant with random signs off the diagonal. */
function randomDominant(n: number, density: number, rand: () => number): CsrMatrix {
  const b = new SymmetricCsrBuilder(n);
  const rowSum = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (rand() >= density) continue;
      const v = rand() * 2 - 1;
      b.add(i, j, v);
      rowSum[i] += Math.abs(v);
      rowSum[j] += Math.abs(v);
    }
  }
  for (let i = 0; i < n; i++) b.add(i, i, rowSum[i] + 0.1 + rand());
  return b.build();
}

/** Random sparse SPD matrix MᵀM + 0.01·I with M sparse (not diagonally dominant). */
function randomGram(n: number, perRow: number, rand: () => number): CsrMatrix {
  const M = Array.from({ length: n }, () => new Float64Array(n));
  for (let r = 0; r < n; r++) {
    M[r][r] = 1;
    for (let t = 0; t < perRow; t++) M[r][Math.floor(rand() * n)] += rand() * 4 - 2;
  }
  const b = new SymmetricCsrBuilder(n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = i === j ? 0.01 : 0;
      for (let r = 0; r < n; r++) s += M[r][i] * M[r][j];
      if (s !== 0) b.add(i, j, s);
    }
  }
  return b.build();
}

/** 2D grid Laplacian (5-point) on nx × ny nodes plus `shift` on the diagonal. */
function gridLaplacian(nx: number, ny: number, shift: number): CsrMatrix {
  const n = nx * ny;
  const b = new SymmetricCsrBuilder(n, 5 * n);
  for (let y = 0; y < ny; y++) {
    for (let x = 0; x < nx; x++) {
      const i = y * nx + x;
      b.add(i, i, shift);
      for (const j of [x + 1 < nx ? i + 1 : -1, y + 1 < ny ? i + nx : -1]) {
        if (j < 0) continue;
        b.add(i, i, 1);
        b.add(j, j, 1);
        b.add(i, j, -1);
      }
    }
  }
  return b.build();
}

function maxAbsDiff(a: Float64Array, b: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

function randomVector(n: number, rand: () => number): Float64Array {
  return Float64Array.from({ length: n }, () => rand() * 2 - 1);
}

describe('amdOrder', () => {
  it('returns a permutation and reduces fill well below the natural order on a grid', () => {
    const A = gridLaplacian(60, 60, 0.01);
    const perm = amdOrder(A);
    expect(() => invertPermutation(perm)).not.toThrow();
    const amd = symbolicLdlt(A, { ordering: 'amd' }).nnzL;
    const natural = symbolicLdlt(A, { ordering: 'natural' }).nnzL;
    // Natural order on a 60×60 grid has bandwidth 60: ≈ 60·3600 entries in L.
    expect(natural).toBeGreaterThan(200_000);
    expect(amd).toBeLessThan(natural / 3);
  });

  it('orders the isolated nodes and a star (hub last) sensibly', () => {
    const b = new SymmetricCsrBuilder(6);
    for (let i = 1; i < 5; i++) b.add(0, i, -1);
    for (let i = 0; i < 6; i++) b.add(i, i, 5);
    const perm = amdOrder(b.build());
    expect(Array.from(perm).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    // The hub must not come before its leaves are gone: no fill at all.
    expect(symbolicLdlt(b.build()).nnzL).toBe(4);
  });
});

describe('LDLᵀ factorization', () => {
  it('matches dense solves on random diagonally dominant SPD matrices', () => {
    const rand = mulberry32(20240501);
    for (let trial = 0; trial < 20; trial++) {
      const n = 5 + Math.floor(rand() * 60);
      const A = randomDominant(n, 0.02 + rand() * 0.2, rand);
      const b = randomVector(n, rand);
      const expected = denseSolve(toDense(A), b);
      for (const ordering of ['amd', 'natural'] as const) {
        const x = factorLdlt(A, { ordering }).solve(b);
        expect(maxAbsDiff(x, expected)).toBeLessThan(1e-10);
      }
    }
  });

  it('matches dense solves on random sparse Gram (MᵀM) SPD matrices', () => {
    const rand = mulberry32(7);
    for (let trial = 0; trial < 10; trial++) {
      const n = 10 + Math.floor(rand() * 50);
      const A = randomGram(n, 2, rand);
      const b = randomVector(n, rand);
      const expected = denseSolve(toDense(A), b);
      const x = factorLdlt(A).solve(b);
      const scale = Math.max(1, ...Array.from(expected, Math.abs));
      expect(maxAbsDiff(x, expected) / scale).toBeLessThan(1e-8);
    }
  });

  it('reuses one factor for many right-hand sides, and one analysis for new values', () => {
    const rand = mulberry32(99);
    const A = randomDominant(40, 0.1, rand);
    const sym = symbolicLdlt(A);
    const factor = numericLdlt(A, sym);
    const out = new Float64Array(40);
    for (let r = 0; r < 5; r++) {
      const b = randomVector(40, rand);
      factor.solve(b, out);
      expect(maxAbsDiff(out, denseSolve(toDense(A), b))).toBeLessThan(1e-10);
    }
    // Same pattern, new values: halve the off-diagonal entries (still symmetric and SPD).
    const values = A.values.slice();
    for (let i = 0; i < A.n; i++) {
      for (let q = A.rowPtr[i]; q < A.rowPtr[i + 1]; q++) if (A.colIdx[q] !== i) values[q] *= 0.5;
    }
    const A2 = { ...A, values };
    const b = randomVector(40, rand);
    const x = numericLdlt(A2, sym).solve(b);
    expect(maxAbsDiff(x, denseSolve(toDense(A2), b))).toBeLessThan(1e-10);
    expect(maxAbsDiff(x, denseSolve(toDense(A), b))).toBeGreaterThan(1e-3);
  });

  it('solves in place (out = b)', () => {
    const A = gridLaplacian(5, 4, 1);
    const b = randomVector(20, mulberry32(3));
    const expected = denseSolve(toDense(A), b);
    const f = factorLdlt(A);
    expect(f.solve(b, b)).toBe(b);
    expect(maxAbsDiff(b, expected)).toBeLessThan(1e-12);
  });

  it('solves a 10,000-unknown 2D grid Laplacian + diagonal to a known solution', () => {
    const A = gridLaplacian(100, 100, 0.05);
    const xTrue = randomVector(A.n, mulberry32(42));
    const b = csrMultiply(A, xTrue);
    const factor = factorLdlt(A);
    const x = factor.solve(b);
    expect(maxAbsDiff(x, xTrue)).toBeLessThan(1e-9);
    const residual = csrMultiply(A, x);
    expect(maxAbsDiff(residual, b)).toBeLessThan(1e-10);
    expect(factor.symbolic.nnzL).toBeLessThan(400_000); // natural order would need ≈ 1,000,000
  });

  it('throws on singular and indefinite matrices', () => {
    const singular = gridLaplacian(4, 4, 0); // a pure Laplacian: constant null vector
    expect(() => factorLdlt(singular)).toThrow(/ldlt: pivot .* singular/);
    const b = new SymmetricCsrBuilder(2);
    b.add(0, 0, 1);
    b.add(1, 1, -1);
    expect(() => factorLdlt(b.build())).toThrow(/not positive definite/);
    const x = factorLdlt(b.build(), { allowIndefinite: true }).solve([2, 3]);
    expect(Array.from(x)).toEqual([2, -3]);
  });

  it('rejects a matrix whose pattern differs from the analysis', () => {
    const diag = new SymmetricCsrBuilder(3);
    for (let i = 0; i < 3; i++) diag.add(i, i, 2);
    const sym = symbolicLdlt(diag.build());
    const full = new SymmetricCsrBuilder(3);
    for (let i = 0; i < 3; i++) full.add(i, i, 2);
    full.add(0, 2, 1);
    expect(() => numericLdlt(full.build(), sym)).toThrow(/pattern differs/);
  });
});
