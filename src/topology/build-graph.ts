/**
 * Undirected graphs in compressed sparse row (CSR) form over typed arrays, and the whole grid as
 * one such graph. Building is apart from analysing: the centrality metrics in
 * src/analytics/centrality/ read only the arrays made here.
 *
 * Node ids of the grid graph are the product's own row indices: nodes 0 .. busCount-1 are
 * transmission buses (row b of `buses`), nodes busCount .. nodeCount-1 are distribution nodes
 * (row d of `dist_nodes` is node busCount + d). Substations map to their bus's node, feeders to
 * their head node.
 */
import { code } from '../model/codes.ts';
import type { GridModel } from '../model/grid-model.ts';

/**
 * An undirected simple graph: the neighbours of node u are
 * targets[offsets[u] .. offsets[u+1]-1], in increasing order. Every edge {u, v} appears twice
 * (v in u's list and u in v's list); there are no self-loops and no parallel edges.
 */
export interface CsrGraph {
  nodeCount: number;
  /** Length nodeCount + 1; offsets[nodeCount] = 2 × edge count. */
  offsets: Int32Array;
  targets: Int32Array;
  /** Weight of each adjacency entry (same length as targets), symmetric; absent for unweighted graphs. */
  weights?: Float64Array;
}

/** How the weights of parallel edges merge into the one edge kept. */
export type ParallelMerge = 'sum' | 'min' | 'max';

export interface BuildGraphOptions {
  /** Weight of each input edge (same length as from/to); the graph is unweighted without it. */
  weights?: ArrayLike<number>;
  /** How parallel edges' weights merge; default 'sum' (parallel circuits add). */
  parallel?: ParallelMerge;
}

const MODULE = 'build-graph';

/**
 * Builds a CSR graph from an edge list: edge i joins from[i] and to[i]. Self-loops are dropped
 * and parallel edges (in either direction) are merged into one. O(n + m) (two counting sorts).
 *
 * @example
 * const g = buildCsrGraph(3, [0, 1, 1], [1, 2, 0]); // path 0–1–2; the edge 1–0 repeats 0–1
 * // g.offsets = [0, 1, 3, 4], g.targets = [1, 0, 2, 1]
 */
export function buildCsrGraph(
  nodeCount: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  options: BuildGraphOptions = {},
): CsrGraph {
  if (!Number.isInteger(nodeCount) || nodeCount < 0 || nodeCount > 0x7fffffff) {
    throw new RangeError(`${MODULE}: invalid node count ${nodeCount}`);
  }
  const m = from.length;
  const { weights, parallel = 'sum' } = options;
  if (to.length !== m || (weights && weights.length !== m)) {
    throw new RangeError(`${MODULE}: edge arrays differ in length (from ${m}, to ${to.length})`);
  }
  // Normalise each edge to lo < hi, dropping self-loops.
  const lo = new Int32Array(m);
  const hi = new Int32Array(m);
  let kept = 0;
  for (let i = 0; i < m; i++) {
    const a = from[i];
    const b = to[i];
    if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || b < 0 || a >= nodeCount || b >= nodeCount) {
      throw new RangeError(`${MODULE}: edge ${i} (${a}, ${b}) has a node outside 0..${nodeCount - 1}`);
    }
    if (a === b) continue;
    lo[kept] = a < b ? a : b;
    hi[kept] = a < b ? b : a;
    kept++;
  }
  // Sort edge indices by (lo, hi): counting sort by hi, then a stable counting sort by lo.
  const byHi = countingOrder(nodeCount, hi, kept, null);
  const order = countingOrder(nodeCount, lo, kept, byHi);
  // Deduplicate consecutive equal pairs; `rep` is the first edge index of each distinct pair.
  const rep = new Int32Array(kept);
  const merged = weights ? new Float64Array(kept) : undefined;
  let distinct = 0;
  for (let k = 0; k < kept; k++) {
    const e = order[k];
    const w = weights ? Number(weights[e]) : 0;
    if (distinct > 0) {
      const p = rep[distinct - 1];
      if (lo[p] === lo[e] && hi[p] === hi[e]) {
        if (merged) merged[distinct - 1] = mergeWeight(merged[distinct - 1], w, parallel);
        continue;
      }
    }
    rep[distinct] = e;
    if (merged) merged[distinct] = w;
    distinct++;
  }
  // Distinct pairs in (lo, hi) order fill every node's list in increasing neighbour order:
  // first the neighbours below it (as hi), then those above it (as lo).
  const offsets = new Int32Array(nodeCount + 1);
  for (let k = 0; k < distinct; k++) {
    offsets[lo[rep[k]] + 1]++;
    offsets[hi[rep[k]] + 1]++;
  }
  for (let u = 0; u < nodeCount; u++) offsets[u + 1] += offsets[u];
  const fill = offsets.slice(0, nodeCount);
  const targets = new Int32Array(2 * distinct);
  const adjWeights = merged ? new Float64Array(2 * distinct) : undefined;
  for (let k = 0; k < distinct; k++) {
    const a = lo[rep[k]];
    const b = hi[rep[k]];
    const ia = fill[a]++;
    const ib = fill[b]++;
    targets[ia] = b;
    targets[ib] = a;
    if (adjWeights && merged) adjWeights[ia] = adjWeights[ib] = merged[k];
  }
  return adjWeights ? { nodeCount, offsets, targets, weights: adjWeights } : { nodeCount, offsets, targets };
}

