/** CSR products at sizes that take the WASM SIMD path, against a float64 loop over the edges. */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/generator/rng.ts';
import {
  constant,
  csrTranspose,
  gatherRows,
  neighborAggregationOperator,
  segmentMean,
  sparseMatmul,
  sum,
  type CsrMatrix,
} from '../../../src/gnn/tensor/index.ts';
import { csrMultiplyInto } from '../../../src/gnn/tensor/sparse-matmul.ts';

function randomCsr(rows: number, cols: number, nnz: number, rng: Rng): CsrMatrix {
  const r = Int32Array.from({ length: nnz }, () => rng.int(rows)).sort();
  const rowPtr = new Int32Array(rows + 1);
  for (const v of r) rowPtr[v + 1]++;
  for (let i = 0; i < rows; i++) rowPtr[i + 1] += rowPtr[i];
  const colIdx = Int32Array.from({ length: nnz }, () => rng.int(cols));
  const values = Float32Array.from({ length: nnz }, () => rng.range(-1, 1));
  return { rows, cols, rowPtr, colIdx, values };
}

describe('sparse products on the SIMD path (n % 32 = 0, ≥ 2¹⁵ multiply-adds)', () => {
  it('out += S·X matches float64 to 1e-5 for widths 32, 64 and 96, with empty rows', () => {
    const rng = new Rng(11, 'sparse');
    for (const n of [32, 64, 96]) {
      const s = randomCsr(300, 200, 1500, rng);
      const x = Float32Array.from({ length: 200 * n }, () => rng.range(-1, 1));
      const out = new Float32Array(300 * n).fill(0.5);
      csrMultiplyInto(s, x, n, out);
      let worst = 0;
      for (let r = 0; r < s.rows; r++) {
        for (let j = 0; j < n; j++) {
          let ref = 0.5;
          for (let p = s.rowPtr[r]; p < s.rowPtr[r + 1]; p++) ref += s.values[p] * x[s.colIdx[p] * n + j];
          worst = Math.max(worst, Math.abs(out[r * n + j] - ref));
        }
      }
      expect(worst).toBeLessThan(1e-5);
    }
  });

  it('neighbour mean via CSR equals gather → segmentMean at 2,000 nodes × 64, gradients included', () => {
    const rng = new Rng(12, 'mean');
    const nodes = 2000;
    const src = Int32Array.from({ length: 8000 }, () => rng.int(nodes));
    const dst = Int32Array.from({ length: 8000 }, () => rng.int(nodes));
    const x = constant(nodes, 64);
    for (let i = 0; i < x.size; i++) x.data[i] = rng.range(-1, 1);
    x.requiresGrad = true;
    const op = neighborAggregationOperator(src, dst, nodes);
    // Transposing twice gives the same matrix (entries within a row may be reordered).
    expect(csrTranspose(op.transpose).rowPtr).toEqual(op.matrix.rowPtr);
    const fused = sparseMatmul(op, x);
    sum(fused).backward();
    const fusedGrad = Float32Array.from(x.grad ?? []);
    x.grad = null;
    const unfused = segmentMean(gatherRows(x, src), dst, nodes);
    sum(unfused).backward();
    let worst = 0;
    for (let i = 0; i < fused.size; i++) worst = Math.max(worst, Math.abs(fused.data[i] - unfused.data[i]));
    for (let i = 0; i < x.size; i++) worst = Math.max(worst, Math.abs(fusedGrad[i] - (x.grad?.[i] ?? NaN)));
    expect(worst).toBeLessThan(1e-5);
  });
});
