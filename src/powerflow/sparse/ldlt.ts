/**
 * Sparse LDLᵀ factorization P·A·Pᵀ = L·D·Lᵀ of a symmetric matrix (positive definite, or
 * quasi-definite with `allowIndefinite`), no pivoting, over typed arrays.
 *
 * Three phases, so callers can reuse the expensive parts:
 *  1. ordering   — approximate minimum degree (amd.ts) or the natural order;
 *  2. symbolic   — elimination tree and column counts of L (row-subtree traversal, O(|L|));
 *  3. numeric    — up-looking factorization, row k of L by a sparse triangular solve whose
 *                  pattern is the reach of row k's entries in the elimination tree (found on
 *                  the first numeric factorization with a symbolic analysis, then reused).
 * A factor then solves any number of right-hand sides (`solve`), and the symbolic analysis can
 * be reused for new values on the same pattern (`numericLdlt(A2, symbolic)`).
 *
 * A is read in CSR form with both triangles stored (see csr.ts); row perm[k] of A supplies
 * row k of the lower triangle of P·A·Pᵀ directly, so the permuted matrix is never formed.
 */
import { amdOrder, invertPermutation } from './amd.ts';
import type { CsrMatrix } from './csr.ts';

export type LdltOrdering = 'amd' | 'natural';

export interface LdltSymbolicOptions {
  /** Fill-reducing ordering. Default 'amd'. */
  ordering?: LdltOrdering;
}

export interface LdltNumericOptions {
  /** A pivot d_k is rejected when |d_k| ≤ pivotTolerance · |a_kk|. Default 1e-13. */
  pivotTolerance?: number;
  /** Accept negative pivots (quasi-definite matrices). Default false: require d_k > 0. */
  allowIndefinite?: boolean;
}

export type LdltOptions = LdltSymbolicOptions & LdltNumericOptions;

export const LDLT_DEFAULTS: Required<LdltOptions> = {
  ordering: 'amd',
  pivotTolerance: 1e-13,
  allowIndefinite: false,
};

/** The pattern-only part of the factorization; reusable for any matrix with the same pattern. */
export interface LdltSymbolic {
  readonly n: number;
  readonly ordering: LdltOrdering;
  /** perm[k] = original index of pivot k. */
  readonly perm: Int32Array;
  /** pinv[i] = pivot position of original index i. */
  readonly pinv: Int32Array;
  /** Elimination tree of P·A·Pᵀ: parent[k], or -1 for a root. */
  readonly parent: Int32Array;
  /** Number of entries of column k of L strictly below the diagonal. */
  readonly colCount: Int32Array;
  /** Length n+1: column k of L occupies colPtr[k] .. colPtr[k+1]-1. */
  readonly colPtr: Int32Array;
  /** Entries of L strictly below the diagonal. */
  readonly nnzL: number;
}

/**
 * Symbolic analysis: ordering, elimination tree and column counts of L.
 *
 * @example
 * const sym = symbolicLdlt(A);
 * const f1 = numericLdlt(A, sym);   // later, same pattern, new values:
 * const f2 = numericLdlt(A2, sym);
 */
export function symbolicLdlt(A: CsrMatrix, options: LdltSymbolicOptions = {}): LdltSymbolic {
  const ordering = options.ordering ?? LDLT_DEFAULTS.ordering;
  const { n, rowPtr, colIdx } = A;
  let perm: Int32Array;
  if (ordering === 'amd') perm = amdOrder(A);
  else if (ordering === 'natural') perm = Int32Array.from({ length: n }, (_, i) => i);
  else throw new Error(`ldlt: unknown ordering '${String(ordering)}'`);
  const pinv = invertPermutation(perm);

  const parent = new Int32Array(n).fill(-1);
  const colCount = new Int32Array(n);
  const flag = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    flag[k] = k;
    const row = perm[k];
    for (let q = rowPtr[row]; q < rowPtr[row + 1]; q++) {
      // Walk from i up the tree to the first node already visited for row k: every node on
      // the path gets an entry L(k, node), and a parentless node gets k as its parent.
      for (let i = pinv[colIdx[q]]; i < k && flag[i] !== k; i = parent[i]) {
        if (parent[i] === -1) parent[i] = k;
        colCount[i]++;
        flag[i] = k;
      }
    }
  }
  const colPtr = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) colPtr[k + 1] = colPtr[k] + colCount[k];
  return { n, ordering, perm, pinv, parent, colCount, colPtr, nnzL: colPtr[n] };
}