/** Stable counting sort of edge indices (`input` order, or 0..count-1) by key[e]. */
function countingOrder(
  nodeCount: number,
  key: Int32Array,
  count: number,
  input: Int32Array | null,
): Int32Array {
  const start = new Int32Array(nodeCount + 1);
  for (let e = 0; e < count; e++) start[key[e] + 1]++;
  for (let u = 0; u < nodeCount; u++) start[u + 1] += start[u];
  const out = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const e = input ? input[k] : k;
    out[start[key[e]]++] = e;
  }
  return out;
}

function mergeWeight(a: number, b: number, how: ParallelMerge): number {
  if (how === 'min') return a < b ? a : b;
  if (how === 'max') return a > b ? a : b;
  return a + b;
}

/** Number of undirected edges of a CSR graph. */
export function edgeCount(graph: CsrGraph): number {
  return graph.offsets[graph.nodeCount] / 2;
}

/** Each undirected edge once (u < v), in (u, v) order: the edge list a peer tool can read back. */
export function edgeList(graph: CsrGraph): { from: Int32Array; to: Int32Array } {
  const m = edgeCount(graph);
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  let k = 0;
  for (let u = 0; u < graph.nodeCount; u++) {
    for (let j = graph.offsets[u]; j < graph.offsets[u + 1]; j++) {
      const v = graph.targets[j];
      if (v > u) {
        from[k] = u;
        to[k++] = v;
      }
    }
  }
  return { from, to };
}

export interface GridGraphOptions {
  /**
   * Tie switches to treat as closed: `true` closes every tie, a Uint8Array closes tie row k where
   * closeTies[k] ≠ 0 (as SwitchingState.tiesClosed). Ties whose normally_open is 0 are always
   * closed. Default false: the normal, radial switching state.
   */
  closeTies?: boolean | Uint8Array;
}

/** The whole grid as one undirected graph, with the maps between graph nodes and asset rows. */
export interface GridGraph {
  graph: CsrGraph;
  /** Nodes 0 .. busCount-1 are buses; node busCount + d is distribution node d. */
  busCount: number;
  /** Graph node of each substation (its transmission bus); -1 when its bus is missing. */
  substationNode: Int32Array;
  /** Graph node of each feeder (its head distribution node); -1 when it has none. */
  feederHeadNode: Int32Array;
  /** Input edges by kind, before merging parallels (closed_ties counts the ties added). */
  edgeSources: {
    transmission_lines: number;
    line_sections: number;
    substation_feeders: number;
    closed_ties: number;
  };
}

/**
 * The grid as one graph: transmission buses and distribution nodes, joined by transmission lines,
 * line sections, one edge from each substation's bus to the head node of each of its feeders,
 * and closed tie switches (see GridGraphOptions.closeTies).
 *
 * @example
 * const grid = buildGridGraph(generateGrid({ scale: 'sample', seed: 1 }));
 * const bc = betweennessCentrality(grid.graph);
 * bc[grid.substationNode[0]]; // betweenness of SUB-0001's bus
 */
