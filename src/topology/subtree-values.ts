/**
 * Values over each node's subtree of a radial distribution graph: walking `graph.order`
 * backwards visits children before parents, so one pass folds every node into its parent.
 */
import type { DistributionGraph } from './distribution-graph.ts';

type NodeValues = Float64Array | Int32Array;

/** Each node's value becomes the sum over its subtree (itself included). */
export function sumUpTree(graph: DistributionGraph, fromNode: ArrayLike<number>, values: NodeValues): void {
  for (let k = graph.order.length - 1; k >= 0; k--) {
    const n = graph.order[k];
    const s = graph.upstreamSection[n];
    if (s >= 0) values[fromNode[s]] += values[n];
  }
}

/** Each node's value becomes the largest in its subtree (itself included). */
export function maxUpTree(graph: DistributionGraph, fromNode: ArrayLike<number>, values: NodeValues): void {
  for (let k = graph.order.length - 1; k >= 0; k--) {
    const n = graph.order[k];
    const s = graph.upstreamSection[n];
    if (s >= 0) values[fromNode[s]] = Math.max(values[fromNode[s]], values[n]);
  }
}