/** A numeric LDLᵀ factor of P·A·Pᵀ; solves A·x = b for many right-hand sides. */
export class LdltFactor {
  private readonly work: Float64Array;

  constructor(
    readonly symbolic: LdltSymbolic,
    /** Row index of each entry of L, column by column (same layout as symbolic.colPtr). */
    readonly rowIdx: Int32Array,
    /** Value of each entry of L (unit diagonal not stored). */
    readonly values: Float64Array,
    /** The diagonal D. */
    readonly d: Float64Array,
  ) {
    this.work = new Float64Array(symbolic.n);
  }

  get n(): number {
    return this.symbolic.n;
  }

  /**
   * Solves A·x = b. Writes into `out` when given (may be `b` itself). Allocation-free with `out`;
   * not re-entrant (uses an internal work vector).
   */
  solve(b: ArrayLike<number>, out?: Float64Array): Float64Array {
    const { n, perm, colPtr } = this.symbolic;
    if (b.length !== n) throw new RangeError(`ldlt: right-hand side length ${b.length} ≠ ${n}`);
    const Li = this.rowIdx;
    const Lx = this.values;
    const D = this.d;
    const x = this.work;
    for (let k = 0; k < n; k++) x[k] = b[perm[k]];
    for (let j = 0; j < n; j++) {
      const xj = x[j];
      if (xj === 0) continue;
      for (let q = colPtr[j]; q < colPtr[j + 1]; q++) x[Li[q]] -= Lx[q] * xj;
    }
    for (let j = 0; j < n; j++) x[j] /= D[j];
    for (let j = n - 1; j >= 0; j--) {
      let s = x[j];
      for (let q = colPtr[j]; q < colPtr[j + 1]; q++) s -= Lx[q] * x[Li[q]];
      x[j] = s;
    }
    const result = out ?? new Float64Array(n);
    for (let k = 0; k < n; k++) result[perm[k]] = x[k];
    return result;
  }
}

/**
 * Numeric factorization (up-looking LDLᵀ) of A with a symbolic analysis of the same pattern.
 * Throws if A has entries outside the analysed pattern or if a pivot is (numerically) zero,
 * or negative without `allowIndefinite`.
 */
