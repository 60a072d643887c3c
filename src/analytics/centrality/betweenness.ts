/**
 * Shortest-path betweenness centrality of an unweighted undirected graph (hop counts), by
 * Brandes' algorithm: one breadth-first search per source, then dependencies accumulated in
 * reverse BFS order. Exact over every source in O(n·m); sampled over k seeded sources, scaled by
 * n/k so that the result estimates the exact value (Brandes & Pich 2007; networkx's `k`).
 *
 * Scaling as networkx and igraph define it for undirected graphs: unnormalized, each unordered
 * pair {s, t} counts once; normalized divides that by (n − 1)(n − 2)/2.
 */
import { Rng } from '../../generator/rng.ts';
import type { CsrGraph } from '../../topology/build-graph.ts';
import { assertCsrGraph, assertInteger } from './check.ts';

export interface BetweennessOptions {
  /** Divide by (n − 1)(n − 2)/2, the number of pairs not involving the node. Default true (networkx). */
  normalized?: boolean;
  /** Sample this many distinct source nodes (1..n) and scale by n/k; default: every node (exact). */
  k?: number;
  /** Seed of the source sample when `rng` is not given. Default 0. */
  seed?: number;
  /** Generator that draws the sample (takes precedence over `seed`). */
  rng?: Rng;
  /** Explicit source nodes (distinct), scaled by n/sources.length; overrides k. */
  sources?: Int32Array;
}

export const BETWEENNESS_DEFAULTS = { normalized: true, seed: 0 } as const;

const MODULE = 'betweenness';

/**
 * Betweenness centrality of every node, indexed by node. Exact unless `k` or `sources` is given.
 *
 * @example
 * betweennessCentrality(buildCsrGraph(3, [0, 1], [1, 2]), { normalized: false }); // [0, 1, 0]
 * betweennessCentrality(grid.graph, { k: 256, seed: 7 }); // estimate from 256 sources
 */
export function betweennessCentrality(graph: CsrGraph, options: BetweennessOptions = {}): Float64Array {
  assertCsrGraph(graph, MODULE);
  const opts = { ...BETWEENNESS_DEFAULTS, ...options };
  const n = graph.nodeCount;
  let sources: Int32Array | undefined = opts.sources;
  if (sources) {
    if (!(sources instanceof Int32Array)) throw new TypeError(`${MODULE}: sources must be an Int32Array`);
    const seen = new Uint8Array(n);
    for (const s of sources) {
      assertInteger(MODULE, 'a source', s, 0, n - 1);
      if (seen[s]++) throw new RangeError(`${MODULE}: source ${s} is listed twice`);
    }
  } else if (opts.k !== undefined) {
    assertInteger(MODULE, 'k', opts.k, Math.min(1, n), n);
    if (opts.k < n) sources = sampleSources(n, opts.k, opts.rng ?? new Rng(opts.seed, 'betweenness'));
  }
  const acc = new Float64Array(n);
  const state = brandesState(n);
  if (sources) for (const s of sources) accumulateSource(graph, s, state, acc);
  else for (let s = 0; s < n; s++) accumulateSource(graph, s, state, acc);
  return rescaleBetweenness(acc, n, opts.normalized, sources ? sources.length : n);
}

/**
 * k distinct nodes of 0..n-1 drawn uniformly without replacement (a partial Fisher–Yates
 * shuffle), in draw order. The same generator state gives the same sample.
 */
export function sampleSources(n: number, k: number, rng: Rng): Int32Array {
  assertInteger(MODULE, 'k', k, 0, n);
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const t = pool[i];
    pool[i] = pool[j];
    pool[j] = t;
  }
  return pool.slice(0, k);
}

/**
 * Turns the raw sum of dependencies over `sourceCount` sources (each pair seen from both ends
 * when every node is a source) into networkx's undirected betweenness. In place; returns `acc`.
 */
export function rescaleBetweenness(
  acc: Float64Array,
  n: number,
  normalized: boolean,
  sourceCount: number,
): Float64Array {
  let scale = normalized ? (n > 2 ? 1 / ((n - 1) * (n - 2)) : 1) : 0.5;
  if (sourceCount > 0 && sourceCount < n) scale *= n / sourceCount;
  if (scale !== 1) for (let v = 0; v < n; v++) acc[v] *= scale;
  return acc;
}

/** Reusable per-search arrays of Brandes' algorithm, sized for n nodes. */
export interface BrandesState {
  /** BFS level of each node; -1 when not reached (reset after every source). */
  dist: Int32Array;
  /** Number of shortest paths from the source. */
  sigma: Float64Array;
  /** (1 + dependency) / sigma of each finished node: what its parents pull. */
  coef: Float64Array;
  /** Nodes in BFS order (a queue while searching, read backwards as the stack). */
  order: Int32Array;
}

export function brandesState(n: number): BrandesState {
  return {
    dist: new Int32Array(n).fill(-1),
    sigma: new Float64Array(n),
    coef: new Float64Array(n),
    order: new Int32Array(n),
  };
}

/**
 * Adds the dependencies of every node on source `s` to acc (acc[v] += δ_s(v)). The reverse
 * sweep pulls from children (neighbours one level deeper), so no predecessor lists are kept and
 * every write goes to the node being finished.
 */
export function accumulateSource(graph: CsrGraph, s: number, state: BrandesState, acc: Float64Array): void {
  const { offsets, targets } = graph;
  const { dist, sigma, coef, order } = state;
  dist[s] = 0;
  sigma[s] = 1;
  order[0] = s;
  let head = 0;
  let tail = 1;
  while (head < tail) {
    const v = order[head++];
    const next = dist[v] + 1;
    const sv = sigma[v];
    for (let j = offsets[v], end = offsets[v + 1]; j < end; j++) {
      const w = targets[j];
      const dw = dist[w];
      if (dw < 0) {
        dist[w] = next;
        sigma[w] = sv;
        order[tail++] = w;
      } else if (dw === next) sigma[w] += sv;
    }
  }
  for (let i = tail - 1; i > 0; i--) {
    const v = order[i];
    const next = dist[v] + 1;
    let pull = 0;
    for (let j = offsets[v], end = offsets[v + 1]; j < end; j++) {
      const w = targets[j];
      if (dist[w] === next) pull += coef[w];
    }
    const delta = sigma[v] * pull;
    acc[v] += delta;
    coef[v] = (1 + delta) / sigma[v];
  }
  for (let i = 0; i < tail; i++) {
    const v = order[i];
    dist[v] = -1;
    coef[v] = 0;
  }
}
