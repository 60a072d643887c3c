/**
 * PageRank of an undirected graph (each edge a link both ways), by power iteration exactly as
 * networkx's pagerank: start at 1/n, teleport uniformly, and spread the rank of dangling nodes
 * (no neighbours) uniformly over every node; stop when the L1 change is below n × tolerance.
 * For tight tolerances, Gauss–Seidel sweeps (each node's new value used at once) reach the same
 * fixed point in about half the sweeps.
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
  /** 'power' (networkx's iteration, default) or 'gauss-seidel' (same fixed point, fewer sweeps). */
  method?: 'power' | 'gauss-seidel';
}

export const PAGERANK_DEFAULTS: Required<PagerankOptions> = {
  alpha: 0.85,
  tolerance: 1e-6,
  maxIterations: 100,
  weighted: false,
  method: 'power',
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
  const { alpha, tolerance, maxIterations, weighted, method } = { ...PAGERANK_DEFAULTS, ...options };
  if (method !== 'power' && method !== 'gauss-seidel')
    throw new RangeError(`${MODULE}: method must be 'power' or 'gauss-seidel' (got ${String(method)})`);
  assertInRange(MODULE, 'alpha', alpha, 0, 1, true);
  assertInRange(MODULE, 'tolerance', tolerance, 0, Infinity);
  assertInteger(MODULE, 'maxIterations', maxIterations, 0, 1e9);
  const { nodeCount: n, offsets } = graph;
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
  if (method === 'gauss-seidel') return gaussSeidel(graph, invOut, weights, alpha, tolerance, maxIterations);
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
      const value = alpha * incoming(graph, weights, share, v) + base;
      next[v] = value;
      err += Math.abs(value - x[v]);
    }
    [x, next] = [next, x];
    if (err < n * tolerance) return x;
  }
  throw notConverged('power iteration', maxIterations, err, n * tolerance);
}

function notConverged(what: string, iterations: number, err: number, limit: number): Error {
  return new Error(
    `${MODULE}: ${what} did not converge in ${iterations} iterations (L1 change ${err.toExponential(3)} ≥ n × tolerance ${limit.toExponential(3)}); raise maxIterations or tolerance`,
  );
}

/** Gauss–Seidel sweeps on x = α·(P x + d/n) + (1−α)/n, normalized to sum 1 at the end. */
function gaussSeidel(
  graph: CsrGraph,
  invOut: Float64Array,
  weights: Float64Array | undefined,
  alpha: number,
  tolerance: number,
  maxIterations: number,
): Float64Array {
  const n = graph.nodeCount;
  const x = new Float64Array(n).fill(1 / n);
  const share = Float64Array.from(x, (v, u) => v * invOut[u]);
  const teleport = (1 - alpha) / n;
  let dangling = 0;
  for (let u = 0; u < n; u++) if (invOut[u] === 0) dangling += x[u];
  let err = Infinity;
  for (let it = 0; it < maxIterations; it++) {
    err = 0;
    let nextDangling = 0;
    const base = alpha * (dangling / n) + teleport;
    for (let v = 0; v < n; v++) {
      const value = alpha * incoming(graph, weights, share, v) + base;
      err += Math.abs(value - x[v]);
      x[v] = value;
      share[v] = value * invOut[v];
      if (invOut[v] === 0) nextDangling += value;
    }
    dangling = nextDangling;
    if (err < n * tolerance) {
      let total = 0;
      for (let v = 0; v < n; v++) total += x[v];
      for (let v = 0; v < n; v++) x[v] /= total;
      return x;
    }
  }
  throw notConverged('Gauss–Seidel', maxIterations, err, n * tolerance);
}

/** Rank flowing into v: Σ over its neighbours u of share[u] (× the edge weight when weighted). */
function incoming(
  graph: CsrGraph,
  weights: Float64Array | undefined,
  share: Float64Array,
  v: number,
): number {
  const { offsets, targets } = graph;
  let sum = 0;
  if (weights) for (let j = offsets[v], e = offsets[v + 1]; j < e; j++) sum += weights[j] * share[targets[j]];
  else for (let j = offsets[v], e = offsets[v + 1]; j < e; j++) sum += share[targets[j]];
  return sum;
}