export function numericLdlt(
  A: CsrMatrix,
  symbolic: LdltSymbolic,
  options: LdltNumericOptions = {},
): LdltFactor {
  const tol = options.pivotTolerance ?? LDLT_DEFAULTS.pivotTolerance;
  const allowIndefinite = options.allowIndefinite ?? LDLT_DEFAULTS.allowIndefinite;
  const { n, perm, pinv, colPtr } = symbolic;
  if (A.n !== n) throw new RangeError(`ldlt: matrix is ${A.n}×${A.n}, symbolic analysis is for ${n}×${n}`);
  const { rowStart, rowPattern, Li } = rowStructure(A, symbolic);
  const { rowPtr, colIdx, values } = A;
  const Lx = new Float64Array(symbolic.nnzL);
  const D = new Float64Array(n);
  const y = new Float64Array(n);
  const mark = new Int32Array(n).fill(-1);
  const fill = new Int32Array(n); // entries written so far in each column of L
  const mismatch = (): Error => new Error('ldlt: matrix pattern differs from the symbolic analysis');

  for (let k = 0; k < n; k++) {
    // Row k of L has the pattern found by the symbolic phase (in topological order): scatter
    // row k of the lower triangle of P·A·Pᵀ into y, checking every entry lies in it.
    const ps = rowStart[k];
    const pe = rowStart[k + 1];
    for (let p = ps; p < pe; p++) mark[rowPattern[p]] = k;
    mark[k] = k;
    let akk = 0;
    const row = perm[k];
    for (let q = rowPtr[row]; q < rowPtr[row + 1]; q++) {
      const i = pinv[colIdx[q]];
      if (i > k) continue;
      if (mark[i] !== k) throw mismatch();
      y[i] += values[q];
      if (i === k) akk += values[q];
    }
    let dk = y[k];
    y[k] = 0;
    for (let p = ps; p < pe; p++) {
      const i = rowPattern[p];
      const yi = y[i];
      y[i] = 0;
      const end = colPtr[i] + fill[i];
      for (let q = colPtr[i]; q < end; q++) y[Li[q]] -= Lx[q] * yi;
      const lki = yi / D[i];
      dk -= lki * yi;
      Lx[end] = lki;
      fill[i]++;
    }
    if (!Number.isFinite(dk) || Math.abs(dk) <= tol * Math.abs(akk) || (!allowIndefinite && dk <= 0)) {
      throw new Error(
        `ldlt: pivot ${dk} at row ${row} (pivot ${k} of ${n}): matrix is singular or not positive definite`,
      );
    }
    D[k] = dk;
  }
  return new LdltFactor(symbolic, Li, Lx, D);
}

interface RowStructure {
  /** Row k of L (strictly left of the diagonal): rowPattern[rowStart[k] .. rowStart[k+1]-1]. */
  rowStart: Int32Array;
  /** Column indices in topological order (each before its ancestors in the elimination tree). */
  rowPattern: Int32Array;
  /** Row index of each entry of L, column by column: the same for every numeric factorization. */
  Li: Int32Array;
}

const rowStructures = new WeakMap<LdltSymbolic, RowStructure>();

/**
 * The pattern of every row of L — the reach of row k's entries in the elimination tree — found
 * once per symbolic analysis, so repeated numeric factorizations (a cascade refactors every wave)
 * skip the tree walks.
 */
function rowStructure(A: CsrMatrix, symbolic: LdltSymbolic): RowStructure {
  const cached = rowStructures.get(symbolic);
  if (cached) return cached;
  const { n, perm, pinv, parent, colPtr, nnzL } = symbolic;
  const { rowPtr, colIdx } = A;
  const rowStart = new Int32Array(n + 1);
  const rowPattern = new Int32Array(nnzL);
  const Li = new Int32Array(nnzL);
  const fill = new Int32Array(n);
  const flag = new Int32Array(n).fill(-1);
  const stack = new Int32Array(n);
  let at = 0;
  for (let k = 0; k < n; k++) {
    rowStart[k] = at;
    flag[k] = k;
    let top = n;
    const row = perm[k];
    for (let q = rowPtr[row]; q < rowPtr[row + 1]; q++) {
      let i = pinv[colIdx[q]];
      if (i > k) continue;
      let len = 0;
      for (; flag[i] !== k; i = parent[i]) {
        if (i < 0) throw new Error('ldlt: matrix pattern differs from the symbolic analysis');
        stack[len++] = i;
        flag[i] = k;
      }
      // Prepend this path (reversed back) so the whole list stays topologically ordered.
      while (len > 0) stack[--top] = stack[--len];
    }
    if (at + (n - top) > nnzL) throw new Error('ldlt: matrix pattern differs from the symbolic analysis');
    for (let t = top; t < n; t++) {
      const i = stack[t];
      rowPattern[at++] = i;
      Li[colPtr[i] + fill[i]++] = k;
    }
  }
  rowStart[n] = at;
  const structure = { rowStart, rowPattern, Li };
  rowStructures.set(symbolic, structure);
  return structure;
}

/** Ordering, symbolic analysis and numeric factorization in one call. */
export function factorLdlt(A: CsrMatrix, options: LdltOptions = {}): LdltFactor {
  return numericLdlt(A, symbolicLdlt(A, options), options);
}
