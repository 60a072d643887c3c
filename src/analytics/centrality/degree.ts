/**
 * Degree centrality: the number of neighbours of each node (or, weighted, the sum of its edge
 * weights), divided by n − 1 when normalized, as networkx's degree_centrality.
 */
import type { CsrGraph } from '../../topology/build-graph.ts';
import { assertCsrGraph, assertWeights } from './check.ts';

export interface DegreeOptions {
  /** Divide by n − 1, the largest possible degree (networkx's degree_centrality). Default true. */
  normalized?: boolean;
  /** Sum edge weights instead of counting neighbours (needs graph.weights). Default false. */
  weighted?: boolean;
}

export const DEGREE_DEFAULTS: Required<DegreeOptions> = { normalized: true, weighted: false };

/**
 * Degree centrality of every node, indexed by node.
 *
 * @example
 * degreeCentrality(buildCsrGraph(3, [0, 1], [1, 2])); // Float64Array [0.5, 1, 0.5]
 */
export function degreeCentrality(graph: CsrGraph, options: DegreeOptions = {}): Float64Array {
  assertCsrGraph(graph, 'degree');
  const { normalized, weighted } = { ...DEGREE_DEFAULTS, ...options };
  const { nodeCount: n, offsets } = graph;
  const weights = weighted ? assertWeights(graph, 'degree') : undefined;
  const out = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    if (weights) {
      let s = 0;
      for (let j = offsets[u]; j < offsets[u + 1]; j++) s += weights[j];
      out[u] = s;
    } else out[u] = offsets[u + 1] - offsets[u];
  }
  if (normalized) {
    // networkx: a single node has centrality 1; otherwise scale by 1/(n-1).
    if (n === 1) out[0] = 1;
    else for (let u = 0; u < n; u++) out[u] /= n - 1;
  }
  return out;
}
