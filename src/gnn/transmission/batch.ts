/**
 * Several examples as one disjoint graph: node, edge and graph rows stacked, edge endpoints
 * offset by the nodes before them, and each node's and edge's example index for pooling. Also
 * the GCN's normalized adjacency D^-½ (A + I) D^-½ of the whole batch.
 */
import { inverseSegmentCounts, sparseOperator, type SparseOperator } from '../tensor/index.ts';
import type { FeatureScaler } from '../train/feature-scaler.ts';
import {
  EDGE_FEATURES,
  GRAPH_FEATURES,
  NODE_FEATURES,
  type CaseGraph,
  type ExampleInputs,
} from './inputs.ts';

/** Column scalers of the three input matrices (fitted on training examples). */
export interface InputScalers {
  node: FeatureScaler;
  edge: FeatureScaler;
  graph: FeatureScaler;
}

export interface OutcomeBatch {
  readonly graphs: number;
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Scaled inputs, row-major. */
  readonly node: Float32Array;
  readonly edge: Float32Array;
  readonly graph: Float32Array;
  readonly src: Int32Array;
  readonly dst: Int32Array;
  readonly nodeGraph: Int32Array;
  readonly edgeGraph: Int32Array;
  readonly inverseInDegree: Float32Array;
  readonly inverseNodeCount: Float32Array;
  readonly inverseEdgeCount: Float32Array;
  readonly gcn: SparseOperator;
}

const standardize = (x: Float32Array, s: FeatureScaler, out: Float32Array, at: number) => {
  const f = s.mean.length;
  for (let i = 0; i < x.length; i++) out[at + i] = (x[i] - s.mean[i % f]) / s.std[i % f];
};

/** Stacks examples (each with the structure of its case) into one batch. */
export function buildBatch(
  items: readonly { inputs: ExampleInputs; graph: CaseGraph }[],
  scalers: InputScalers,
): OutcomeBatch {
  let nodeCount = 0;
  let edgeCount = 0;
  for (const { graph } of items) {
    nodeCount += graph.nodeCount;
    edgeCount += graph.src.length;
  }
  const F = NODE_FEATURES.length;
  const E = EDGE_FEATURES.length;
  const G = GRAPH_FEATURES.length;
  const node = new Float32Array(nodeCount * F);
  const edge = new Float32Array(edgeCount * E);
  const graphX = new Float32Array(items.length * G);
  const src = new Int32Array(edgeCount);
  const dst = new Int32Array(edgeCount);
  const nodeGraph = new Int32Array(nodeCount);
  const edgeGraph = new Int32Array(edgeCount);
  let nodeAt = 0;
  let edgeAt = 0;
  items.forEach(({ inputs, graph }, b) => {
    standardize(inputs.node, scalers.node, node, nodeAt * F);
    standardize(inputs.edge, scalers.edge, edge, edgeAt * E);
    standardize(inputs.graph, scalers.graph, graphX, b * G);
    for (let e = 0; e < graph.src.length; e++) {
      src[edgeAt + e] = graph.src[e] + nodeAt;
      dst[edgeAt + e] = graph.dst[e] + nodeAt;
      edgeGraph[edgeAt + e] = b;
    }
    nodeGraph.fill(b, nodeAt, nodeAt + graph.nodeCount);
    nodeAt += graph.nodeCount;
    edgeAt += graph.src.length;
  });
  return {
    graphs: items.length,
    nodeCount,
    edgeCount,
    node,
    edge,
    graph: graphX,
    src,
    dst,
    nodeGraph,
    edgeGraph,
    inverseInDegree: inverseSegmentCounts(dst, nodeCount),
    inverseNodeCount: inverseSegmentCounts(nodeGraph, items.length),
    inverseEdgeCount: inverseSegmentCounts(edgeGraph, items.length),
    gcn: gcnOperator(src, dst, nodeCount),
  };
}

/** D^-½ (A + I) D^-½ over directed edge lists that hold every branch both ways. */
function gcnOperator(src: Int32Array, dst: Int32Array, n: number): SparseOperator {
  const degree = new Float64Array(n).fill(1);
  for (let e = 0; e < dst.length; e++) degree[dst[e]]++;
  const rowPtr = new Int32Array(n + 1);
  for (let e = 0; e < dst.length; e++) rowPtr[dst[e] + 1]++;
  for (let i = 0; i < n; i++) rowPtr[i + 1] += rowPtr[i] + 1;
  const colIdx = new Int32Array(rowPtr[n]);
  const values = new Float32Array(rowPtr[n]);
  const next = rowPtr.slice(0, n);
  for (let i = 0; i < n; i++) {
    colIdx[next[i]] = i;
    values[next[i]++] = 1 / degree[i];
  }
  for (let e = 0; e < dst.length; e++) {
    const d = dst[e];
    colIdx[next[d]] = src[e];
    values[next[d]++] = 1 / Math.sqrt(degree[d] * degree[src[e]]);
  }
  return sparseOperator({ rows: n, cols: n, rowPtr, colIdx, values });
}
