/**
 * PageRank of an undirected graph (each edge a link both ways), by power iteration exactly as
 * networkx's pagerank: start at 1/n, teleport uniformly, and spread the rank of dangling nodes
 * (no neighbours) uniformly over every node; stop when the L1 change is below n × tolerance.
 */
import type { CsrGraph } from '../../topology/build-graph.ts';
import { assertCsrGraph, assertInRange, assertInteger, assertWeights } from './check.ts';

export interface PagerankOptions {
  /** Damping factor: the probability of following a link rather than teleporting. Default 0.85. */
  alpha?: number;
  /** Per-node tolerance; iteration stops when Σ|x − x_prev| < n × tolerance. Default 1e-6. */
  tolerance?: number;
  /** Iterations before giving up with an error. Default 100 (networkx's max_iter). */
  maxIterations?: number;
  /** Follow links in proportion to edge weight (needs graph.weights). Default false. */
  weighted?: boolean;
}

export const PAGERANK_DEFAULTS: Required<PagerankOptions> = {
  alpha: 0.85,
  tolerance: 1e-6,
  maxIterations: 100,
  weighted: false,
};

const MODULE = 'pagerank';

/**
 * PageRank of every node, indexed by node; the values sum to 1.
 *
 * @example
 * pagerank(buildCsrGraph(3, [0, 1], [1, 2])); // ≈ [0.2567, 0.4865, 0.2567]
 */
export function pagerank(graph: CsrGraph, options: PagerankOptions = {}): Float64Array {
  assertCsrGraph(graph, MODULE);
  const { alpha, tolerance, maxIterations, weighted } = { ...PAGERANK_DEFAULTS, ...options };
  assertInRange(MODULE, 'alpha', alpha, 0, 1, true);
  assertInRange(MODULE, 'tolerance', tolerance, 0, Infinity);
  assertInteger(MODULE, 'maxIterations', maxIterations, 0, 1e9);
  const { nodeCount: n, offsets, targets } = graph;
  if (n === 0) return new Float64Array(0);
  const weights = weighted ? assertWeights(graph, MODULE) : undefined;
  // invOut[u] = 1 / (out-degree or out-strength) of u; 0 marks a dangling node.
  const invOut = new Float64Array(n);
  for (let u = 0; u < n; u++) {
    let s = 0;
    if (weights) for (let j = offsets[u]; j < offsets[u + 1]; j++) s += weights[j];
    else s = offsets[u + 1] - offsets[u];
    invOut[u] = s !== 0 ? 1 / s : 0;
  }
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const share = new Float64Array(n);
  const teleport = (1 - alpha) / n;
  let err = Infinity;
  for (let it = 0; it < maxIterations; it++) {
    // What each node passes to each neighbour, and the rank held by dangling nodes.
    let dangling = 0;
    for (let u = 0; u < n; u++) {
      share[u] = x[u] * invOut[u];
      if (invOut[u] === 0) dangling += x[u];
    }
    const base = alpha * (dangling / n) + teleport;
    err = 0;
    for (let v = 0; v < n; v++) {
      let sum = 0;
      if (weights)
        for (let j = offsets[v], e = offsets[v + 1]; j < e; j++) sum += weights[j] * share[targets[j]];
      else for (let j = offsets[v], e = offsets[v + 1]; j < e; j++) sum += share[targets[j]];
      const value = alpha * sum + base;
      next[v] = value;
      err += Math.abs(value - x[v]);
    }
    [x, next] = [next, x];
    if (err < n * tolerance) return x;
  }
  throw new Error(
    `${MODULE}: power iteration did not converge in ${maxIterations} iterations (L1 change ${err.toExponential(3)} ≥ n × tolerance ${(n * tolerance).toExponential(3)}); raise maxIterations or tolerance`,
  );
}
