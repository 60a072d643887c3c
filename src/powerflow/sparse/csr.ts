/**
 * Compressed sparse row (CSR) matrices over typed arrays.
 *
 * Row i holds its entries at positions rowPtr[i] .. rowPtr[i+1]-1 of colIdx/values, with
 * column indices strictly increasing (sorted, no duplicates). Symmetric matrices are stored
 * with BOTH triangles, which is what the LDLᵀ factorization and the orderings read.
 */

/** An n×n sparse matrix in CSR form; column indices sorted and unique within each row. */
export interface CsrMatrix {
  readonly n: number;
  /** Length n+1; row i spans rowPtr[i] .. rowPtr[i+1]-1. */
  readonly rowPtr: Int32Array;
  /** Length nnz; column index of each stored entry. */
  readonly colIdx: Int32Array;
  /** Length nnz; value of each stored entry. */
  readonly values: Float64Array;
}

function checkIndex(n: number, i: number, what: string): void {
  if (!Number.isInteger(i) || i < 0 || i >= n) {
    throw new RangeError(`csr: ${what} index ${i} out of range [0, ${n})`);
  }
}

/**
 * Builds an n×n CSR matrix from the first `count` triplets (rows[k], cols[k], vals[k]),
 * summing duplicates. Entries that sum to exactly zero are kept (the pattern is structural).
 * Runs in O(n + count) with two counting sorts (by column, then stable by row).
 *
 * @example
 * const A = csrFromTriplets(2, [0, 1, 0, 0], [0, 1, 1, 1], [4, 5, 1, 2]); // A[0][1] = 3
 */
export function csrFromTriplets(
  n: number,
  rows: ArrayLike<number>,
  cols: ArrayLike<number>,
  vals: ArrayLike<number>,
  count: number = rows.length,
): CsrMatrix {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`csr: invalid dimension ${n}`);
  if (cols.length < count || vals.length < count || rows.length < count) {
    throw new RangeError(`csr: triplet arrays shorter than count ${count}`);
  }
  // 1) Counting sort by column into (tRow, tVal) — keeps a column-major order.
  const colCount = new Int32Array(n + 1);
  for (let k = 0; k < count; k++) {
    checkIndex(n, rows[k], 'row');
    checkIndex(n, cols[k], 'column');
    colCount[cols[k] + 1]++;
  }
  for (let j = 0; j < n; j++) colCount[j + 1] += colCount[j];
  const tRow = new Int32Array(count);
  const tCol = new Int32Array(count);
  const tVal = new Float64Array(count);
  const cursor = colCount.slice(0, n);
  for (let k = 0; k < count; k++) {
    const q = cursor[cols[k]]++;
    tRow[q] = rows[k];
    tCol[q] = cols[k];
    tVal[q] = vals[k];
  }
  // 2) Stable counting sort by row: columns come out ascending within each row.
  const rowPtr = new Int32Array(n + 1);
  for (let q = 0; q < count; q++) rowPtr[tRow[q] + 1]++;
  for (let i = 0; i < n; i++) rowPtr[i + 1] += rowPtr[i];
  const sCol = new Int32Array(count);
  const sVal = new Float64Array(count);
  const rowCursor = rowPtr.slice(0, n);
  for (let q = 0; q < count; q++) {
    const dst = rowCursor[tRow[q]]++;
    sCol[dst] = tCol[q];
    sVal[dst] = tVal[q];
  }
  // 3) Sum duplicates (adjacent after sorting) and compact in place.
  let nnz = 0;
  for (let i = 0; i < n; i++) {
    const start = rowPtr[i];
    const end = rowPtr[i + 1];
    rowPtr[i] = nnz;
    for (let q = start; q < end; q++) {
      if (nnz > rowPtr[i] && sCol[nnz - 1] === sCol[q]) {
        sVal[nnz - 1] += sVal[q];
      } else {
        sCol[nnz] = sCol[q];
        sVal[nnz] = sVal[q];
        nnz++;
      }
    }
  }
  rowPtr[n] = nnz;
  return { n, rowPtr, colIdx: sCol.slice(0, nnz), values: sVal.slice(0, nnz) };
}

/**
 * Accumulates the entries of a symmetric n×n matrix and builds its CSR form (both triangles).
 * `add(i, j, v)` adds v to A[i][j] and, when i ≠ j, also to A[j][i]; duplicates are summed.
 *
 * @example
 * const b = new SymmetricCsrBuilder(2);
 * b.add(0, 0, 10); b.add(1, 1, 10); b.add(0, 1, -10);
 * const A = b.build(); // [[10, -10], [-10, 10]]
 */
export class SymmetricCsrBuilder {
  private rows: Int32Array;
  private cols: Int32Array;
  private vals: Float64Array;
  private size = 0;

  constructor(
    readonly n: number,
    capacity = 16,
  ) {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`csr: invalid dimension ${n}`);
    const cap = Math.max(4, capacity | 0);
    this.rows = new Int32Array(cap);
    this.cols = new Int32Array(cap);
    this.vals = new Float64Array(cap);
  }

  /** Adds `value` to A[i][j] and, for i ≠ j, to A[j][i]. */
  add(i: number, j: number, value: number): void {
    checkIndex(this.n, i, 'row');
    checkIndex(this.n, j, 'column');
    this.push(i, j, value);
    if (i !== j) this.push(j, i, value);
  }

  /** Number of triplets stored so far (off-diagonal entries count twice). */
  get tripletCount(): number {
    return this.size;
  }

  /** Builds the CSR matrix (both triangles, duplicates summed). The builder stays usable. */
  build(): CsrMatrix {
    return csrFromTriplets(this.n, this.rows, this.cols, this.vals, this.size);
  }

  private push(i: number, j: number, value: number): void {
    if (this.size === this.rows.length) {
      const cap = this.rows.length * 2;
      const rows = new Int32Array(cap);
      const cols = new Int32Array(cap);
      const vals = new Float64Array(cap);
      rows.set(this.rows);
      cols.set(this.cols);
      vals.set(this.vals);
      this.rows = rows;
      this.cols = cols;
      this.vals = vals;
    }
    this.rows[this.size] = i;
    this.cols[this.size] = j;
    this.vals[this.size] = value;
    this.size++;
  }
}

/** y = A·x. Writes into `out` when given (must not alias x). */
export function csrMultiply(A: CsrMatrix, x: ArrayLike<number>, out?: Float64Array): Float64Array {
  const { n, rowPtr, colIdx, values } = A;
  const y = out ?? new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let q = rowPtr[i]; q < rowPtr[i + 1]; q++) s += values[q] * x[colIdx[q]];
    y[i] = s;
  }
  return y;
}

/**
 * The principal submatrix keeping the rows/columns i with newIndex[i] ≥ 0, renumbered to
 * newIndex[i] in [0, nNew). Order within rows stays sorted when newIndex is increasing.
 */
export function csrPrincipalSubmatrix(A: CsrMatrix, newIndex: Int32Array, nNew: number): CsrMatrix {
  const { n, rowPtr, colIdx, values } = A;
  if (newIndex.length !== n) throw new RangeError(`csr: newIndex length ${newIndex.length} ≠ n ${n}`);
  const rows: number[] = [];
  const cols: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < n; i++) {
    const ni = newIndex[i];
    if (ni < 0) continue;
    for (let q = rowPtr[i]; q < rowPtr[i + 1]; q++) {
      const nj = newIndex[colIdx[q]];
      if (nj < 0) continue;
      rows.push(ni);
      cols.push(nj);
      vals.push(values[q]);
    }
  }
  return csrFromTriplets(nNew, rows, cols, vals);
}