export function buildGridGraph(model: GridModel, options: GridGraphOptions = {}): GridGraph {
  const t = model.tables;
  const busCount = t.buses.size;
  const nodeCount = busCount + t.dist_nodes.size;
  const { closeTies = false } = options;
  if (closeTies instanceof Uint8Array && closeTies.length !== t.switches.size) {
    throw new RangeError(
      `${MODULE}: closeTies has ${closeTies.length} flags for ${t.switches.size} switches`,
    );
  }
  const from: number[] = [];
  const to: number[] = [];
  const line = t.transmission_lines.cols;
  for (let l = 0; l < t.transmission_lines.size; l++) {
    from.push(line.from_bus[l]);
    to.push(line.to_bus[l]);
  }
  const sec = t.line_sections.cols;
  for (let s = 0; s < t.line_sections.size; s++) {
    from.push(busCount + sec.from_node[s]);
    to.push(busCount + sec.to_node[s]);
  }
  const substationNode = Int32Array.from(t.substations.cols.bus, (b) => (b >= 0 && b < busCount ? b : -1));
  const feederHeadNode = Int32Array.from(t.feeders.cols.head_node, (h) =>
    h >= 0 && h < t.dist_nodes.size ? busCount + h : -1,
  );
  let substationFeeders = 0;
  for (let f = 0; f < t.feeders.size; f++) {
    const s = t.feeders.cols.substation[f];
    const bus = s >= 0 && s < t.substations.size ? substationNode[s] : -1;
    if (bus < 0 || feederHeadNode[f] < 0) continue;
    from.push(bus);
    to.push(feederHeadNode[f]);
    substationFeeders++;
  }
  const sw = t.switches.cols;
  const TIE = code('switch_kind', 'tie');
  let closedTies = 0;
  for (let k = 0; k < t.switches.size; k++) {
    if (sw.kind[k] !== TIE) continue;
    const closed =
      sw.normally_open[k] === 0 ||
      closeTies === true ||
      (closeTies instanceof Uint8Array && closeTies[k] !== 0);
    if (!closed || sw.node_a[k] < 0 || sw.node_b[k] < 0) continue;
    from.push(busCount + sw.node_a[k]);
    to.push(busCount + sw.node_b[k]);
    closedTies++;
  }
  return {
    graph: buildCsrGraph(nodeCount, from, to),
    busCount,
    substationNode,
    feederHeadNode,
    edgeSources: {
      transmission_lines: t.transmission_lines.size,
      line_sections: t.line_sections.size,
      substation_feeders: substationFeeders,
      closed_ties: closedTies,
    },
  };
}

/** Asset id of a grid-graph node: a bus id (`BUS-…`) or a distribution node id (`NODE-…`). */
export function gridNodeAssetId(model: GridModel, grid: GridGraph, node: number): string {
  if (!Number.isInteger(node) || node < 0 || node >= grid.graph.nodeCount) {
    throw new RangeError(`${MODULE}: node ${node} is not in the grid graph`);
  }
  return node < grid.busCount
    ? model.tables.buses.ids[node]
    : model.tables.dist_nodes.ids[node - grid.busCount];
}

/**
 * Graph node of an asset id: buses and distribution nodes directly, substations via their bus,
 * feeders via their head node; -1 for any other id (or an unknown one).
 */
export function gridNodeOfAsset(model: GridModel, grid: GridGraph, id: string): number {
  const t = model.tables;
  const lookups: [string[], (row: number) => number][] = [
    [t.buses.ids, (r) => r],
    [t.dist_nodes.ids, (r) => grid.busCount + r],
    [t.substations.ids, (r) => grid.substationNode[r]],
    [t.feeders.ids, (r) => grid.feederHeadNode[r]],
  ];
  for (const [ids, node] of lookups) {
    const prefix = ids[0]?.slice(0, ids[0].indexOf('-') + 1);
    if (!prefix || !id.startsWith(prefix)) continue;
    const row = ids.indexOf(id);
    return row < 0 ? -1 : node(row);
  }
  return -1;
}
