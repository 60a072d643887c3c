/**
 * Eigenvector centrality of an undirected graph, by power iteration exactly as networkx's
 * eigenvector_centrality: start at 1/n, iterate with A + I (the shift makes the iteration
 * converge on bipartite graphs, where ±λ would otherwise alternate), normalize to unit Euclidean
 * norm, stop when the L1 change is below n × tolerance. On a disconnected graph the iteration
 * converges to the component(s) with the largest eigenvalue (others decay towards 0); when it
 * does not converge within maxIterations it throws, naming the change reached.
 */
import type { CsrGraph } from '../../topology/build-graph.ts';
import { assertCsrGraph, assertInRange, assertInteger, assertWeights } from './check.ts';

export interface EigenvectorOptions {
  /** Per-node tolerance; iteration stops when Σ|x − x_prev| < n × tolerance. Default 1e-6. */
  tolerance?: number;
  /** Iterations before giving up with an error. Default 100 (networkx's max_iter). */
  maxIterations?: number;
  /** Use edge weights as the adjacency values (needs graph.weights). Default false. */
  weighted?: boolean;
}

export const EIGENVECTOR_DEFAULTS: Required<EigenvectorOptions> = {
  tolerance: 1e-6,
  maxIterations: 100,
  weighted: false,
};

const MODULE = 'eigenvector';

/**
 * Eigenvector centrality of every node, indexed by node, with unit Euclidean norm.
 *
 * @example
 * eigenvectorCentrality(buildCsrGraph(3, [0, 1], [1, 2])); // ≈ [0.5, 0.7071, 0.5]
 */
export function eigenvectorCentrality(graph: CsrGraph, options: EigenvectorOptions = {}): Float64Array {
  assertCsrGraph(graph, MODULE);
  const { tolerance, maxIterations, weighted } = { ...EIGENVECTOR_DEFAULTS, ...options };
  assertInRange(MODULE, 'tolerance', tolerance, 0, Infinity);
  assertInteger(MODULE, 'maxIterations', maxIterations, 0, 1e9);
  const { nodeCount: n, offsets, targets } = graph;
  if (n === 0) throw new RangeError(`${MODULE}: cannot compute centrality for the null graph`);
  const weights = weighted ? assertWeights(graph, MODULE) : undefined;
  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  let err = Infinity;
  for (let it = 0; it < maxIterations; it++) {
    let sq = 0;
    for (let v = 0; v < n; v++) {
      let sum = x[v];
      if (weights) for (let j = offsets[v], e = offsets[v + 1]; j < e; j++) sum += weights[j] * x[targets[j]];
      else for (let j = offsets[v], e = offsets[v + 1]; j < e; j++) sum += x[targets[j]];
      next[v] = sum;
      sq += sum * sum;
    }
    const norm = Math.sqrt(sq) || 1;
    err = 0;
    for (let v = 0; v < n; v++) {
      const value = next[v] / norm;
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
