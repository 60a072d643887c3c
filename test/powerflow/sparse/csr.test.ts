import { describe, expect, it } from 'vitest';
import {
  csrFromTriplets,
  csrMultiply,
  csrPrincipalSubmatrix,
  SymmetricCsrBuilder,
  type CsrMatrix,
} from '../../../src/powerflow/sparse/csr.ts';

function toDense(A: CsrMatrix): number[][] {
  const D = Array.from({ length: A.n }, () => new Array<number>(A.n).fill(0));
  for (let i = 0; i < A.n; i++) {
    for (let q = A.rowPtr[i]; q < A.rowPtr[i + 1]; q++) D[i][A.colIdx[q]] = A.values[q];
  }
  return D;
}

describe('csrFromTriplets', () => {
  it('sorts columns within rows and sums duplicates', () => {
    const A = csrFromTriplets(3, [2, 0, 0, 2, 0, 1], [0, 2, 1, 0, 1, 1], [1, 2, 3, 4, 5, 6]);
    expect(Array.from(A.rowPtr)).toEqual([0, 2, 3, 4]);
    expect(Array.from(A.colIdx)).toEqual([1, 2, 1, 0]);
    expect(Array.from(A.values)).toEqual([8, 2, 6, 5]);
  });

  it('handles empty rows and an empty matrix', () => {
    const A = csrFromTriplets(3, [2], [2], [7]);
    expect(Array.from(A.rowPtr)).toEqual([0, 0, 0, 1]);
    expect(csrFromTriplets(0, [], [], []).rowPtr.length).toBe(1);
  });

  it('rejects out-of-range indices', () => {
    expect(() => csrFromTriplets(2, [0], [2], [1])).toThrow(/csr: column index 2/);
  });
});

describe('SymmetricCsrBuilder', () => {
  it('mirrors off-diagonal entries and grows past its capacity', () => {
    const b = new SymmetricCsrBuilder(3, 1);
    b.add(0, 0, 10);
    b.add(1, 1, 10);
    b.add(0, 1, -10);
    b.add(1, 2, -1);
    b.add(2, 1, -1);
    b.add(2, 2, 2);
    expect(toDense(b.build())).toEqual([
      [10, -10, 0],
      [-10, 10, -2],
      [0, -2, 2],
    ]);
  });
});

describe('csrMultiply and csrPrincipalSubmatrix', () => {
  it('multiplies and extracts a renumbered principal submatrix', () => {
    const b = new SymmetricCsrBuilder(3);
    b.add(0, 0, 4);
    b.add(1, 1, 5);
    b.add(2, 2, 6);
    b.add(0, 2, 1);
    const A = b.build();
    expect(Array.from(csrMultiply(A, [1, 2, 3]))).toEqual([7, 10, 19]);
    const S = csrPrincipalSubmatrix(A, Int32Array.of(0, -1, 1), 2);
    expect(toDense(S)).toEqual([
      [4, 1],
      [1, 6],
    ]);
  });
});
