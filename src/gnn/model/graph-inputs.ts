/**
 * The parts of the model's input fixed by the grid: directed edges (sorted by destination) with
 * each edge's category (its attachment kind and whether it points downstream), each node's
 * inverse in-degree for mean aggregation, and the symmetric-normalized adjacency with self-loops
 * the GCN baseline propagates with, D^-1/2 (A + I) D^-1/2 (Kipf & Welling 2017).
 *
 * `hopSubgraph` cuts the L-hop neighbourhood of some nodes out of it, keeping full-graph degrees:
 * after L layers those nodes' outputs are exactly what the whole graph gives, at a fraction of
 * the cost, so training steps run on small batches of labelled assets.
 */
import { EDGE_KINDS, type AssetGraph } from '../graph/asset-graph.ts';
import { inverseSegmentCounts, sparseOperator, type SparseOperator } from '../tensor/index.ts';

export interface GraphInputs {
  nodeCount: number;
  src: Int32Array;
  dst: Int32Array;
  /** Per edge: kind × 2 + (1 if it points downstream). */
  edgeCategory: Int32Array;
  inverseInDegree: Float32Array;
  gcn: SparseOperator;
  /** Global node of each local node (identity for a whole graph). */
  nodes: Int32Array;
}

export const EDGE_CATEGORY_COUNT = EDGE_KINDS.length * 2;

/** The whole grid. */
export function graphInputs(graph: AssetGraph): GraphInputs {
  const m = graph.src.length;
  const edgeCategory = new Int32Array(m);
  for (let k = 0; k < m; k++) edgeCategory[k] = graph.kind[k] * 2 + graph.downstream[k];
  const nodes = new Int32Array(graph.nodeCount);
  for (let v = 0; v < nodes.length; v++) nodes[v] = v;
  const degree = inDegreeWithSelf(graph.dst, graph.nodeCount);
  return assemble(nodes, graph.src, graph.dst, edgeCategory, degree);
}

function inDegreeWithSelf(dst: Int32Array, n: number): Float64Array {
  const degree = new Float64Array(n).fill(1);
  for (let k = 0; k < dst.length; k++) degree[dst[k]]++;
  return degree;
}

function assemble(
  nodes: Int32Array,
  src: Int32Array,
  dst: Int32Array,
  edgeCategory: Int32Array,
  degree: Float64Array,
): GraphInputs {
  const n = nodes.length;
  const rowPtr = new Int32Array(n + 1);
  for (let k = 0; k < dst.length; k++) rowPtr[dst[k] + 1]++;
  for (let v = 0; v < n; v++) rowPtr[v + 1] += rowPtr[v] + 1;
  const colIdx = new Int32Array(rowPtr[n]);
  const values = new Float32Array(rowPtr[n]);
  const next = rowPtr.slice(0, n);
  for (let v = 0; v < n; v++) {
    colIdx[next[v]] = v;
    values[next[v]++] = 1 / degree[v];
  }
  for (let k = 0; k < dst.length; k++) {
    const q = next[dst[k]]++;
    colIdx[q] = src[k];
    values[q] = 1 / Math.sqrt(degree[dst[k]] * degree[src[k]]);
  }
  return {
    nodeCount: n,
    src,
    dst,
    edgeCategory,
    inverseInDegree: inverseSegmentCounts(dst, n),
    gcn: sparseOperator({ rows: n, cols: n, rowPtr, colIdx, values }),
    nodes,
  };
}

export interface HopSubgraph {
  inputs: GraphInputs;
  /** Local index of each seed. */
  seedLocal: Int32Array;
}

/**
 * The nodes within `hops` of the seeds and every edge among them. Degrees (for the mean and the
 * GCN normalization) are the whole graph's, so seeds get exactly their whole-graph outputs.
 */
export function hopSubgraph(
  whole: GraphInputs,
  graph: AssetGraph,
  seeds: Int32Array,
  hops: number,
): HopSubgraph {
  const local = new Int32Array(graph.nodeCount).fill(-1);
  const order: number[] = [];
  for (const s of seeds)
    if (local[s] < 0) {
      local[s] = order.length;
      order.push(s);
    }
  let frontierStart = 0;
  for (let h = 0; h < hops; h++) {
    const frontierEnd = order.length;
    for (let i = frontierStart; i < frontierEnd; i++) {
      const v = order[i];
      for (let k = graph.dstStart[v]; k < graph.dstStart[v + 1]; k++) {
        const u = graph.src[k];
        if (local[u] < 0) {
          local[u] = order.length;
          order.push(u);
        }
      }
    }
    frontierStart = frontierEnd;
  }
  // Edges among the kept nodes, sorted by local destination.
  const src: number[] = [];
  const dst: number[] = [];
  const cat: number[] = [];
  for (let lv = 0; lv < order.length; lv++) {
    const v = order[lv];
    for (let k = graph.dstStart[v]; k < graph.dstStart[v + 1]; k++) {
      const lu = local[graph.src[k]];
      if (lu < 0) continue;
      src.push(lu);
      dst.push(lv);
      cat.push(whole.edgeCategory[k]);
    }
  }
  const fullDegree = new Float64Array(order.length);
  for (let lv = 0; lv < order.length; lv++) {
    const v = order[lv];
    fullDegree[lv] = 1 + graph.dstStart[v + 1] - graph.dstStart[v];
  }
  const inputs = assemble(
    Int32Array.from(order),
    Int32Array.from(src),
    Int32Array.from(dst),
    Int32Array.from(cat),
    fullDegree,
  );
  // Mean aggregation by whole-graph in-degree, so boundary nodes' partial sums are not rescaled.
  for (let lv = 0; lv < order.length; lv++)
    inputs.inverseInDegree[lv] = fullDegree[lv] > 1 ? 1 / (fullDegree[lv] - 1) : 0;
  return { inputs, seedLocal: Int32Array.from(seeds, (s) => local[s]) };
}
