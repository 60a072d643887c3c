/**
 * Distance-based centralities of an unweighted undirected graph, from one breadth-first search
 * per node: harmonic closeness (Σ 1/d over the other nodes; unreachable nodes add 0, so it is
 * defined on disconnected graphs) and classic closeness as networkx's closeness_centrality.
 */
import type { CsrGraph } from '../../topology/build-graph.ts';
import { assertCsrGraph, assertInteger } from './check.ts';

export interface HarmonicOptions {
  /** Divide by n − 1 (igraph's normalized harmonic centrality; networkx leaves it raw). Default false. */
  normalized?: boolean;
  /** Compute only these nodes (one search each); every other entry of the result is NaN. Default: all. */
  nodes?: Int32Array;
}

export const HARMONIC_DEFAULTS: HarmonicOptions = { normalized: false };

export interface ClosenessOptions {
  /** Wasserman–Faust scaling by the reachable share, (r / (n − 1)), as networkx's wf_improved. Default true. */
  wfImproved?: boolean;
  /** Compute only these nodes (one search each); every other entry of the result is NaN. Default: all. */
  nodes?: Int32Array;
}

export const CLOSENESS_DEFAULTS: ClosenessOptions = { wfImproved: true };

/**
 * Harmonic centrality of every node: Σ_{v ≠ u} 1 / d(u, v), indexed by node.
 *
 * @example
 * harmonicCentrality(buildCsrGraph(3, [0, 1], [1, 2])); // [1.5, 2, 1.5]
 */
export function harmonicCentrality(graph: CsrGraph, options: HarmonicOptions = {}): Float64Array {
  assertCsrGraph(graph, 'harmonic');
  const { normalized, nodes } = { ...HARMONIC_DEFAULTS, ...options };
  const n = graph.nodeCount;
  const out = resultArray(n, nodes, 'harmonic');
  const scale = normalized && n > 1 ? 1 / (n - 1) : 1;
  const search = levelSearch(n);
  for (let i = 0, count = nodes ? nodes.length : n; i < count; i++) {
    const u = nodes ? nodes[i] : i;
    const levels = search.run(graph, u);
    let h = 0;
    for (let d = 1; d < levels; d++) h += search.levelSize[d] / d;
    out[u] = h * scale;
  }
  return out;
}

/**
 * Closeness centrality of every node, indexed by node: (r / Σ d(u, v)) over the r nodes u
 * reaches, times r / (n − 1) when wfImproved; 0 for a node that reaches nothing.
 *
 * @example
 * closenessCentrality(buildCsrGraph(3, [0, 1], [1, 2])); // [0.6667, 1, 0.6667]
 */
export function closenessCentrality(graph: CsrGraph, options: ClosenessOptions = {}): Float64Array {
  assertCsrGraph(graph, 'closeness');
  const { wfImproved, nodes } = { ...CLOSENESS_DEFAULTS, ...options };
  const n = graph.nodeCount;
  const out = resultArray(n, nodes, 'closeness');
  const search = levelSearch(n);
  for (let i = 0, count = nodes ? nodes.length : n; i < count; i++) {
    const u = nodes ? nodes[i] : i;
    const levels = search.run(graph, u);
    let total = 0;
    let reached = 0;
    for (let d = 1; d < levels; d++) {
      total += d * search.levelSize[d];
      reached += search.levelSize[d];
    }
    out[u] = total > 0 && n > 1 ? (reached / total) * (wfImproved ? reached / (n - 1) : 1) : 0;
  }
  return out;
}

/** The result array: zeros for every node, or NaN except at the (checked) `nodes` asked for. */
function resultArray(n: number, nodes: Int32Array | undefined, module: string): Float64Array {
  const out = new Float64Array(n);
  if (!nodes) return out;
  if (!(nodes instanceof Int32Array)) throw new TypeError(`${module}: nodes must be an Int32Array`);
  out.fill(NaN);
  for (const u of nodes) assertInteger(module, 'a node', u, 0, n - 1);
  return out;
}

/**
 * A breadth-first search that only counts the nodes at each level, reusing its arrays between
 * sources. run() returns the number of levels (levelSize[0] = 1 is the source itself).
 */
function levelSearch(n: number) {
  const seen = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const levelSize = new Int32Array(n + 1);
  return {
    levelSize,
    run(graph: CsrGraph, source: number): number {
      const { offsets, targets } = graph;
      seen[source] = source;
      queue[0] = source;
      let head = 0;
      let tail = 1;
      let levels = 0;
      while (head < tail) {
        const levelEnd = tail;
        levelSize[levels++] = levelEnd - head;
        while (head < levelEnd) {
          const v = queue[head++];
          for (let j = offsets[v], e = offsets[v + 1]; j < e; j++) {
            const w = targets[j];
            if (seen[w] !== source) {
              seen[w] = source;
              queue[tail++] = w;
            }
          }
        }
      }
      return levels;
    },
  };
}
