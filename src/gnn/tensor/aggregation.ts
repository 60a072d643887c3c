/**
 * Neighbour aggregation as a sparse operator built once per graph. The mean over incoming edges,
 * out[d] = Σ_{e: dst[e] = d} X[src[e]] / indegree(d), equals Â·X with Â in CSR (row d holds
 * 1/indegree(d) at each source). Through `sparseMatmul` this gathers and reduces in one pass, in
 * both directions, without the edges×features intermediate that gatherRows → segmentMean builds.
 */
import { checkIndex } from './gather-scatter.ts';
import { sparseOperator, type SparseOperator } from './sparse-matmul.ts';

export type Aggregation = 'mean' | 'sum';

/**
 * The operator mapping node rows [nodes × f] to the aggregate over each node's incoming edges
 * (src[e] → dst[e]). Nodes with no incoming edge get 0. Parallel edges count once each.
 */
export function neighborAggregationOperator(
  src: Int32Array,
  dst: Int32Array,
  nodes: number,
  aggregation: Aggregation = 'mean',
): SparseOperator {
  if (src.length !== dst.length)
    throw new Error('gnn/tensor neighborAggregationOperator: src and dst lengths differ');
  checkIndex('neighborAggregationOperator', src, nodes);
  checkIndex('neighborAggregationOperator', dst, nodes);
  const rowPtr = new Int32Array(nodes + 1);
  for (let e = 0; e < dst.length; e++) rowPtr[dst[e] + 1]++;
  for (let d = 0; d < nodes; d++) rowPtr[d + 1] += rowPtr[d];
  const next = rowPtr.slice(0, nodes);
  const colIdx = new Int32Array(dst.length);
  const values = new Float32Array(dst.length);
  for (let e = 0; e < dst.length; e++) {
    const d = dst[e];
    const q = next[d]++;
    colIdx[q] = src[e];
    values[q] = aggregation === 'mean' ? 1 / (rowPtr[d + 1] - rowPtr[d]) : 1;
  }
  return sparseOperator({ rows: nodes, cols: nodes, rowPtr, colIdx, values });
}
